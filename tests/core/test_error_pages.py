"""Error pages in the visitor's language, under the site's content security policy: not found, bad request
(an unknown host) and a form sent without its CSRF token."""

import re

import pytest
from django.test import Client

from tests.security.assertions import assert_security_headers

pytestmark = pytest.mark.django_db

INLINE_STYLE = re.compile(r"<style[\s>]|<[^>]+\sstyle\s*=", re.IGNORECASE)


def test_unknown_url_gets_a_not_found_page_in_thai(client):
    response = client.get("/th/no-such-page/")

    assert response.status_code == 404
    assert "ไม่พบหน้าที่คุณต้องการ" in response.content.decode()


def test_unknown_url_gets_a_not_found_page_in_english(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(("language", "heading"), [("en", "Bad request"), ("th", "คำขอไม่ถูกต้อง")])
def test_unknown_host_gets_a_bad_request_page_in_the_pages_language(client, language, heading):
    response = client.get(f"/{language}/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    assert f'<html lang="{language}">' in response.content.decode()
    assert heading in response.content.decode()


@pytest.mark.parametrize(("language", "heading"), [("en", "The form could not be sent"), ("th", "ส่งแบบฟอร์มไม่สำเร็จ")])
def test_form_without_csrf_token_gets_a_page_in_the_pages_language(language, heading):
    response = Client(enforce_csrf_checks=True).post(f"/{language}/search/", {"q": "Tokyo"})

    html = response.content.decode()
    assert response.status_code == 403
    assert heading in html
    assert not INLINE_STYLE.findall(html)
    assert_security_headers(response)
