"""No silent overwrites: two editors on the same city; the later save is refused, keeps its text, names the first."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django.utils.dates import MONTHS

from relations.models import CityLink

from .conftest import admin_form_data

CITY_URL = "/admin/relations/sistercity/{}/change/"


def opened(client, city):
    """The POST a browser would send for the city's change form as drawn now, version marker included."""
    response = client.get(CITY_URL.format(city.pk))
    marker = re.search(r'name="_version_marker" value="([^"]+)"', response.content.decode())
    return {**admin_form_data(response), "_version_marker": marker.group(1)}


@pytest.fixture
def second_editor(editor):
    other = User.objects.create_user("somsri", "somsri@example.org", "a-long-password-2", is_staff=True)
    other.groups.add(editor.groups.get(name="Editors"))
    client = Client()
    client.force_login(other)
    return client


@pytest.fixture
def link(city):
    return CityLink.objects.create(city=city, title_th="เว็บไซต์เมือง", title_en="City website", url="https://a.jp/")


def test_a_save_over_someone_elses_newer_save_is_refused_naming_them_and_keeping_the_text(
    editor_client, second_editor, city
):
    mine, theirs = opened(editor_client, city), opened(second_editor, city)
    assert second_editor.post(CITY_URL.format(city.pk), {**theirs, "profile_th": "ข้อความของสมศรี"}).status_code == 302

    response = editor_client.post(CITY_URL.format(city.pk), {**mine, "profile_th": "ข้อความสองชั่วโมงของสมชาย"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "somsri" in page
    assert "ข้อความสองชั่วโมงของสมชาย" in page  # still in the form, and in the differences table
    assert "ข้อความของสมศรี" in page  # what is stored now, beside it
    city.refresh_from_db()
    assert city.profile_th == "ข้อความของสมศรี"


def test_the_refusal_on_the_thai_admin_says_when_in_the_buddhist_era(editor_client, second_editor, city):
    mine, theirs = opened(editor_client, city), opened(second_editor, city)
    second_editor.post(CITY_URL.format(city.pk), {**theirs, "profile_th": "ข้อความของสมศรี"})

    page = editor_client.post(CITY_URL.format(city.pk), {**mine, "profile_th": "ข้อความของสมชาย"}).content.decode()

    city.refresh_from_db()
    saved = timezone.localtime(city.updated_at)
    assert f"{saved.day} {MONTHS[saved.month]} {saved.year + 543}, {saved:%H:%M}" in page
    assert "กรุณาแก้ไขข้อผิดพลาดด้านล่าง" in page


def test_the_differences_list_only_the_fields_that_differ(editor_client, second_editor, city):
    mine, theirs = opened(editor_client, city), opened(second_editor, city)
    second_editor.post(CITY_URL.format(city.pk), {**theirs, "profile_th": "ข้อความของสมศรี"})

    response = editor_client.post(CITY_URL.format(city.pk), {**mine, "profile_th": "ข้อความของสมชาย"})

    rows = response.context["edit_conflict"]["differences"]
    assert [(stored, yours) for _label, stored, yours in rows] == [("ข้อความของสมศรี", "ข้อความของสมชาย")]


def test_a_save_when_nobody_else_changed_anything_goes_through(editor_client, second_editor, city):
    opened(second_editor, city)  # only looked at it
    mine = opened(editor_client, city)

    response = editor_client.post(CITY_URL.format(city.pk), {**mine, "profile_th": "ข้อความใหม่"})

    assert response.status_code == 302
    city.refresh_from_db()
    assert city.profile_th == "ข้อความใหม่"


def test_a_change_to_an_inline_row_alone_also_blocks(editor_client, city, link):
    mine = opened(editor_client, city)
    # Only the link's row changes, the city's own row (and its "last updated") stays as it was: an admin save
    # would touch both, an importer or a script only this one.
    CityLink.objects.filter(pk=link.pk).update(title_th="เว็บไซต์ทางการ")

    response = editor_client.post(CITY_URL.format(city.pk), {**mine, "profile_th": "ข้อความของสมชาย"})

    assert response.status_code == 200
    city.refresh_from_db()
    assert city.profile_th == "มหานคร"


def test_after_a_refused_save_the_merged_save_goes_through(editor_client, second_editor, city):
    mine, theirs = opened(editor_client, city), opened(second_editor, city)
    second_editor.post(CITY_URL.format(city.pk), {**theirs, "profile_th": "ข้อความของสมศรี"})
    refused = editor_client.post(CITY_URL.format(city.pk), {**mine, "profile_th": "ข้อความของสมชาย"})
    marker = re.search(r'name="_version_marker" value="([^"]+)"', refused.content.decode()).group(1)

    response = editor_client.post(
        CITY_URL.format(city.pk), {**mine, "_version_marker": marker, "profile_th": "ข้อความของทั้งสองคน"}
    )

    assert response.status_code == 302
    city.refresh_from_db()
    assert city.profile_th == "ข้อความของทั้งสองคน"
