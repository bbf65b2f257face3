"""Unpublished items are invisible to the public and previewable by staff."""

import pytest

from relations.models import Activity, CityNetwork, SisterCity

from .conftest import make_activity

pytestmark = pytest.mark.django_db


def test_unpublished_city_is_not_found_by_the_public(client, seed_for_reading):
    SisterCity.objects.filter(slug="porto").update(is_published=False)

    assert client.get("/en/sister-cities/porto/").status_code == 404


def test_unpublished_city_can_be_previewed_by_staff(admin_client, seed_for_reading):
    SisterCity.objects.filter(slug="porto").update(is_published=False)

    response = admin_client.get("/en/sister-cities/porto/")

    assert response.status_code == 200
    assert "This page is not published. Only staff can see it." in response.content.decode()


def test_unpublished_city_is_left_out_of_the_directory_and_its_counts(client, seed_for_reading):
    SisterCity.objects.filter(slug="lausanne").update(is_published=False)

    html = client.get("/en/sister-cities/").content.decode()

    assert "31 cities in 16 countries" in html
    assert "/sister-cities/lausanne/" not in html


def test_unpublished_network_is_not_found_by_the_public(client, seed_for_reading):
    CityNetwork.objects.filter(slug="gdco").update(is_published=False)

    assert client.get("/th/networks/gdco/").status_code == 404
    assert "/networks/gdco/" not in client.get("/th/networks/").content.decode()


def test_unpublished_network_can_be_previewed_by_staff(admin_client, seed_for_reading):
    CityNetwork.objects.filter(slug="gdco").update(is_published=False)

    assert admin_client.get("/th/networks/gdco/").status_code == 200


def test_activities_of_an_unpublished_city_are_not_published(seed_for_reading):
    city = SisterCity.objects.get(slug="porto")
    make_activity(1, city=city)
    city.is_published = False
    city.save()

    assert not Activity.objects.published().exists()


def test_latest_activities_come_newest_first(seed_for_reading):
    older = make_activity(1, city=SisterCity.objects.get(slug="porto"))
    newer = make_activity(2, network=CityNetwork.objects.get(slug="c40"))

    assert list(Activity.objects.published().latest()) == [newer, older]


def test_activity_links_to_its_city_page_at_the_activity(seed_for_reading):
    activity = make_activity(1, city=SisterCity.objects.get(slug="porto"))

    assert activity.get_absolute_url() == f"/th/sister-cities/porto/#activity-{activity.pk}"


def test_latest_activities_need_one_query_with_their_cities_and_networks(seed_for_reading, django_assert_num_queries):
    make_activity(1, city=SisterCity.objects.get(slug="porto"))
    make_activity(2, network=CityNetwork.objects.get(slug="c40"))

    with django_assert_num_queries(1):
        links = [activity.get_absolute_url() for activity in Activity.objects.published().latest()]

    assert links[0].startswith("/th/networks/c40/#activity-")
