"""The front door on a phone and on paper, in the browser: the header and navigation take at most a quarter
of a phone's first screen, the navigation folds into a menu opened by keyboard without JavaScript, wide
screens keep their row of links, printing drops the navigation and writes links' addresses out, and a first
visit to the home page or the directory, fonts and flags included, stays within 100 KB compressed.
"""

import gzip
import re

import pytest

pytestmark = pytest.mark.django_db

# Phones people use: the smallest still around (320 x 568) and a common one (375 x 667).
PHONES = [(320, 568), (375, 667)]
# The figure: on a 375 x 667 screen the page's own heading starts within the top 170 px.
HEADING_BY = 170
FIRST_VISIT_BUDGET = 100_000


@pytest.fixture
def fresh_page(browser):
    """A page in a browser context of its own: nothing cached, as on a first visit."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def open_page(page, site, page_type, language, viewport):
    path, _status, _noindex = site.pages[page_type, language]
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(site.url + path)
    page.evaluate("document.fonts.ready")
    return path


@pytest.mark.parametrize("phone", PHONES, ids=lambda phone: f"{phone[0]}x{phone[1]}")
@pytest.mark.parametrize("page_type", ["home", "city_list", "city_detail", "history"])
def test_header_and_navigation_take_at_most_a_quarter_of_a_phones_first_screen(
    site, fresh_page, page_type, language, phone
):
    open_page(fresh_page, site, page_type, language, phone)

    header = fresh_page.evaluate("document.querySelector('header.site-header').getBoundingClientRect().bottom")

    assert header <= phone[1] / 4, f"the header ends at {header} px on a {phone[0]} x {phone[1]} screen"


@pytest.mark.parametrize("page_type", ["home", "city_list"])
def test_a_phones_first_screen_shows_the_page_heading_near_the_top(site, fresh_page, page_type, language):
    open_page(fresh_page, site, page_type, language, (375, 667))

    heading = fresh_page.evaluate("document.querySelector('h1').getBoundingClientRect().top")

    assert heading <= HEADING_BY


def menu_state(page):
    """(expanded, as the accessibility tree says) of the menu's toggle, which screen readers announce."""
    cdp = page.context.new_cdp_session(page)
    toggle = next(
        node
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]
        if node["role"]["value"] == "DisclosureTriangle" and node.get("name", {}).get("value") in MENU_LABELS
    )
    return {prop["name"]: prop["value"]["value"] for prop in toggle.get("properties", [])}.get("expanded")


MENU_LABELS = {"Menu", "เมนู"}


@pytest.mark.parametrize("width", [320, 375])
def test_phone_menu_opens_with_the_keyboard_and_marks_the_current_section(site, fresh_page, language, width):
    path = open_page(fresh_page, site, "city_list", language, (width, 667))
    links = fresh_page.locator(".main-nav a")
    assert not links.first.is_visible() and menu_state(fresh_page) is False

    for _ in range(10):  # the skip link, the office's name, the language switcher, then the menu
        fresh_page.keyboard.press("Tab")
        if fresh_page.evaluate("document.activeElement.matches('.main-nav summary')"):
            break
    fresh_page.keyboard.press("Enter")

    assert menu_state(fresh_page) is True
    reached = []
    for _ in range(links.count()):
        fresh_page.keyboard.press("Tab")
        reached.append(
            fresh_page.evaluate(
                "[document.activeElement.getAttribute('href'), document.activeElement.getAttribute('aria-current')]"
            )
        )
    assert [href for href, _current in reached] == [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert [href for href, current in reached if current == "page"] == [path]
    assert all(links.nth(n).is_visible() for n in range(links.count()))


def test_wide_screens_show_the_navigation_as_a_row_without_a_menu(site, fresh_page, language):
    open_page(fresh_page, site, "city_list", language, (1280, 720))

    tops = fresh_page.evaluate("[...document.querySelectorAll('.main-nav a')].map(a => a.getBoundingClientRect().top)")

    assert not fresh_page.locator(".main-nav summary").is_visible()
    assert len(tops) >= 5 and len(set(tops)) == 1


def test_printing_drops_the_navigation_writes_link_addresses_and_keeps_cards_whole(site, fresh_page, language):
    open_page(fresh_page, site, "city_list", language, (1280, 720))
    fresh_page.emulate_media(media="print")

    card_link = fresh_page.locator(".card h2 a").first
    href = card_link.get_attribute("href")
    after = card_link.evaluate("a => getComputedStyle(a, '::after').content")
    card_break = fresh_page.locator(".card").first.evaluate("card => getComputedStyle(card).breakInside")

    assert not fresh_page.locator(".main-nav").is_visible() and not fresh_page.locator(".filters").is_visible()
    assert after == f'"({href})"'
    assert card_break == "avoid"


# What production's nginx compresses (deploy/nginx/iad.conf: HTML always, and these types); fonts are woff2,
# compressed already.
COMPRESSED_TYPES = re.compile(r"^(text/|image/svg\+xml|application/(json|xml|javascript))")


@pytest.mark.parametrize("page_type", ["home", "city_list"])
def test_a_first_visit_fonts_and_flags_included_is_at_most_100_kb_compressed(site, fresh_page, page_type, language):
    responses = []
    fresh_page.on("response", lambda response: responses.append(response))
    open_page(fresh_page, site, page_type, language, (375, 667))
    fresh_page.wait_for_load_state("networkidle")

    sizes = {}
    for response in responses:
        body = response.body()
        kind = response.headers.get("content-type", "")
        sizes[response.url] = len(gzip.compress(body, 5)) if COMPRESSED_TYPES.match(kind) else len(body)
    flag_files = [url for url in sizes if "/static/img/flags" in url]

    assert sum(sizes.values()) <= FIRST_VISIT_BUDGET, sizes
    # Every flag of the page from one file (the home page shows flags only in a year with anniversaries).
    assert len(flag_files) == (1 if page_type == "city_list" else len(flag_files[:1]))
    assert any("/static/fonts/sarabun-" in url for url in sizes)
