"""Content lists: English-missing filter, bilingual search, thumbnails, the translation status page."""

import pytest
from django.contrib import admin

from iad_site.core.admin import EnglishMissingListFilter, completeness_rows, translated_fields
from relations.models import CityLink, SisterCity

LIST_URL = "/admin/relations/sistercity/"


@pytest.fixture
def cities(country):
    complete = SisterCity.objects.create(slug="tokyo", name_th="โตเกียว", name_en="Tokyo", country=country)
    thai_only = SisterCity.objects.create(slug="osaka", name_th="โอซาก้า", country=country)
    link_lacks_english = SisterCity.objects.create(slug="kyoto", name_th="เกียวโต", name_en="Kyoto", country=country)
    CityLink.objects.create(city=link_lacks_english, title_th="เว็บไซต์", url="https://example.org/")
    return complete, thai_only, link_lacks_english


def listed(response):
    return {obj.slug for obj in response.context["cl"].result_list}


def test_english_missing_filter_lists_items_lacking_english_in_a_field_or_inline_row(admin_client, cities):
    response = admin_client.get(LIST_URL, {"english": "missing"})

    assert listed(response) == {"osaka", "kyoto"}


def test_english_complete_filter_lists_the_others(admin_client, cities):
    assert listed(admin_client.get(LIST_URL, {"english": "complete"})) == {"tokyo"}


def test_every_translated_content_list_offers_the_english_missing_filter(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    translated = [(m, a) for m, a in admin.site._registry.items() if translated_fields(m)]

    assert len(translated) >= 10
    for model, model_admin in translated:
        assert EnglishMissingListFilter in model_admin.get_list_filter(request), model


def test_search_finds_items_by_their_english_name(admin_client, cities):
    assert listed(admin_client.get(LIST_URL, {"q": "Kyoto"})) == {"kyoto"}


def test_search_finds_items_by_their_thai_name(admin_client, cities):
    assert listed(admin_client.get(LIST_URL, {"q": "โอซาก้า"})) == {"osaka"}


def test_search_finds_items_by_their_countrys_english_name_while_the_admin_is_in_thai(admin_client, cities):
    assert listed(admin_client.get(LIST_URL, {"q": "Japan"})) == {"tokyo", "osaka", "kyoto"}


def test_completeness_page_counts_items_lacking_english_per_kind_of_content(admin_client, cities):
    response = admin_client.get("/admin/translations/")

    assert response.status_code == 200
    row = next(row for row in response.context["rows"] if row["list_url"] == LIST_URL)
    assert (row["total"], row["missing"], row["complete"]) == (3, 2, 1)
    assert row["missing_url"] == f"{LIST_URL}?english=missing"
    assert f'href="{LIST_URL}?english=missing"' in response.content.decode()


def test_completeness_page_counts_countries_too(admin_client, cities):
    rows = {row["list_url"]: row for row in admin_client.get("/admin/translations/").context["rows"]}

    assert rows["/admin/relations/country/"]["missing"] == 0


def test_completeness_page_shows_only_what_the_staff_member_may_see(rf, django_user_model):
    user = django_user_model.objects.create_user("guest", is_staff=True)
    request = rf.get("/")
    request.user = user

    assert completeness_rows(request) == []


def test_completeness_page_is_for_staff_only(client, db):
    response = client.get("/admin/translations/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_list_shows_a_thumbnail_with_its_description(admin_client, country, settings, tmp_path):
    from .conftest import image_bytes, upload

    settings.MEDIA_ROOT = str(tmp_path)
    city = SisterCity(slug="nagoya", name_th="นาโกยา", country=country, photo_alt_th="ปราสาทนาโกยา")
    city.photo.save("castle.jpg", upload("castle.jpg", image_bytes(size=(1000, 600))), save=False)
    city.save()

    html = admin_client.get(LIST_URL).content.decode()

    assert '<img src="/media/sister-cities/castle.480w.webp" alt="ปราสาทนาโกยา" class="iad-thumbnail"' in html
