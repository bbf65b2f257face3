"""Phone width and Thai type, on every public page type in both languages."""

import pytest

from tests.browser.conftest import PHONE_WIDTH

# The seed is loaded into the test database, which pytest-django creates only for tests that ask.
pytestmark = pytest.mark.django_db


# 375 px: a common phone; 320 px: WCAG 1.4.10 Reflow (400% zoom of a 1280 px window).
@pytest.mark.parametrize("width", [PHONE_WIDTH, 320])
def test_nothing_scrolls_sideways_at_phone_width(visit, page, page_type, language, width):
    page.set_viewport_size({"width": width, "height": 812})
    visit(page_type, language)

    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,"
        " body: document.body.scrollWidth})"
    )

    assert widths["scroll"] <= widths["client"], widths
    assert widths["body"] <= widths["client"], widths


def test_thai_text_renders_in_the_self_hosted_sarabun(visit, page, site, page_type, language):
    visit(page_type, language)

    faces = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Sarabun' && f.status === 'loaded')"
        ".map(f => f.unicodeRange)"
    )
    font_files = page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.woff2'))"
    )
    used = rendered_font_families(page, "h1" if language == "th" else ".language-switcher [lang=th]")

    assert any("E01" in unicode_range.upper() for unicode_range in faces), faces
    assert any(name.startswith(site.url + "/static/fonts/sarabun-thai-") for name in font_files), font_files
    assert used == ["Sarabun"], used


def rendered_font_families(page, selector):
    """The fonts Chromium actually drew an element's text with (DevTools' "Rendered Fonts")."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no element matches {selector}"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return sorted({font["familyName"] for font in fonts})
