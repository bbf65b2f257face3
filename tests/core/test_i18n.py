"""Languages: the root address picks one, the switcher keeps the page, Thai pages are in Thai
(iad_site.core.i18n and the language switcher of iad_site.core.templatetags.site)."""

import pytest

pytestmark = pytest.mark.django_db


def test_language_switcher_links_to_the_same_page_in_the_other_language(client):
    response = client.get("/th/sister-cities/?country=JP")

    assert 'href="/en/sister-cities/?country=JP" hreflang="en" lang="en"' in response.content.decode()


def test_root_sends_an_english_browser_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_sends_other_browsers_to_thai(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")

    assert response["Location"] == "/th/"


def test_thai_pages_show_thai_navigation(client):
    html = client.get("/th/").content.decode()

    assert "ข้ามไปยังเนื้อหาหลัก" in html
    assert "เมืองพี่เมืองน้อง" in html
