"""The page nginx shows instead of its own when an upload is over its limit (deploy/nginx/iad.conf passes the
refused address as X-Original-URI): the site's own page, in the language of the page the upload came from."""

import pytest

pytestmark = pytest.mark.django_db


def test_too_large_page_is_in_english_for_an_upload_from_an_english_page(client):
    response = client.get("/request-too-large/", HTTP_X_ORIGINAL_URI="/en/visits/request/")

    html = response.content.decode()
    assert response.status_code == 413
    assert '<html lang="en">' in html
    assert "The files are too large to send" in html


def test_too_large_page_is_in_thai_for_an_upload_from_a_thai_page(client):
    response = client.get("/request-too-large/", HTTP_X_ORIGINAL_URI="/th/visits/request/", HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="th">' in response.content.decode()


def test_too_large_page_for_the_admin_is_in_the_staff_members_language(client):
    response = client.get(
        "/request-too-large/", HTTP_X_ORIGINAL_URI="/admin/pages/plan/1/change/", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert '<html lang="en">' in response.content.decode()


def test_too_large_page_names_the_limits_of_each_kind_of_file(client):
    response = client.get("/request-too-large/", HTTP_X_ORIGINAL_URI="/en/")

    # filesizeformat keeps a number and its unit together with a no-break space.
    assert "Each image may be up to 15.0\xa0MB and each PDF up to 20.0\xa0MB" in response.content.decode()
