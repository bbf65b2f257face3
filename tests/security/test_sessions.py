"""Sessions: a staff session ends with the browser or after two idle hours; public pages set no cookie."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_staff_session_cookie_ends_with_the_browser(admin_client):
    response = admin_client.get(reverse("admin:index"))

    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
    assert cookie["httponly"]


def test_staff_session_expires_after_two_idle_hours_at_most(admin_client):
    admin_client.get(reverse("admin:index"))

    assert 0 < admin_client.session.get_expiry_age() <= 2 * 60 * 60


def test_idle_staff_session_past_its_expiry_is_signed_out(admin_client):
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))

    response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_public_pages_set_no_cookie(client, public_page):
    response = public_page.get(client)

    # A page with a form (the Ask page) sets Django's CSRF cookie, and only that one.
    assert set(response.cookies) == ({"csrftoken"} if public_page.page_type.form else set())
