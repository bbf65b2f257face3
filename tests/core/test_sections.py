"""The registry of sections (iad_site.core.sections): a new section is an app, a line in INSTALLED_APPS and an
include(); the frame finds the rest itself and never names a section's models."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from iad_site.core import sections
from tests.browser.data import write_unseeded_examples

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE_APP = "tests.core.sample_section"


@pytest.fixture
def sample_section(settings):
    """The sample section installed as docs/sections.md's recipe says: INSTALLED_APPS and one include()."""
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, SAMPLE_APP]
    settings.ROOT_URLCONF = "tests.core.sample_urls"


def test_a_new_section_is_a_registered_page_type_in_every_language(sample_section):
    sample = sections.page_type("sample_page")
    assert [sample.example_path(language) for language in sections.languages()] == ["/th/sample/", "/en/sample/"]


@pytest.mark.django_db
def test_a_new_sections_navigation_entry_shows_on_every_page(client, sample_section):
    response = client.get("/en/")
    assert b'href="/en/sample/"' in response.content


@pytest.mark.django_db
def test_a_new_sections_page_is_in_the_sitemap(client, sample_section):
    assert b"<loc>http://testserver/th/sample/</loc>" in client.get("/sitemap.xml").content


def public_url_names(resolver=None, namespace=""):
    """namespace:name of every named URL pattern under the language prefix (the public pages)."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        inside = resolver is not None or isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern)
        if isinstance(pattern, URLResolver):
            if inside or isinstance(pattern.pattern, LocalePrefixPattern):
                prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                names |= public_url_names(pattern, prefix)
        elif inside and pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_every_public_view_is_a_registered_page_type_or_feed(seed, tmp_path):
    """A public page left out of the registry would escape the page walks, the browser suite and the sitemap."""
    call_command("loaddata", write_unseeded_examples(tmp_path / "examples.json"), verbosity=0)
    pages = set()
    for _type, language, path, status, _noindex in sections.public_pages():
        if status == 200:
            with translation.override(language):
                pages.add(resolve(path.split("?")[0]).view_name)
    feeds = {feed.url_name for feed in sections.feeds()}
    assert public_url_names() - pages - feeds - sections.private_url_names() == set()
    assert len(pages) > 10


def test_languages_come_from_the_settings():
    assert sections.languages() == [code for code, _name in settings.LANGUAGES]


# A section named in the frame: an import of the app, or one of its model labels ("relations.SisterCity").
# Only iad_site/urls.py may name a section, in the one include() of its URLs.
NAMES_A_SECTION = re.compile(
    r"^\s*(from|import)\s+(relations|pages)\b|[\"'](relations|pages)\.(?!urls[\"'])[A-Za-z]", re.MULTILINE
)


def test_no_module_of_the_frame_names_a_sections_models():
    offending = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in sorted((ROOT / "iad_site").rglob("*.py"))
        for match in NAMES_A_SECTION.finditer(path.read_text())
    ]
    assert offending == []
