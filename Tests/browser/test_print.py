"""The PDFs portal makes of printed pages (the training brochure, each annual report), read
back with pypdf: tagged, with title, language and author, fonts embedded, a contents page
whose page numbers are where the headings land, and the brochure within 16 A4 pages. Each
page that links to its PDF says the PDF's real number of pages."""

import re

import pypdf
import pytest

DOWNLOAD = re.compile(r'<p class="download">Download <a href="([^"]+\.pdf)" type="application/pdf">(.*?) '
                      r'\(PDF, ([0-9.]+ (?:KB|MB|bytes)), (\d+) pages?\)</a></p>')


def downloads(site):
    """Every page's link to its PDF: (page, pdf address, title, size, pages)."""
    found = []
    for path in sorted(site["root"].rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        for match in DOWNLOAD.finditer(html):
            found.append((path, *match.groups()))
    return found


def words(text):
    return " ".join(text.split())


def test_printed_pages_link_to_their_pdfs(site):
    found = downloads(site)
    addresses = {address for _, address, *_ in found}
    if site["name"] == "havering":
        assert {"/training/brochure.pdf", "/publications/annual-reports/2012-13.pdf"} <= addresses
    else:
        assert "/training/brochure.pdf" in addresses
    assert sorted(p.relative_to(site["root"]).as_posix() for p in site["root"].rglob("*.pdf")) == sorted(a[1:] for a in addresses)
    for _, address, title, size, pages in found:
        pdf = site["root"] / address[1:]
        reader = pypdf.PdfReader(pdf)
        assert len(reader.pages) == int(pages), address
        number, unit = size.split()
        scale = {"bytes": 1, "KB": 1000, "MB": 1_000_000}[unit]
        assert abs(float(number) * scale - pdf.stat().st_size) <= scale * 0.6, (address, size)
        assert reader.metadata.title == title


@pytest.mark.parametrize("index", [0, 1])
def test_pdfs_are_tagged_with_title_language_author_and_embedded_fonts(site, index):
    found = downloads(site)
    if index >= len(found):
        pytest.skip("one PDF on this site")
    _, address, title, *_ = found[index]
    reader = pypdf.PdfReader(site["root"] / address[1:])
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "not tagged"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean)
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == title
    assert reader.metadata.author.endswith(("Board", "Partnership"))
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    for number, page in enumerate(reader.pages, 1):
        fonts = page["/Resources"].get("/Font", {})
        for name, font in fonts.items():
            font = font.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), \
                f"{address} page {number}: font {name} is not embedded"


def test_contents_page_numbers_are_where_the_headings_land(site):
    checked = 0
    for _, address, *_ in downloads(site):
        reader = pypdf.PdfReader(site["root"] / address[1:])
        texts = [words(page.extract_text()) for page in reader.pages]
        contents = [number for number, text in enumerate(texts) if text.startswith("Contents") or " Contents " in text[:200]]
        assert contents, f"{address}: no contents page"
        lines = []
        for number in range(contents[0], len(reader.pages)):
            page_lines = reader.pages[number].extract_text().splitlines()
            entries = [line for line in page_lines if re.search(r"\.{3,}\s*\d+\s*$", line)]
            if number > contents[0] and not entries:
                break
            lines += entries
        assert lines, f"{address}: the contents list no pages"
        for line in lines:
            match = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)\s*$", line)
            title, page = words(match.group(1)), int(match.group(2))
            assert 1 <= page <= len(texts), line
            # The entry's words (the part on this line, if the title wraps) are on that page.
            assert squeezed(title)[:35] in squeezed(texts[page - 1]), f"{address}: “{title}” is not on page {page}"
            checked += 1
    assert checked >= (60 if site["name"] == "havering" else 3)


def test_the_brochure_fits_in_16_a4_pages_with_an_index_by_topic(site):
    pdf = site["root"] / "training" / "brochure.pdf"
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) <= 16
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1, "not A4"
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert "Courses by topic" in text
    # Every page but the cover is numbered, with the board's name at the top.
    for number, page in enumerate(reader.pages[1:], 2):
        page_text = words(page.extract_text())
        assert f"Page {number} of {len(reader.pages)}" in page_text
        assert site_name(site) in page_text


def squeezed(text):
    """Text without spaces, so a heading that wraps (“Well-\nBeing”) still matches."""
    return re.sub(r"\s+", "", text)


def site_name(site):
    text = (site["root"] / "index.html").read_text(encoding="utf-8")
    return re.search(r"<title>(.*?)</title>", text).group(1)
