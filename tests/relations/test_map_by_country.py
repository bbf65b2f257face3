"""Past MAX_CITY_MARKERS cities the map marks countries, each with its number of cities and a link to
them in the directory, and lists the countries as its text alternative."""

import re

import pytest

from relations import map as world
from relations.models import Country, SisterCity

pytestmark = pytest.mark.django_db

MARKER = re.compile(r'<a class="world-map__marker" href="([^"]+)" aria-label="([^"]+)"><title>([^<]+)</title><circle ')


@pytest.fixture
def few_markers(monkeypatch):
    monkeypatch.setattr(world, "MAX_CITY_MARKERS", 3)


def add_cities(country, count, start=0, **fields):
    for number in range(start, start + count):
        SisterCity.objects.create(
            slug=f"{country.iso_code.lower()}-{number}", name_th=f"เมือง {number}", country=country, **fields
        )


@pytest.fixture
def countries():
    japan = Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")
    china = Country.objects.create(iso_code="CN", name_th="จีน", name_en="China")
    return japan, china


def test_each_country_gets_one_marker_with_its_count_linking_to_its_cities(client, few_markers, countries):
    japan, china = countries
    add_cities(japan, 3, latitude="35", longitude="139")
    add_cities(china, 2, latitude="40", longitude="116")
    html = client.get("/en/sister-cities/map/").content.decode()

    overview = html.split("</svg>", 1)[0]
    assert sorted(MARKER.findall(overview)) == [
        ("/en/sister-cities/?country=CN", "China: 2 partner cities", "China: 2 partner cities"),
        ("/en/sister-cities/?country=JP", "Japan: 3 partner cities", "Japan: 3 partner cities"),
    ]
    assert client.get("/en/sister-cities/?country=JP").status_code == 200


def test_a_country_marker_sits_in_the_middle_of_its_cities(few_markers, countries):
    japan, _china = countries
    add_cities(japan, 2, latitude="30", longitude="130")
    add_cities(japan, 2, start=2, latitude="40", longitude="140")
    add_cities(japan, 1, start=4)  # no location: counted, not averaged

    (country,) = Country.objects.with_published_cities()
    (marker,) = world.country_markers([country])

    assert country.city_count == 5
    assert (marker.x, marker.y) == world.project(35, 135)


def test_the_list_gives_each_country_with_its_count_instead_of_every_city(client, few_markers, countries):
    japan, china = countries
    add_cities(japan, 3, latitude="35", longitude="139")
    add_cities(china, 2)  # no location: listed, not on the map
    html = client.get("/en/sister-cities/map/").content.decode()

    assert '<a href="/en/sister-cities/?country=JP">Japan</a>: 3 partner cities' in html
    assert '<a href="/en/sister-cities/?country=CN">China</a>: 2 partner cities' in html
    assert "location not known" in html
    assert "/en/sister-cities/jp-0/" not in html
    assert "Bangkok has 5 partner cities" in html


def test_unpublished_cities_are_not_counted(client, few_markers, countries):
    japan, china = countries
    add_cities(japan, 4, latitude="35", longitude="139")
    add_cities(china, 2, latitude="40", longitude="116", is_published=False)
    html = client.get("/en/sister-cities/map/").content.decode()

    assert [label for _url, label, _title in MARKER.findall(html)] == ["Japan: 4 partner cities"]
    assert "country=CN" not in html


def test_the_map_by_country_takes_a_fixed_number_of_queries(client, few_markers, countries, django_assert_num_queries):
    japan, china = countries
    add_cities(japan, 4, latitude="35", longitude="139")
    with django_assert_num_queries(3):  # how many cities, the countries with their counts, the contact details
        client.get("/th/sister-cities/map/")
    add_cities(china, 40, latitude="40", longitude="116")
    with django_assert_num_queries(3):
        client.get("/th/sister-cities/map/")
