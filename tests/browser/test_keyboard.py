"""Keyboard alone: the skip link comes first and works, every Tab stop shows its focus, and the
navigation and the language switcher can be reached, on every public page type in both languages."""

import pytest

# The seed is loaded into the test database, which pytest-django creates only for tests that ask.
pytestmark = pytest.mark.django_db

# What the focused element is and how its focus shows, read in the page after each Tab press. The
# outline's contrast is measured against what is drawn just outside the element, where the outline sits
# (WCAG 1.4.11: a focus indicator needs 3:1 against adjacent colours).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const rgba = colour => (colour.match(/[\\d.]+/g) || []).map(Number);
  const backdrop = () => {
    const x = box.left > 8 ? box.left - 3.5 : box.right + 3.5;
    const behind = document.elementsFromPoint(x, box.top + box.height / 2).find(n => n !== el && !el.contains(n));
    for (let n = behind; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const luminance = rgb => rgb.map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (light + 0.05) / (dark + 0.05);
  };
  return {
    html: el.outerHTML.slice(0, 120),
    href: el.getAttribute("href"),
    region: el.closest(".language-switcher") ? "switcher" : el.closest(".main-nav") ? "nav" : "other",
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    boxShadow: style.boxShadow,
    outlineContrast: contrast(rgba(style.outlineColor).slice(0, 3), backdrop()),
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
    faint = [f"{stop['html']} ({stop['outlineContrast']:.2f}:1)" for stop in stops if stop["outlineContrast"] < 3]
    assert faint == [], "focus outline contrast below 3:1 against its surroundings"
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
