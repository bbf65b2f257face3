"""axe-core on every public page type in both languages: no WCAG 2.0/2.1/2.2 A or AA violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import WCAG_TAGS

# The seed is loaded into the test database, which pytest-django creates only for tests that ask.
pytestmark = pytest.mark.django_db

AXE = Axe()


def test_page_has_no_wcag_a_or_aa_violation(visit, page_type, language):
    page = visit(page_type, language)

    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})

    assert results.violations_count == 0, results.generate_report()


def test_page_has_no_wcag_violation_at_phone_width(visit, page, page_type, language):
    page.set_viewport_size({"width": 375, "height": 812})
    visit(page_type, language)

    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})

    assert results.violations_count == 0, results.generate_report()
