"""The sister-city directory's filters and sorting (a plain GET form)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def city_links(response):
    return re.findall(r'<h2><a href="/\w\w/sister-cities/([\w-]+)/"', response.content.decode())


def test_country_filter_shows_only_that_countrys_cities(client, seed_for_reading):
    response = client.get("/en/sister-cities/?country=JP")

    assert city_links(response) == ["fukuoka-prefecture", "aichi-prefecture"]


def test_country_filter_says_how_many_cities_match(client, seed_for_reading):
    response = client.get("/en/sister-cities/?country=PT")

    assert "2 cities match your choices." in response.content.decode()


def test_relationship_filter_shows_only_that_kind(client, seed_for_reading):
    response = client.get("/en/sister-cities/?relationship=mou")

    assert city_links(response) == ["chaozhou", "jakarta", "george-town-penang"]


def test_filters_combine(client, seed_for_reading):
    response = client.get("/en/sister-cities/?country=CN&relationship=sister_city")

    assert city_links(response) == ["beijing", "guangzhou"]


def test_sort_by_year_puts_the_oldest_first_and_unknown_dates_last(client, seed_for_reading):
    slugs = city_links(client.get("/en/sister-cities/?sort=year"))

    assert slugs[0] == "washington-dc"
    assert slugs[-4:] == ["lausanne", "ankara", "lisbon", "hue"]


def test_sort_by_name_uses_the_english_name_on_english_pages(client, seed_for_reading):
    slugs = city_links(client.get("/en/sister-cities/?sort=name"))

    assert slugs[:3] == ["aichi-prefecture", "ankara", "astana"]


def test_sort_by_name_uses_the_thai_name_on_thai_pages(client, seed_for_reading):
    slugs = city_links(client.get("/th/sister-cities/?sort=name"))

    assert slugs[0] == "jakarta"  # กรุงจาการ์ตา
    # เมืองโลซาน files under ม, before ลิสบอน, although เ comes after every consonant in Unicode.
    assert slugs.index("lausanne") < slugs.index("lisbon")
    assert slugs[-1] == "hue"  # เว้ files under ว


def test_unknown_filter_values_are_ignored(client, seed_for_reading):
    response = client.get("/en/sister-cities/?country=XX&relationship=nonsense&sort=shoe-size")

    assert response.status_code == 200
    assert len(city_links(response)) == 32


def test_filter_that_matches_nothing_says_so(client, seed_for_reading):
    response = client.get("/en/sister-cities/?country=US&relationship=mou")

    assert city_links(response) == []
    assert "No sister city matches these choices." in response.content.decode()


def test_filter_form_labels_every_control(client, seed_for_reading):
    html = client.get("/en/sister-cities/").content.decode()

    for name in ("country", "relationship", "sort"):
        assert f'<label for="id_{name}">' in html
        assert f'id="id_{name}"' in html


def test_filter_form_offers_only_countries_with_published_cities(client, seed_for_reading):
    html = client.get("/en/sister-cities/").content.decode()

    assert len(re.findall(r'<option value="[A-Z]{2}"', html)) == 17
