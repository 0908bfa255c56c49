"""Every chart of the built portal, measured in Chromium as drawn: no two of its texts overlap,
none leaves the chart, none lies over a bar or a swatch of the key but a figure on its own
plate; its text is no smaller than the body's small print where the chart is at its widest;
and a page with a chart does not scroll sideways on a 320 px phone.

ChartTests checks the same of the layout's estimates; these check the real glyphs, in the
fonts a reader's browser picks."""

import pytest

# Chart pages: those whose HTML draws a chart's SVG.
CHART = 'class="chart__svg"'

# For each chart on the page: its texts' boxes in screen coordinates (getBoundingClientRect
# takes the viewBox's scaling into account), its own box, the boxes of its bars, swatches
# and plates (rectangles drawn straight in the SVG, not inside a pattern), and the size
# its text is drawn at.
MEASURE = """
return Array.from(document.querySelectorAll('svg.chart__svg')).map((svg, index) => {
    const box = (element) => { const r = element.getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
    const rects = Array.from(svg.querySelectorAll(':scope > rect'));
    const isPlate = (rect) => rect.getAttribute('fill') === '#fff';
    return {
        chart: svg.querySelector('title').textContent || String(index),
        svg: box(svg),
        viewBoxWidth: svg.viewBox.baseVal.width,
        fontSize: parseFloat(svg.getAttribute('font-size')),
        texts: Array.from(svg.querySelectorAll('text')).map((text) => {
            const before = text.previousElementSibling;
            const plate = before && before.tagName === 'rect' && isPlate(before) ? rects.indexOf(before) : -1;
            return {text: text.textContent, box: box(text), plate: plate};
        }),
        rects: rects.map((rect) => ({box: box(rect), plate: isPlate(rect)})),
    };
});
"""

SMALL_PRINT = "return parseFloat(getComputedStyle(document.documentElement).fontSize)"

# Subpixel rounding of glyph boxes.
SLACK = 0.5


def overlap(a, b):
    return (a["left"] < b["right"] - SLACK and b["left"] < a["right"] - SLACK
            and a["top"] < b["bottom"] - SLACK and b["top"] < a["bottom"] - SLACK)


def inside(inner, outer):
    return (inner["left"] >= outer["left"] - SLACK and inner["right"] <= outer["right"] + SLACK
            and inner["top"] >= outer["top"] - SLACK and inner["bottom"] <= outer["bottom"] + SLACK)


def chart_pages(site):
    pages = []
    for page in site["pages"]:
        path = site["root"] / page.strip("/")
        if not page.endswith(".html"):
            path = path / "index.html"
        if CHART in path.read_text(encoding="utf-8"):
            pages.append(page)
    return pages


def browser_at(new_browser, width):
    """A browser whose page is `width` px wide. Headless Chromium keeps a window at least
    500 px wide whatever --window-size says, so a phone's width is set on the page itself."""
    driver = new_browser(width=width, height=900)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    return driver


def problems_of(chart):
    """What is wrong with one measured chart, in words."""
    found = []
    texts = chart["texts"]
    for i, one in enumerate(texts):
        if not inside(one["box"], chart["svg"]):
            found.append(f"“{one['text']}” leaves the chart")
        for other in texts[i + 1:]:
            if overlap(one["box"], other["box"]):
                found.append(f"“{one['text']}” overlaps “{other['text']}”")
        plate = chart["rects"][one["plate"]]["box"] if one["plate"] >= 0 else None
        if plate and not inside(one["box"], plate):
            found.append(f"“{one['text']}” spills off its plate")
        for rect in chart["rects"]:
            # A figure on a plate lies over the bar its plate is on, and no other.
            if rect["plate"] or plate and inside(plate, rect["box"]):
                continue
            if overlap(one["box"], rect["box"]):
                found.append(f"“{one['text']}” lies over a bar or swatch")
    return found


@pytest.mark.parametrize("width", [1200, 320])
def test_chart_labels_never_overlap(site, new_browser, width):
    pages = chart_pages(site)
    if not pages:
        pytest.skip(f"{site['name']} has no charts")
    driver = browser_at(new_browser, width)
    charts = 0
    labels = 0
    failures = {}
    for page in pages:
        driver.get(site["base"] + page)
        for chart in driver.execute_script(MEASURE):
            charts += 1
            labels += len(chart["texts"])
            found = problems_of(chart)
            if found:
                failures[f"{page} {chart['chart']}"] = found[:10]
    print(f"{width} px: {charts} charts on {len(pages)} pages, {labels} texts measured")
    for chart, found in failures.items():
        print(f"  {chart}:", *found, sep="\n    ")
    assert charts > 0
    assert not failures, failures


def test_chart_text_is_no_smaller_than_the_small_print(site, new_browser):
    """Where the column is wide enough for a chart at its widest (25em), its text is drawn at
    the body's small print (1rem), or larger: narrower, it scales down with the column."""
    pages = chart_pages(site)
    if not pages:
        pytest.skip(f"{site['name']} has no charts")
    driver = browser_at(new_browser, 1200)
    small = {}
    for page in pages:
        driver.get(site["base"] + page)
        small_print = driver.execute_script(SMALL_PRINT)
        for chart in driver.execute_script(MEASURE):
            drawn = chart["fontSize"] * (chart["svg"]["right"] - chart["svg"]["left"]) / chart["viewBoxWidth"]
            if drawn < small_print - 0.01:
                small[f"{page} {chart['chart']}"] = f"{drawn:.1f} px, small print {small_print:.1f} px"
    assert not small, small


def test_pages_with_charts_do_not_scroll_sideways_at_320px(site, new_browser):
    pages = chart_pages(site)
    if not pages:
        pytest.skip(f"{site['name']} has no charts")
    driver = browser_at(new_browser, 320)
    wide = {}
    for page in pages:
        driver.get(site["base"] + page)
        scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert inner == 320, f"the page is {inner} px wide, not 320"
        if scroll > inner:
            wide[page] = (scroll, inner)
    print(f"320 px: {len(pages)} pages with charts, {len(wide)} scroll sideways")
    assert not wide, wide
