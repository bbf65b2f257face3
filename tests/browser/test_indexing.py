"""Search engines may index every public page except those marked noindex in pages.py (search)."""

import re

import pytest

from tests.browser.pages import PAGE_TYPES_BY_NAME
from tests.browser.test_html_validity import fetch

pytestmark = pytest.mark.django_db

NOINDEX = re.compile(r"<meta\s+name=\"robots\"\s+content=\"[^\"]*noindex", re.IGNORECASE)


def test_only_pages_marked_noindex_ask_search_engines_to_stay_away(site, page_type, language):
    _, body = fetch(site.url + site.paths[page_type, language])

    assert bool(NOINDEX.search(body.decode())) == PAGE_TYPES_BY_NAME[page_type].noindex
