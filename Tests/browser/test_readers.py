"""What every reader gets: no horizontal scrolling on a 320 px phone, no console errors,
no request to another site, nothing stored, a search that finds private fostering, and
screenshots of the home page and a sensitive page, phone and desktop, for people to look at."""

import json

from selenium.webdriver.common.by import By

from conftest import ARTIFACTS


def test_no_horizontal_scroll_at_320px(site, new_browser):
    driver = new_browser(width=320, height=800)
    wide = {}
    for page in site["pages"]:
        driver.get(site["base"] + page)
        scroll, client = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide[page] = (scroll, client)
    print(f"320 px: {len(site['pages'])} pages checked, {len(wide)} scroll sideways")
    assert not wide, wide


def test_no_console_errors_no_outside_requests_nothing_stored(site, new_browser):
    driver = new_browser()
    for page in site["pages"]:
        driver.get(site["base"] + page)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
    requested = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.add(message["params"]["request"]["url"])
    outside = sorted(url for url in requested if not url.startswith(site["base"]) and not url.startswith("data:"))
    assert not outside, outside
    assert driver.get_cookies() == []
    assert driver.execute_script("return localStorage.length + sessionStorage.length") == 0


def test_search_finds_private_fostering(site, new_browser):
    driver = new_browser()
    driver.get(site["base"] + "/search/?q=private+fostering")
    # Every result, from Pagefind's own index (the box shows the first few).
    urls = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/pagefind/pagefind.js').then(async (pagefind) => {
            const search = await pagefind.search('private fostering');
            const pages = await Promise.all(search.results.map((result) => result.data()));
            done(pages.map((page) => page.url));
        }).catch((error) => done(String(error)));
    """)
    assert "/parents-carers/private-fostering/" in urls, urls
    # The search box shows results and the filters.
    driver.implicitly_wait(10)
    assert driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
    filters = driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-name")
    names = {f.get_attribute("textContent").strip().lower() for f in filters}
    assert {"audience", "topic", "level"} <= names, names


def test_search_page_without_javascript_offers_the_a_to_z(site, new_browser):
    driver = new_browser(javascript=False)
    driver.get(site["base"] + "/search/")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".az-list a")]
    assert site["base"] + "/parents-carers/private-fostering/" in links


def test_pages_are_light(site):
    root = site["root"]
    css = (root / "assets" / "site.css").stat().st_size
    heavy = {}
    for page in site["samples"]:
        html = (root / page.strip("/") / "index.html") if page != "/" else root / "index.html"
        size = html.stat().st_size + css
        if "quick-exit.js" in html.read_text(encoding="utf-8"):
            size += (root / "assets" / "quick-exit.js").stat().st_size
        if size > 30_000 and page in ("/", "/parents-carers/private-fostering/"):
            heavy[page] = size
    assert not heavy, heavy


def test_screenshots(site, new_browser):
    for width, height, name in [(390, 844, "phone"), (1280, 900, "desktop")]:
        driver = new_browser(width=width, height=height)
        for page, label in [("/", "home"), ("/parents-carers/private-fostering/", "private-fostering")]:
            driver.get(site["base"] + page)
            path = ARTIFACTS / f"{site['name']}-{label}-{name}.png"
            driver.save_screenshot(str(path))
            assert path.stat().st_size > 10_000


def test_contents_numbers_sit_beside_the_first_line(site, new_browser):
    """A contents item that wraps keeps its number beside its first line: a probe put at
    the start of the item (where its number's line is) lines up with the link's first line,
    not its last (as it did with inline-block links)."""
    driver = new_browser(width=320, height=800)
    checked = 0
    for page in site["pages"]:
        driver.get(site["base"] + page)
        gaps = driver.execute_script("""
            return Array.from(document.querySelectorAll('.contents-list__list > li')).map((item) => {
                const link = item.querySelector('a');
                const range = document.createRange();
                range.selectNodeContents(link);
                const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
                if (lines.size < 2) return null;
                const probe = document.createElement('span');
                item.insertBefore(probe, item.firstChild);
                const gap = probe.getBoundingClientRect().top - Math.min(...lines);
                probe.remove();
                return gap;
            }).filter((gap) => gap !== null);
        """)
        for gap in gaps:
            checked += 1
            assert gap < 12, f"{page}: a wrapped contents item's number is {gap:.0f} px below its first line"
    print(f"contents lists: {checked} wrapped items checked at 320 px")
    assert checked > 0
