"""Site-wide behaviour every visitor meets: languages, the page frame, error pages, configuration."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def test_every_public_page_answers_with_one_h1_and_its_language(client, public_path, language):
    response = client.get(public_path)

    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert f'<html lang="{language}">' in html


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


def test_unknown_url_gets_a_not_found_page_in_thai(client):
    response = client.get("/th/no-such-page/")

    assert response.status_code == 404
    assert "ไม่พบหน้าที่คุณต้องการ" in response.content.decode()


def test_unknown_url_gets_a_not_found_page_in_english(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_thai_pages_show_thai_navigation(client):
    html = client.get("/th/").content.decode()

    assert "ข้ามไปยังเนื้อหาหลัก" in html
    assert "เมืองพี่เมืองน้อง" in html


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


def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env["DJANGO_SETTINGS_MODULE"] = "iad_site.settings.prod"
    env["ALLOWED_HOSTS"] = "example.org"

    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_canonical_and_hreflang_links_name_the_page_without_its_query(client):
    html = client.get("/th/search/?q=" + "ก" * 300).content.decode()

    assert '<link rel="canonical" href="http://testserver/th/search/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/search/">' in html


def test_home_page_shows_the_motto_once(client):
    call_command("loaddata", "pages", verbosity=0)

    html = client.get("/en/").content.decode()

    assert html.count("As built by deities") == 1


def test_row_links_follow_the_language_of_the_page(client):
    # Row links reuse one reversed pattern per language (iad_site.core.links.slug_url).
    call_command("seed", verbosity=0)

    thai = client.get("/th/sister-cities/").content.decode()
    english = client.get("/en/sister-cities/").content.decode()

    assert 'href="/th/sister-cities/fukuoka-prefecture/"' in thai
    assert 'href="/en/sister-cities/fukuoka-prefecture/"' in english
    assert 'href="/th/sister-cities/fukuoka-prefecture/"' not in english
