"""Keyboard alone: the skip link comes first and works, every Tab stop shows its focus, and the
navigation and the language switcher can be reached, on every public page type in both languages."""

import pytest

# The seed is loaded into the test database, which pytest-django creates only for tests that ask.
pytestmark = pytest.mark.django_db

# What the focused element is and how its focus shows, read in the page after each Tab press.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    html: el.outerHTML.slice(0, 120),
    href: el.getAttribute("href"),
    region: el.closest(".language-switcher") ? "switcher" : el.closest(".main-nav") ? "nav" : "other",
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    boxShadow: style.boxShadow,
    width: box.width,
    height: box.height,
    inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
  };
}"""

MAX_TAB_STOPS = 200


def tab_through(page):
    """Press Tab from the top of the page until focus leaves the document or comes round again."""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or (stops and state["html"] == stops[0]["html"]):
            break
        stops.append(state)
    return stops


def test_skip_link_is_the_first_tab_stop_shows_and_moves_focus_to_main(visit, page_type, language):
    page = visit(page_type, language)

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STATE)
    page.keyboard.press("Enter")

    assert first["href"] == "#main", first["html"]
    assert first["inViewport"] and first["width"] > 0 and first["height"] > 0, "skip link not shown on focus"
    assert page.evaluate("[document.activeElement.tagName, document.activeElement.id]") == ["MAIN", "main"]


def test_every_tab_stop_shows_a_visible_focus_indicator(visit, page_type, language):
    page = visit(page_type, language)

    stops = tab_through(page)

    assert stops
    invisible = [
        stop["html"]
        for stop in stops
        if not (stop["outlineStyle"] != "none" and stop["outlineWidth"] >= 2) and stop["boxShadow"] == "none"
    ]
    assert invisible == []
    assert all(stop["inViewport"] for stop in stops), "a focused element was scrolled out of view"


def test_main_navigation_and_language_switcher_are_reached_by_tab(visit, page, page_type, language):
    page = visit(page_type, language)
    nav_links = page.eval_on_selector_all(".main-nav a", "links => links.map(a => a.getAttribute('href'))")
    switcher_links = page.eval_on_selector_all(
        ".language-switcher a", "links => links.map(a => a.getAttribute('href'))"
    )

    stops = tab_through(page)

    reached = {(stop["region"], stop["href"]) for stop in stops}
    assert nav_links and switcher_links
    assert {("nav", href) for href in nav_links} <= reached
    assert {("switcher", href) for href in switcher_links} <= reached
