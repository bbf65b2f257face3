"""The Ask form in the browser, in every language, at every width of the suite: the form shown again with its
errors, the confirmation and the private status page pass every check of test_pages.py at that width (axe at
1280 and 375 px among them); and a visitor using the keyboard alone fills in the form and sends it.

The page walk (test_pages.py) checks the empty form as a page type of the registry; the states here exist only
after a post, so they are reached as a visitor reaches them.
"""

import itertools

import pytest

from tests.browser.checks import Load
from tests.browser.test_pages import VIEWPORTS, checks_at, run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("form_settings")]

VISITORS = itertools.count()


def open_form(site, tab, language, width):
    tab.set_viewport_size({"width": width, "height": VIEWPORTS[width]})
    tab.goto(f"{site.url}/{language}/questions/")


def submit(tab):
    with tab.expect_navigation() as navigation:
        tab.click("form.request-form button[type=submit]")
    return navigation.value


def fill_in(tab):
    tab.select_option("#id_topic", index=1)
    tab.fill("#id_question", "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นกี่เมือง")
    tab.fill("#id_name", "สมชาย ใจดี")
    tab.fill("#id_email", f"visitor{next(VISITORS)}@example.org")


def loaded(site, tab, response, language, noindex):
    tab.evaluate("document.fonts.ready")
    return Load(tab, response, site.url, language, 200, noindex, [])


def problems_at(width, nu_checker, load):
    return [problem for check in checks_at(width, nu_checker) for problem in run(check, load)]


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_form_shown_again_with_its_errors_passes_every_check(site, tab, nu_checker, language, width):
    open_form(site, tab, language, width)
    tab.fill("#id_email", "not-an-address")

    load = loaded(site, tab, submit(tab), language, noindex=False)

    assert tab.locator(".error-summary").count() == 1
    assert tab.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert problems_at(width, nu_checker, load) == []


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_confirmation_passes_every_check(site, tab, nu_checker, language, width):
    open_form(site, tab, language, width)
    fill_in(tab)

    load = loaded(site, tab, submit(tab), language, noindex=True)

    assert "/questions/sent/" in tab.url
    assert problems_at(width, nu_checker, load) == []


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_status_page_passes_every_check(site, tab, nu_checker, language, width):
    open_form(site, tab, language, width)
    fill_in(tab)
    submit(tab)
    with tab.expect_navigation() as navigation:
        tab.click("main a[href*='/questions/status/']")

    load = loaded(site, tab, navigation.value, language, noindex=True)

    assert problems_at(width, nu_checker, load) == []


def tab_to(tab, selector, limit=80):
    """Presses Tab until the element matching `selector` has the focus; False if it never gets it."""
    for _press in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"document.activeElement.matches({selector!r})"):
            return True
    return False


def test_a_visitor_fills_in_and_sends_the_form_with_the_keyboard_alone(site, tab, language):
    open_form(site, tab, language, 1280)

    assert tab_to(tab, "#id_topic")
    tab.keyboard.press("ArrowDown")
    for selector, text in [
        ("#id_question", "How many sister cities does Bangkok have?"),
        ("#id_name", "Jane Smith"),
        ("#id_email", f"keyboard{next(VISITORS)}@example.org"),
    ]:
        assert tab_to(tab, selector)
        tab.keyboard.type(text)
    assert tab_to(tab, "#id_publish_consent")
    tab.keyboard.press("Space")
    assert tab_to(tab, "form.request-form button[type=submit]")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")

    assert "/questions/sent/" in tab.url
    assert tab.locator(".reference strong").inner_text().startswith("Q-")
