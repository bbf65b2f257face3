"""An expired session or a stale CSRF token loses nothing: the text comes back in the form after signing in."""

import re
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from .conftest import admin_form_data

CITY_URL = "/admin/relations/sistercity/{}/change/"
TYPED = "สองชั่วโมงของการเขียนเรื่องเมืองพี่เมืองน้อง"


def form_data(client, city):
    response = client.get(CITY_URL.format(city.pk))
    marker = re.search(r'name="_version_marker" value="([^"]+)"', response.content.decode()).group(1)
    return {**admin_form_data(response), "_version_marker": marker, "profile_th": TYPED}


def sign_in(client, next_url):
    return client.post(
        f"/admin/login/?next={next_url}",
        {"username": "somchai", "password": "a-long-password-1", "next": next_url},
        follow=True,
    )


def test_a_save_after_the_session_ended_brings_the_text_back_after_signing_in(editor_client, city):
    data = form_data(editor_client, city)
    Session.objects.all().delete()  # two idle hours later

    refused = editor_client.post(CITY_URL.format(city.pk), data)
    assert refused.status_code == 302 and refused["Location"].startswith("/admin/login/")

    back = sign_in(editor_client, CITY_URL.format(city.pk))
    assert back.redirect_chain[-1][0] == CITY_URL.format(city.pk)
    assert TYPED in back.content.decode()
    city.refresh_from_db()
    assert city.profile_th == "มหานคร"  # not saved behind the editor's back: they check and save


def test_a_save_with_a_stale_csrf_token_brings_the_text_back(editor, city):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    data = {**form_data(client, city), "csrfmiddlewaretoken": "x" * 64}

    response = client.post(CITY_URL.format(city.pk), data, follow=True)

    assert response.redirect_chain[-1][0] == CITY_URL.format(city.pk)
    assert TYPED in response.content.decode()


def test_the_form_s_keepalive_ping_renews_a_session_about_to_end(editor_client, city):
    form = editor_client.get(CITY_URL.format(city.pk)).content.decode()
    ping = re.search(r'data-keepalive-url="([^"]+)"', form).group(1)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))

    assert editor_client.get(ping).status_code == 204
    assert Session.objects.get().expire_date > timezone.now() + timedelta(hours=1)
