"""sitemap.xml and robots.txt: every page meant for search engines, in every language, and nothing else."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from iad_site.core import sections
from relations.models import SisterCity
from tests.browser.data import write_unseeded_examples

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text.removeprefix("http://testserver"): {
            link.get("hreflang"): link.get("href").removeprefix("http://testserver")
            for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_page_type_meant_for_search_engines_in_every_language(client, seed, tmp_path):
    call_command("loaddata", write_unseeded_examples(tmp_path / "examples.json"), verbosity=0)
    listed = [p for p in sections.page_types() if p.in_sitemap and not p.query and not p.noindex and p.status == 200]
    locations = sitemap(client)

    assert len(listed) >= 10
    for page_type in listed:
        for language in sections.languages():
            assert page_type.example_path(language) in locations, (page_type.name, language)


def test_sitemap_leaves_out_the_noindex_pages(client, seed):
    # Search results are not pages to land on from a search engine (robots.txt keeps them out).
    noindex = [page_type for page_type in sections.page_types() if page_type.noindex]
    locations = sitemap(client)

    assert noindex
    for page_type in noindex:
        for language in sections.languages():
            assert page_type.example_path(language).split("?")[0] not in locations, (page_type.name, language)


def test_sitemap_lists_every_published_detail_page_in_both_languages(client, fukuoka, c40, plan, static_page, japan):
    SisterCity.objects.create(slug="hidden", name_th="ซ่อน", country=japan, is_published=False)
    locations = sitemap(client)

    for path in ("/sister-cities/fukuoka/", "/networks/c40/", "/plans/projects-fy2556/", "/page/contact/"):
        assert {f"/th{path}", f"/en{path}"} <= set(locations)
    assert not any("hidden" in location for location in locations)


def test_each_sitemap_entry_has_hreflang_alternates_and_x_default(client, fukuoka):
    alternates = sitemap(client)["/en/sister-cities/fukuoka/"]

    assert alternates == {
        "th": "/th/sister-cities/fukuoka/",
        "en": "/en/sister-cities/fukuoka/",
        "x-default": "/sister-cities/fukuoka/",
    }


def test_x_default_address_redirects_to_a_language(client, fukuoka):
    response = client.get("/sister-cities/fukuoka/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"] == "/en/sister-cities/fukuoka/"


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_robots_txt_keeps_search_engines_off_the_noindex_pages(client):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert "Disallow: /th/search/" in lines
    assert "Disallow: /en/search/" in lines
