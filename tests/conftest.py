"""Shared fixtures. Public page paths live here so every site-wide test walks every page type."""

import pytest

LANGUAGES = ["th", "en"]

# Pages that need no data to render. Apps' own tests cover their detail pages.
PUBLIC_PATHS = [
    "/",
    "/sister-cities/",
    "/networks/",
    "/embassies/",
    "/plans/",
    "/office/",
    "/office/history/",
    "/office/structure/",
    "/sister-cities/map/",
    "/search/",
]


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


@pytest.fixture(params=PUBLIC_PATHS)
def public_path(request, language):
    return f"/{language}{request.param}"
