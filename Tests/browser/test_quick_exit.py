"""The quick exit on sensitive pages: by click, by Shift three times (not twice, not Shift
held for capitals), without JavaScript; and absent where it is not needed."""

import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

SENSITIVE = "/parents-carers/private-fostering/"
ORDINARY = "/about/"


def exited(driver, base):
    return driver.current_url == f"{base}/exit-destination.html"


def wait_for(condition, seconds=5):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def press_shift(driver, times):
    for _ in range(times):
        ActionChains(driver).key_down(Keys.SHIFT).key_up(Keys.SHIFT).perform()


def test_button_leaves_and_replaces_the_page(site, new_browser):
    driver = new_browser()
    driver.get(site["base"] + "/")
    driver.get(site["base"] + SENSITIVE)
    history = driver.execute_script("return history.length")
    button = driver.find_element(By.CSS_SELECTOR, ".quick-exit__button")
    assert button.text.strip().endswith("Exit this page")
    assert button.get_attribute("rel") == "nofollow noreferrer"
    button.click()
    assert wait_for(lambda: exited(driver, site["base"]))
    # location.replace: the sensitive page is no longer in the history.
    assert driver.execute_script("return history.length") == history
    driver.back()
    assert wait_for(lambda: driver.current_url == site["base"] + "/")


def test_three_shift_presses_leave(site, new_browser):
    driver = new_browser()
    driver.get(site["base"] + SENSITIVE)
    press_shift(driver, 2)
    status = driver.find_element(By.CSS_SELECTOR, "[data-quick-exit-status]")
    assert status.get_attribute("textContent") == "Shift, press 1 more time to exit."
    press_shift(driver, 1)
    assert wait_for(lambda: exited(driver, site["base"]))


def test_two_presses_or_shift_with_letters_do_not(site, new_browser):
    driver = new_browser()
    driver.get(site["base"] + SENSITIVE)
    press_shift(driver, 2)
    time.sleep(0.5)
    assert driver.current_url == site["base"] + SENSITIVE
    # Another key starts the count again, and Shift held for capitals never counts.
    ActionChains(driver).send_keys("a").perform()
    for _ in range(3):
        ActionChains(driver).key_down(Keys.SHIFT).send_keys("p").key_up(Keys.SHIFT).perform()
    time.sleep(0.5)
    assert driver.current_url == site["base"] + SENSITIVE
    assert driver.find_element(By.TAG_NAME, "h1").is_displayed()


def test_presses_expire_after_five_seconds(site, new_browser):
    driver = new_browser()
    driver.get(site["base"] + SENSITIVE)
    press_shift(driver, 2)
    time.sleep(5.5)
    press_shift(driver, 1)
    time.sleep(0.5)
    assert driver.current_url == site["base"] + SENSITIVE


def test_works_without_javascript(site, new_browser):
    driver = new_browser(javascript=False)
    driver.get(site["base"] + SENSITIVE)
    driver.find_element(By.CSS_SELECTOR, ".quick-exit__button").click()
    assert wait_for(lambda: exited(driver, site["base"]))


def test_secondary_skip_link_and_help_page(site, browser):
    browser.get(site["base"] + SENSITIVE)
    links = browser.find_elements(By.CSS_SELECTOR, "a.skip-link")
    assert [link.get_attribute("textContent") for link in links] == ["Skip to main content", "Exit this page"]
    help_link = browser.find_element(By.CSS_SELECTOR, ".quick-exit__hint a")
    assert help_link.get_attribute("href") == site["base"] + "/hiding-your-visit/"
    browser.get(help_link.get_attribute("href"))
    assert "does not delete your browsing history" in browser.page_source


def test_only_sensitive_pages_have_it(site, browser):
    browser.get(site["base"] + ORDINARY)
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-quick-exit]")
    for page in site["sensitive"]:
        browser.get(site["base"] + page)
        assert browser.find_elements(By.CSS_SELECTOR, "[data-quick-exit]"), page


def test_hidden_in_print(site, browser):
    browser.get(site["base"] + SENSITIVE)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".quick-exit").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
