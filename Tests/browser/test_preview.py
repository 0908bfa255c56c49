"""portal serve in a real browser: a save reloads the open page at once (pushed over the
preview's socket, heard by file events), keeping the reader's place; a mistake shows its
box and a fix takes it away; the page's reading figures are shown after an edit; a tab
left open while the preview restarts picks up again. Runs on the bundled portal only."""

import pathlib
import shutil
import subprocess
import time

import pytest

from conftest import PORTAL, REPO, free_port

PAGE = "parents-carers/private-fostering"


class Preview:
    """`portal serve` on a copy of the bundled portal."""

    def __init__(self, work):
        self.content = work / "Content"
        shutil.copytree(REPO / "Content", self.content)
        self.output = work / "Site"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [str(PORTAL), "serve", "--no-search-index", "--content", str(self.content), "--output", str(self.output),
             "--port", str(self.port), "--now", "2026-11-21"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in self.process.stdout:
            if line.startswith("Built "):
                return
        pytest.fail("portal serve did not build")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def page(self):
        return self.content / f"{PAGE}.md"


@pytest.fixture
def preview(tmp_path):
    served = Preview(tmp_path)
    served.start()
    yield served
    if served.process.poll() is None:
        served.stop()


def wait_for(driver, script, timeout=10):
    """Polls `script` in the page until it is true; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if driver.execute_script(script):
                return
        except Exception:  # the page is being replaced
            pass
        time.sleep(0.02)
    pytest.fail(f"waited {timeout} s for: {script}")


def shows(marker):
    return f"return document.readyState === 'complete' && document.body.innerText.includes({marker!r})"


def test_a_save_reloads_the_page_at_once_keeping_its_place(preview, new_browser):
    driver = new_browser(width=390, height=844)
    driver.get(f"{preview.base}/{PAGE}/")
    wait_for(driver, "return document.readyState === 'complete'")
    driver.execute_script("window.scrollTo(0, 1200)")
    time.sleep(0.3)  # the socket is open and the first status read
    first = driver.execute_script("return performance.timeOrigin")
    place = driver.execute_script("return window.scrollY")
    latencies = []
    for edit in range(3):
        marker = f"Saved for the preview test, number {edit}."
        saved = time.time() * 1000
        with open(preview.page(), "a", encoding="utf-8") as page:
            page.write(f"\n{marker}\n")
        wait_for(driver, shows(marker))
        loaded = driver.execute_script("return performance.timing.loadEventEnd")  # ms since 1970, as `saved`
        latencies.append(loaded - saved)
        assert driver.execute_script("return performance.timeOrigin") != first, "the page was not reloaded"
        # Back where the reader was (the text added is below it).
        wait_for(driver, f"return Math.abs(window.scrollY - {place}) < 5")
        time.sleep(0.3)
    print(f"preview: save to reloaded page {', '.join(f'{ms:.0f}' for ms in latencies)} ms")
    # Pushed, not found by a poll every 500 ms: well under a second each, on a busy machine.
    assert max(latencies) < 2000, latencies


def test_a_mistake_shows_its_box_and_a_fix_takes_it_away(preview, new_browser):
    driver = new_browser()
    driver.get(f"{preview.base}/{PAGE}/")
    time.sleep(0.3)
    good = preview.page().read_text(encoding="utf-8")
    preview.page().write_text(good.replace("title: Private fostering", "title: Private: fostering", 1), encoding="utf-8")
    wait_for(driver, "var box = document.getElementById('portal-preview-errors');"
                     " return box && box.textContent.includes('private-fostering.md:3:')")
    assert driver.execute_script("return document.getElementById('portal-preview-errors').getAttribute('role')") == "alert"
    preview.page().write_text(good + "\nFixed again.\n", encoding="utf-8")
    wait_for(driver, shows("Fixed again."))
    wait_for(driver, "return !document.getElementById('portal-preview-errors')")


def test_an_edited_page_shows_its_reading_figures(preview, new_browser):
    driver = new_browser()
    driver.get(f"{preview.base}/{PAGE}/")
    time.sleep(0.3)
    with open(preview.page(), "a", encoding="utf-8") as page:
        page.write("\nA short new sentence.\n")
    wait_for(driver, shows("A short new sentence."))
    wait_for(driver, "var note = document.getElementById('portal-preview-reading');"
                     " return note && note.textContent.includes('grade')")
    assert driver.execute_script("return document.getElementById('portal-preview-reading').getAttribute('role')") == "status"


def test_a_tab_left_open_picks_up_after_the_preview_restarts(preview, new_browser):
    driver = new_browser()
    driver.get(f"{preview.base}/{PAGE}/")
    time.sleep(0.3)
    preview.stop()
    with open(preview.page(), "a", encoding="utf-8") as page:
        page.write("\nWritten while the preview was stopped.\n")
    time.sleep(1.5)  # the page tries again every second meanwhile
    preview.start()
    wait_for(driver, shows("Written while the preview was stopped."), timeout=15)
    # No complaint from the page's security policy about the socket, or anything else.
    problems = [entry["message"] for entry in driver.get_log("browser")
                if entry["level"] == "SEVERE" and "Content Security Policy" in entry["message"]]
    assert not problems, problems
