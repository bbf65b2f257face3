"""The Atom feed of exchanges and activities (relations.feeds), one per language, linked from every page."""

import xml.etree.ElementTree as ET

import pytest

from relations.models import Activity

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_page_links_its_language_feed(client, language):
    html = client.get(f"/{language}/").content.decode()

    assert f'<link rel="alternate" type="application/atom+xml" href="/{language}/feed/"' in html


def test_feed_lists_published_activities_in_the_page_language(client, activity, fukuoka):
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
    Activity.objects.create(title_th="ใหม่กว่า", title_en="Newer", happened_on="2025-01-01", city=fukuoka)
    root = ET.fromstring(client.get("/en/feed/").content)

    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")][0] == "Newer"
