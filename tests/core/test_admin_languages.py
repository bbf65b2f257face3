"""The admin in Thai or English, chosen per staff member; Thai required, English optional; tabs work offline."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.staticfiles import finders

from iad_site.core import sections
from iad_site.core.admin import translated_fields
from iad_site.inbox.admin import PublicRequestAdmin
from relations.models import SisterCity

from .conftest import admin_form_data

ADD_URL = "/admin/relations/sistercity/add/"


def test_admin_is_in_thai_by_default(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert '<html lang="th"' in html
    assert "ยินดีต้อนรับ" in html


def test_staff_member_switches_the_admin_to_english_without_javascript(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert '<form action="/i18n/setlang/" method="post"' in html
    assert 'name="language" value="en" lang="en"' in html

    response = admin_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert '<html lang="en"' in admin_client.get("/admin/").content.decode()


def test_admin_language_choice_does_not_change_the_public_pages_language(admin_client):
    admin_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})

    assert '<html lang="th"' in admin_client.get("/th/").content.decode()


def test_admin_can_be_switched_back_to_thai(admin_client):
    admin_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    admin_client.post("/i18n/setlang/", {"language": "th", "next": "/admin/"})

    assert '<html lang="th"' in admin_client.get("/admin/").content.decode()


def content_models():
    return [
        model
        for label in sections.content_app_labels()
        for model in apps.get_app_config(label).get_models()
        if translated_fields(model)
    ]


@pytest.mark.parametrize("model", content_models(), ids=lambda m: m.__name__)
def test_thai_is_required_where_the_field_is_and_english_is_always_optional(model):
    for name in translated_fields(model):
        required = not model._meta.get_field(name).blank
        assert model._meta.get_field(f"{name}_th").blank is not required, f"{model.__name__}.{name}_th"
        assert model._meta.get_field(f"{name}_en").blank, f"{model.__name__}.{name}_en"


def test_form_without_thai_name_is_refused(admin_client, country):
    data = admin_form_data(admin_client.get(ADD_URL), name_en="Yokohama", slug="yokohama", country=str(country.pk))

    response = admin_client.post(ADD_URL, data)

    assert "name_th" in response.context["adminform"].form.errors
    assert not SisterCity.objects.exists()


def test_form_without_english_is_saved(admin_client, country):
    data = admin_form_data(admin_client.get(ADD_URL), name_th="โยโกฮามา", slug="yokohama", country=str(country.pk))

    assert admin_client.post(ADD_URL, data).status_code == 302
    assert SisterCity.objects.get().name_en in (None, "")


def admin_pages():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in sections.content_app_labels():
            info = model._meta.app_label, model._meta.model_name
            yield f"/admin/{info[0]}/{info[1]}/"
            # Requests from the public (a question) arrive through the public form: their admin has no add page.
            if not isinstance(model_admin, PublicRequestAdmin):
                yield f"/admin/{info[0]}/{info[1]}/add/"


OUTSIDE_ASSET = re.compile(r"""<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)


@pytest.mark.parametrize("url", sorted(set(admin_pages())))
def test_admin_page_loads_nothing_from_outside_hosts_and_has_no_inline_script_or_style(admin_client, url):
    response = admin_client.get(url, follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert not OUTSIDE_ASSET.search(html)
    assert not INLINE_SCRIPT.search(html)
    assert ' style="' not in html
    assert "<style" not in html


def test_language_tabs_load_jquery_ui_from_our_own_static_files(admin_client):
    html = admin_client.get(ADD_URL).content.decode()

    assert 'src="/static/vendor/jquery-ui/jquery-ui.min.js"' in html
    assert 'src="/static/modeltranslation/js/tabbed_translation_fields.js"' in html
    assert finders.find("vendor/jquery-ui/jquery-ui.min.js")
