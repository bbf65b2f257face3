"""Security headers (content security policy, framing, sniffing, referrer, HSTS...) on every public page,
on error pages and in the admin."""

import pytest
from django.urls import reverse

from tests.security.assertions import assert_hsts, assert_security_headers

pytestmark = pytest.mark.django_db


def test_public_pages_send_every_security_header(client, public_page):
    response = public_page.get(client)

    assert_security_headers(response)


def test_public_pages_served_from_the_page_cache_send_every_security_header(client, public_page):
    """The walk runs with the page cache on: a page stored on its first request (any 200 that is not
    private, no-store or setting a cookie) is served from the cache on the next, with every header."""
    first = public_page.get(client)
    again = public_page.get(client)

    cache_control = {part.strip() for part in first.get("Cache-Control", "").split(",")}
    stored = first.status_code == 200 and not first.cookies and not cache_control & {"private", "no-store"}
    assert again.get("X-Cache") == ("HIT" if stored else None)
    assert_security_headers(again)


def test_public_pages_over_https_send_hsts(client, public_page):
    response = public_page.get(client, secure=True)

    assert_hsts(response)


def test_not_found_pages_send_the_security_headers(client):
    response = client.get("/en/no-such-page/", secure=True)

    assert response.status_code == 404
    assert_security_headers(response)
    assert_hsts(response)


def test_admin_login_page_sends_every_security_header(client):
    response = client.get(reverse("admin:login"), secure=True)

    assert response.status_code == 200
    assert_security_headers(response)
    assert_hsts(response)


def test_admin_index_sends_every_security_header(admin_client):
    response = admin_client.get(reverse("admin:index"), secure=True)

    assert response.status_code == 200
    assert_security_headers(response)
    assert_hsts(response)
