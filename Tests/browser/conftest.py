"""Builds two sites into temporary folders, each indexed by Pagefind from portal build, serves
them on 127.0.0.1 and drives Debian's headless Chromium through Selenium: the bundled
Havering portal, and the project `portal init` makes for a new board, as it comes, with the
built-in theme. Every test runs on both.

In tests the quick exit leads to a page on 127.0.0.1, so no request leaves this machine."""

import datetime
import functools
import http.server
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
PORTAL = REPO / ".build" / "debug" / "portal"
ARTIFACTS = REPO / "Tests" / "browser" / "artifacts"
EXIT_PAGE = "exit-destination.html"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# What the tests need to know of each site: pages that must have the quick exit, and pages
# to weigh (the home page and a sensitive page among them).
SITES = {
    "havering": {
        "sensitive": ["/parents-carers/child-sexual-exploitation/", "/young-people/cse-and-healthy-relationships/",
                      "/parents-carers/private-fostering/"],
        "samples": ["/", "/parents-carers/private-fostering/", "/training/courses/safeguarding-level-2/",
                    "/publications/annual-reports/2012-13/", "/publications/business-plans/2013-14/"],
    },
    "starter": {
        "sensitive": ["/parents-carers/child-exploitation/", "/young-people/healthy-relationships/",
                      "/parents-carers/private-fostering/"],
        "samples": ["/", "/parents-carers/private-fostering/", "/training/"],
    },
}


@pytest.fixture(scope="session", params=sorted(SITES))
def site(request, tmp_path_factory):
    """The built site: its name, folder, address, every page's address, and SITES' facts."""
    name = request.param
    work = tmp_path_factory.mktemp(name)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    content = work / "Content"
    if name == "havering":
        shutil.copytree(REPO / "Content", content)
    else:
        subprocess.run([str(PORTAL), "init", str(work / "project"), "--name", "Northmoor Safeguarding Children Partnership"],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.move(str(work / "project" / "Content"), content)
    settings = content / "site.yaml"
    text = settings.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^quick_exit: .*$", f"quick_exit: {base}/{EXIT_PAGE}", text)
    settings.write_text(text, encoding="utf-8")
    output = work / "Site"
    today = datetime.date.today().isoformat()
    # portal finds Pagefind beside this virtual environment's python3 and makes the index.
    path = f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    subprocess.run(
        [str(PORTAL), "build", "--content", str(content), "--output", str(output), "--now", today],
        check=True, cwd=work, env={**os.environ, "PATH": path})
    assert (output / "pagefind" / "pagefind-ui.js").exists(), "portal build made no search index"
    (output / EXIT_PAGE).write_text(
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Weather</title></head>'
        "<body><main><h1>Weather</h1></main></body></html>", encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pages = []
    for path in sorted(output.rglob("index.html")):
        folder = path.parent.relative_to(output)
        if "pagefind" in folder.parts:
            continue
        pages.append("/" if str(folder) == "." else f"/{folder.as_posix()}/")
    pages.append("/404.html")
    yield {"name": name, "root": output, "base": base, "pages": pages, **SITES[name]}
    server.shutdown()


def make_driver(width=1200, height=900, javascript=True):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps",
                 f"--window-size={width},{height}"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    binary = shutil.which("chromium")
    if binary:
        options.binary_location = binary
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def new_browser():
    """A browser of its own, for tests that change its settings or history."""
    made = []

    def start(**kwargs):
        driver = make_driver(**kwargs)
        made.append(driver)
        return driver

    yield start
    for driver in made:
        driver.quit()


@pytest.fixture(scope="session", autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
