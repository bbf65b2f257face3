"""Every public page type of the registry (iad_site.core.sections), in every language, at three window
widths: each page is loaded once per width and every check of tests/browser/checks.py that applies at that
width runs on that load; the test fails with one message listing every problem found.

- 1280 px, a laptop (Playwright's default window): status, indexing (meta robots), HTML validity (the
  Nu HTML Checker on the HTML the server sent), fonts (Thai in Sarabun), axe (WCAG A and AA), keyboard
  (skip link, focus indicators and their contrast, focus order reaching the navigation and the language
  switcher), console (CSP violations, failed resources, script errors).
- 375 px, a common phone: status, axe, overflow, console.
- 320 px, WCAG 1.4.10 Reflow (400% zoom of a 1280 px window): status, overflow, console.

The server-error page, which no working URL shows, and the static CSS and SVG go to the HTML checker in
a test of their own.
"""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from iad_site.core import sections
from tests.browser import checks

# The seed is loaded into the test database, which pytest-django creates only for tests that ask.
pytestmark = pytest.mark.django_db

# Window width -> its height.
VIEWPORTS = {1280: 720, 375: 812, 320: 812}


def checks_at(width, nu_checker):
    """The checks run at one width, in order: axe runs before the keyboard walk moves focus and scroll."""
    return {
        1280: [
            checks.status,
            checks.indexing,
            checks.html_validity(nu_checker),
            checks.fonts,
            checks.axe,
            checks.keyboard,
            checks.console,
        ],
        375: [checks.status, checks.axe, checks.overflow, checks.console],
        320: [checks.status, checks.overflow, checks.console],
    }[width]


def run(check, load):
    try:
        return check(load)
    except Exception as error:  # a check that breaks down is one more problem, not the end of the others
        return [f"{check.__name__}: {type(error).__name__}: {error}"]


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("page_type", [page_type.name for page_type in sections.page_types()])
def test_page_passes_every_browser_check(visit, nu_checker, page_type, language, width):
    load = visit(page_type, language, {"width": width, "height": VIEWPORTS[width]})

    problems = [problem for check in checks_at(width, nu_checker) for problem in run(check, load)]

    assert problems == [], f"{load.response.url} at {width} px:\n" + "\n".join(problems)


def test_server_error_page_css_and_svg_pass_the_nu_html_checker(nu_checker):
    documents = []
    for language in sections.languages():
        with translation.override(language):
            response = server_error(RequestFactory().get(f"/{language}/"))
        documents.append((f"server_error-{language}", response.content, "text/html; charset=utf-8"))
    static = settings.BASE_DIR / "static"
    for path in sorted(static.glob("css/*.css")):
        documents.append((path.name, path.read_bytes(), "text/css; charset=utf-8"))
    for path in sorted(static.glob("img/*.svg")):
        documents.append((path.name, path.read_bytes(), "image/svg+xml; charset=utf-8"))

    errors = [f"{name} {error}" for name, document, kind in documents for error in nu_checker.errors(document, kind)]

    assert {kind.split(";")[0] for _, _, kind in documents} == {"text/html", "text/css", "image/svg+xml"}
    assert errors == [], "\n".join(errors)
