"""Preview of unpublished items, and reordering cities and networks with up/down buttons."""

import pytest

from iad_site.pagecache import cache as page_cache
from iad_site.search import engine as search_engine
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


def numbered_cities(country, count, numbered=True):
    """`count` published cities, numbered 1, 2, 3… as an import numbers them, or all at 0 as new ones are."""
    return SisterCity.objects.bulk_create(
        SisterCity(slug=f"city-{n}", name_th=f"เมือง {n}", country=country, sort_order=n + 1 if numbered else 0)
        for n in range(count)
    )


@pytest.mark.parametrize(("numbered", "queries"), [(True, 13), (False, 12)], ids=["numbered", "tied"])
@pytest.mark.parametrize("count", [30, 300])
def test_a_move_costs_the_same_queries_however_many_cities_there_are(
    admin_client, country, django_assert_num_queries, count, numbered, queries
):
    cities = numbered_cities(country, count, numbered)
    # A first move reads what every later one finds cached (the session, the content type for the log).
    admin_client.post(f"/admin/relations/sistercity/{cities[-1].pk}/move/up/")

    # Session and user, the item, then in one transaction: the item locked, its neighbour, whether anyone
    # else holds their numbers (not asked when the two are tied), one UPDATE, the log entry; the session
    # saved (savepoints: the test's own transaction). The old save() per row: 221 queries for 30 cities,
    # 2,110 for 300.
    with django_assert_num_queries(queries):
        admin_client.post(f"/admin/relations/sistercity/{cities[15].pk}/move/up/")

    assert order()[14:16] == ["city-15", "city-14"]


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "tied"])
@pytest.mark.parametrize("direction", ["up", "down"])
def test_a_move_swaps_two_neighbours_and_leaves_the_rest_in_place(admin_client, country, numbered, direction):
    cities = numbered_cities(country, 8, numbered)
    expected = [f"city-{n}" for n in range(8)]
    other = 3 if direction == "up" else 5
    expected[4], expected[other] = expected[other], expected[4]

    admin_client.post(f"/admin/relations/sistercity/{cities[4].pk}/move/{direction}/")

    assert order() == expected


def test_a_move_reindexes_nothing(admin_client, country, monkeypatch):
    cities = numbered_cities(country, 5)
    indexed = []
    monkeypatch.setattr(search_engine, "index_object", indexed.append)

    admin_client.post(f"/admin/relations/sistercity/{cities[2].pk}/move/up/")

    assert order()[1:3] == ["city-2", "city-1"]
    assert indexed == []


def test_a_move_starts_the_page_cache_afresh_once(admin_client, country, monkeypatch, settings):
    settings.PAGE_CACHE_ENABLED = True
    cities = numbered_cities(country, 30)
    bumps = []
    monkeypatch.setattr(page_cache, "bump_generation", lambda: bumps.append(1))

    admin_client.post(f"/admin/relations/sistercity/{cities[2].pk}/move/up/")

    assert len(bumps) == 1


def test_the_cached_public_directory_shows_the_new_order_after_a_move(admin_client, client, country, settings):
    settings.PAGE_CACHE_ENABLED = True
    cities = numbered_cities(country, 30)
    SisterCity.objects.update(is_published=True)
    assert client.get("/th/sister-cities/")["X-Cache"] == "MISS"
    assert client.get("/th/sister-cities/")["X-Cache"] == "HIT"

    admin_client.post(f"/admin/relations/sistercity/{cities[2].pk}/move/up/")
    html = client.get("/th/sister-cities/").content.decode()

    assert html.index("เมือง 2<") < html.index("เมือง 1<") < html.index("เมือง 3<")


def test_a_move_next_to_tied_numbers_passes_one_item_only(admin_client, country):
    # Listed as city-1, city-2 (both 0, by pk), city-0 (10): trading 10 and 0 would put city-0 first.
    cities = SisterCity.objects.bulk_create(
        SisterCity(slug=f"city-{n}", name_th=f"เมือง {n}", country=country, sort_order=number)
        for n, number in enumerate([10, 0, 0])
    )

    admin_client.post(f"/admin/relations/sistercity/{cities[0].pk}/move/up/")

    assert order() == ["city-1", "city-0", "city-2"]
