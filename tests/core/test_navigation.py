"""The main navigation (iad_site.core.templatetags.site): the current section marked on every page, in the
page's language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def current_nav_item(html):
    return re.search(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', html).groups()


def test_navigation_marks_the_section_of_each_page_in_its_language(client):
    # The header, navigation and footer are rendered once per process and language (site.memoized):
    # pages visited one after the other must each still get their own language and current section.
    visits = [
        ("/en/networks/", ("/en/networks/", "City networks")),
        ("/th/networks/", ("/th/networks/", "เครือข่ายเมือง")),
        ("/th/sister-cities/map/", ("/th/sister-cities/", "เมืองพี่เมืองน้อง")),
        ("/en/", ("/en/", "Home")),
        ("/en/office/history/", ("/en/office/", "The office")),
    ]
    for path, expected in visits:
        assert current_nav_item(client.get(path).content.decode()) == expected, path


def test_a_page_outside_the_navigation_marks_no_section(client):
    client.get("/th/networks/")

    html = client.get("/th/page/does-not-exist/").content.decode()

    assert 'aria-current="page"' not in html
    assert "ข้ามไปยังเนื้อหาหลัก" in html
