"""The directory's Thai name order is stored with each city (name_sort_key) and read from the database."""

import re

import pytest

from relations.models import Country, SisterCity, thai_sort_column, thai_sort_key

from .conftest import make_city, make_countries

pytestmark = pytest.mark.django_db

NAMES = [
    "เมืองโลซาน",
    "ลิสบอน",
    "เว้",
    "กรุงจาการ์ตา",
    "กรุง",
    "กรุงเทพ",
    "ก่า",
    "กา",
    "ก้า",
    "Zürich",
    "Aachen",
    "ไอจิ",
    "แสนสุข",
    "1 เมือง",
    "เมือง 10",
    "เมือง 9",
]


def city_links(response):
    return re.findall(r'<h2><a href="/\w\w/sister-cities/([\w-]+)/"', response.content.decode())


def test_the_stored_key_sorts_as_the_thai_dictionary_order_does():
    assert sorted(NAMES, key=thai_sort_column) == sorted(NAMES, key=thai_sort_key)


def test_the_database_orders_cities_as_the_thai_dictionary_order_does():
    country = make_countries(1)[0]
    for number, name in enumerate(NAMES):
        make_city(country, number, name_th=name)

    names = [city.name_th for city in SisterCity.objects.sorted_by("name", "th")]

    assert names == sorted(NAMES, key=thai_sort_key)


def test_seeded_cities_get_their_key(seed):
    cities = SisterCity.objects.all()
    assert len(cities) == 32
    assert all(city.name_sort_key == thai_sort_column(city.name_th) for city in cities)


def test_pages_of_the_thai_name_order_follow_on(client):
    country = make_countries(1)[0]
    for number in range(60):
        make_city(country, number, name_th=f"เมือง {59 - number:02d}")

    first = city_links(client.get("/th/sister-cities/?sort=name"))
    second = city_links(client.get("/th/sister-cities/?sort=name&page=2"))

    assert first + second == [f"city-{number}" for number in range(59, -1, -1)]


def test_a_city_saved_in_the_admin_gets_its_key(admin_client):
    japan = Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")
    form = admin_client.get("/admin/relations/sistercity/add/").content.decode()
    data = dict.fromkeys(re.findall(r'name="([\w-]+-(?:TOTAL|INITIAL)_FORMS)"', form), "0")
    data |= {
        "name_th": "เมืองโอซากะ",
        "slug": "osaka",
        "country": japan.pk,
        "relationship": "sister_city",
        "is_published": "on",
        "sort_order": "1",
        "established_precision": "unknown",
    }

    response = admin_client.post("/admin/relations/sistercity/add/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert SisterCity.objects.get(slug="osaka").name_sort_key == thai_sort_column("เมืองโอซากะ")


def test_the_key_is_not_a_field_of_the_admin_form(admin_client):
    assert 'name="name_sort_key"' not in admin_client.get("/admin/relations/sistercity/add/").content.decode()
