"""sitemap.xml, robots.txt, the Atom feeds and what every page's <head> tells search engines and
social sites."""

import re
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ATOM = "{http://www.w3.org/2005/Atom}"


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


def test_sitemap_lists_every_section_page_in_both_languages(client):
    from tests.conftest import PUBLIC_PATHS

    locations = sitemap(client)

    # Search results are not pages to land on from a search engine (robots.txt keeps them out).
    for path in set(PUBLIC_PATHS) - {"/search/"}:
        assert f"/th{path}" in locations
        assert f"/en{path}" in locations


def test_sitemap_lists_every_published_detail_page_in_both_languages(client, fukuoka, c40, plan, static_page, japan):
    from relations.models import SisterCity

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


def test_every_page_head_has_canonical_hreflang_and_x_default(client, language):
    html = client.get(f"/{language}/sister-cities/").content.decode()

    assert f'<link rel="canonical" href="http://testserver/{language}/sister-cities/">' in html
    assert '<link rel="alternate" hreflang="th" href="http://testserver/th/sister-cities/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/sister-cities/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/sister-cities/">' in html


def test_open_graph_title_description_and_image(client, fukuoka):
    html = client.get("/en/sister-cities/fukuoka/").content.decode()

    assert '<meta property="og:title" content="Fukuoka">' in html
    assert re.search(r'<meta property="og:description" content="[^"]+">', html)
    assert re.search(r'<meta property="og:image" content="http://testserver/static/img/og-default[^"]*\.png">', html)
    assert '<meta property="og:url" content="http://testserver/en/sister-cities/fukuoka/">' in html


def test_every_page_links_its_language_feed(client, language):
    html = client.get(f"/{language}/").content.decode()

    assert f'<link rel="alternate" type="application/atom+xml" href="/{language}/feed/"' in html


def test_feed_lists_published_activities_in_the_page_language(client, activity, fukuoka):
    from relations.models import Activity

    Activity.objects.create(title_th="ยังไม่เผยแพร่", happened_on=activity.happened_on, city=fukuoka, is_published=False)
    response = client.get("/en/feed/")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Fukuoka delegation visits Bangkok"]
    assert (
        entries[0].find(f"{ATOM}link").get("href")
        == f"http://testserver/en/sister-cities/fukuoka/#activity-{activity.pk}"
    )


def test_thai_feed_has_thai_titles(client, activity):
    root = ET.fromstring(client.get("/th/feed/").content)

    assert root.find(f"{ATOM}entry/{ATOM}title").text == "คณะผู้แทนเมืองฟุกุโอกะเยือนกรุงเทพมหานคร"


def test_feed_newest_first(client, activity, fukuoka):
    from relations.models import Activity

    Activity.objects.create(title_th="ใหม่กว่า", title_en="Newer", happened_on="2025-01-01", city=fukuoka)
    root = ET.fromstring(client.get("/en/feed/").content)

    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")][0] == "Newer"
