"""Dates in the admin lists in the Buddhist Era on the Thai admin, the Common Era on the English one."""

import datetime

from relations.models import Embassy

LIST_URL = "/admin/relations/embassy/"


def embassy_confirmed(country):
    return Embassy.objects.create(
        country=country, name_th="สถานเอกอัครราชทูตญี่ปุ่น", confirmed_on=datetime.date(2025, 1, 15)
    )


def test_a_date_in_a_thai_admin_list_is_in_the_buddhist_era(editor_client, country):
    embassy_confirmed(country)
    editor_client.cookies["django_language"] = "th"

    page = editor_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="th").content.decode()

    assert "15 มกราคม 2568" in page


def test_a_date_in_an_english_admin_list_is_in_the_common_era(editor_client, country):
    embassy_confirmed(country)
    editor_client.cookies["django_language"] = "en"

    page = editor_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "15 January 2025" in page
