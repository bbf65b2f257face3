"""Preview of unpublished items, and reordering cities and networks with up/down buttons."""

from relations.models import CityNetwork, SisterCity


def test_unpublished_item_is_a_404_for_the_public(client, city):
    city.is_published = False
    city.save()

    assert client.get("/th/sister-cities/tokyo/").status_code == 404
    assert client.get("/en/sister-cities/tokyo/").status_code == 404


def test_unpublished_item_is_visible_to_staff(editor_client, city):
    city.is_published = False
    city.save()

    assert editor_client.get("/th/sister-cities/tokyo/").status_code == 200


def test_list_links_unpublished_item_as_a_preview(admin_client, city):
    city.is_published = False
    city.save()

    html = admin_client.get("/admin/relations/sistercity/").content.decode()

    assert "Preview (not published)" in html or "ดูตัวอย่าง (ยังไม่เผยแพร่)" in html


def test_view_on_site_leads_staff_to_the_public_page_in_the_admins_language(admin_client, city):
    city.is_published = False
    city.save()
    view_on_site = admin_client.get(f"/admin/relations/sistercity/{city.pk}/change/").context["absolute_url"]

    public_url = admin_client.get(view_on_site)["Location"]

    assert public_url == "http://testserver/th/sister-cities/tokyo/"
    assert admin_client.get(public_url).status_code == 200


def make_cities(country, count=3):
    return [
        SisterCity.objects.create(slug=f"city-{n}", name_th=f"เมือง {n}", country=country, sort_order=0)
        for n in range(count)
    ]


def order():
    return list(SisterCity.objects.order_by("sort_order", "pk").values_list("slug", flat=True))


def test_move_up_swaps_an_item_with_the_one_before(admin_client, country):
    cities = make_cities(country)

    response = admin_client.post(f"/admin/relations/sistercity/{cities[2].pk}/move/up/")

    assert response.status_code == 302
    assert order() == ["city-0", "city-2", "city-1"]


def test_move_down_swaps_an_item_with_the_one_after(admin_client, country):
    cities = make_cities(country)

    admin_client.post(f"/admin/relations/sistercity/{cities[0].pk}/move/down/")

    assert order() == ["city-1", "city-0", "city-2"]


def test_moving_the_first_item_up_changes_nothing(admin_client, country):
    cities = make_cities(country)

    admin_client.post(f"/admin/relations/sistercity/{cities[0].pk}/move/up/")

    assert order() == ["city-0", "city-1", "city-2"]


def test_moving_needs_a_post(admin_client, country):
    cities = make_cities(country)

    assert admin_client.get(f"/admin/relations/sistercity/{cities[1].pk}/move/up/").status_code == 405


def test_moving_needs_the_change_permission(client, django_user_model, country):
    cities = make_cities(country)
    client.force_login(django_user_model.objects.create_user("viewer", is_staff=True))

    assert client.post(f"/admin/relations/sistercity/{cities[1].pk}/move/up/").status_code == 403


def test_list_buttons_post_the_lists_own_form_to_the_move_view(admin_client, country):
    cities = make_cities(country)

    html = admin_client.get("/admin/relations/sistercity/").content.decode()

    assert f'formaction="/admin/relations/sistercity/{cities[1].pk}/move/up/" formmethod="post"' in html


def test_networks_can_be_reordered_too(admin_client):
    first = CityNetwork.objects.create(slug="c40", name_th="ซี 40", sort_order=1)
    second = CityNetwork.objects.create(slug="iclei", name_th="อิคลี", sort_order=2)

    admin_client.post(f"/admin/relations/citynetwork/{second.pk}/move/up/")

    assert list(CityNetwork.objects.order_by("sort_order").values_list("slug", flat=True)) == ["iclei", "c40"]
    assert first.pk != second.pk
