"""Staff can open every relations admin page."""

import pytest

pytestmark = pytest.mark.django_db

MODELS = ["country", "sistercity", "citynetwork", "activity", "embassy"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_list_opens(admin_client, seed_for_reading, model):
    assert admin_client.get(f"/admin/relations/{model}/").status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_admin_add_form_opens(admin_client, model):
    assert admin_client.get(f"/admin/relations/{model}/add/").status_code == 200


def test_admin_search_finds_a_city_by_its_english_name(admin_client, seed_for_reading):
    html = admin_client.get("/admin/relations/sistercity/?q=Budapest").content.decode()

    assert "กรุงปูดาเปสต์" in html


def test_admin_city_form_has_language_tabs(admin_client, seed_for_reading):
    html = admin_client.get("/admin/relations/sistercity/1/change/").content.decode()

    assert 'name="name_th"' in html
    assert 'name="name_en"' in html
