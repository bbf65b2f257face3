"""Revision history: every language column is versioned, so revert and recover bring back Thai and English."""

from html.parser import HTMLParser

import reversion
from django.contrib import admin
from reversion.models import Version

from iad_site.core import sections
from iad_site.core.admin import ContentAdmin
from iad_site.inbox.admin import PublicRequestAdmin
from relations.models import CityLink, SisterCity

from .conftest import admin_form_data

CITY_URL = "/admin/relations/sistercity/{}/change/"


def save_through_admin(client, city, **changes):
    url = CITY_URL.format(city.pk)
    response = client.post(url, admin_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    city.refresh_from_db()


def test_every_language_column_is_in_a_saved_version(admin_client, city):
    save_through_admin(admin_client, city, name_en="Tokyo Metropolis")

    fields = Version.objects.get_for_object(city).first().field_dict
    assert (fields["name_th"], fields["name_en"]) == ("โตเกียว", "Tokyo Metropolis")


def test_revert_brings_back_both_languages(admin_client, city):
    save_through_admin(admin_client, city)  # the first version: โตเกียว / Tokyo
    save_through_admin(admin_client, city, name_th="กรุงโตเกียว", name_en="Tokyo Metropolis")
    first = Version.objects.get_for_object(city).last()

    url = f"/admin/relations/sistercity/{city.pk}/history/{first.pk}/"
    response = admin_client.post(url, admin_form_data(admin_client.get(url)))

    assert response.status_code == 302
    city.refresh_from_db()
    assert (city.name_th, city.name_en) == ("โตเกียว", "Tokyo")


class HistoryTable(HTMLParser):
    """The rows of the admin's history table (table#change-history): the text of each body row's cells."""

    def __init__(self):
        super().__init__()
        self.rows, self._in_table, self._in_body, self._cell = [], False, False, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._in_table = ("id", "change-history") in attrs
        elif tag == "tbody" and self._in_table:
            self._in_body = True
        elif self._in_body and tag == "tr":
            self.rows.append([])
        elif self._in_body and tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tbody":
            self._in_body = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def history_rows(response):
    """(user, action) for each row of the history table, newest first."""
    table = HistoryTable()
    table.feed(response.content.decode())
    return [(user, action) for _date, user, action in table.rows]


def test_history_page_lists_who_changed_the_item_and_what(client, django_user_model, city):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-password-1"))
    # In English, so the change message does not depend on the state of the Thai catalogue.
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    save_through_admin(client, city, name_en="Tokyo Metropolis")

    response = client.get(f"/admin/relations/sistercity/{city.pk}/history/")

    assert history_rows(response) == [("boss", "Changed Name [en].")]


def test_recover_deleted_item_brings_back_both_languages_and_its_links(admin_client, city):
    link_data = {
        "links-TOTAL_FORMS": "1",
        "links-0-title_th": "เว็บไซต์ทางการ",
        "links-0-title_en": "Official website",
        "links-0-url": "https://www.metro.tokyo.lg.jp/",
        "links-0-sort_order": "0",
    }
    save_through_admin(admin_client, city, **link_data)
    # A later edit that leaves the link alone: its version must still carry the link (reversion's follow).
    save_through_admin(admin_client, city, name_en="Tokyo")
    assert city.links.count() == 1
    response = admin_client.post(f"/admin/relations/sistercity/{city.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not SisterCity.objects.exists() and not CityLink.objects.exists()

    deleted = Version.objects.get_deleted(SisterCity).get()
    url = f"/admin/relations/sistercity/recover/{deleted.pk}/"
    response = admin_client.post(url, admin_form_data(admin_client.get(url)))

    assert response.status_code == 302
    city = SisterCity.objects.get()
    assert (city.name_th, city.name_en, city.profile_th) == ("โตเกียว", "Tokyo", "มหานคร")
    link = city.links.get()
    assert (link.title_th, link.title_en) == ("เว็บไซต์ทางการ", "Official website")


def test_every_admin_registered_content_model_is_versioned():
    content = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in sections.content_app_labels()
    }

    assert len(content) >= 10
    for model, model_admin in content.items():
        # Requests from the public (a question) have the inbox's admin: versioned, nothing to translate.
        assert isinstance(model_admin, ContentAdmin | PublicRequestAdmin), model
        assert reversion.is_registered(model), model
