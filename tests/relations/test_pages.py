"""The public pages of partners abroad, rendered from the seed fixture."""

import re

import pytest

from relations.models import CityNetwork, SisterCity

from .conftest import main_text, make_activity

pytestmark = pytest.mark.django_db


def h1_count(response):
    return len(re.findall(r"<h1[\s>]", response.content.decode()))


def test_directory_counts_32_cities_in_17_countries_from_the_data(client, seed_for_reading):
    response = client.get("/en/sister-cities/")

    assert "32 cities in 17 countries" in main_text(response)


def test_thai_directory_counts_cities_and_countries_in_thai(client, seed_for_reading):
    response = client.get("/th/sister-cities/")

    assert "32 เมือง ใน 17 ประเทศ" in main_text(response)


def test_directory_lists_cities_in_the_seed_order(client, seed_for_reading):
    text = main_text(client.get("/th/sister-cities/"))

    assert text.index("กรุงวอชิงตัน ดีซี") < text.index("กรุงปักกิ่ง") < text.index("เว้<")


def test_every_city_page_renders_with_one_h1(client, seed_for_reading, language):
    for city in SisterCity.objects.all():
        response = client.get(f"/{language}/sister-cities/{city.slug}/")

        assert response.status_code == 200, city.slug
        assert h1_count(response) == 1, city.slug


def test_every_network_page_renders_with_one_h1(client, seed_for_reading, language):
    for network in CityNetwork.objects.all():
        response = client.get(f"/{language}/networks/{network.slug}/")

        assert response.status_code == 200, network.slug
        assert h1_count(response) == 1, network.slug


def test_thai_city_page_shows_the_buddhist_era_date(client, seed_for_reading):
    text = main_text(client.get("/th/sister-cities/washington-dc/"))

    assert "19 กุมภาพันธ์ 2505" in text


def test_english_city_page_shows_the_common_era_date(client, seed_for_reading):
    text = main_text(client.get("/en/sister-cities/washington-dc/"))

    assert "19 February 1962" in text


def test_city_known_only_to_the_year_shows_just_the_year(client, seed_for_reading):
    text = main_text(client.get("/en/sister-cities/beijing/"))

    assert ">1993<" in text
    assert "1 January 1993" not in text


def test_city_with_unknown_date_says_so_in_english(client, seed_for_reading):
    text = main_text(client.get("/en/sister-cities/lausanne/"))

    assert "Date not known" in text


def test_city_with_unknown_date_says_so_in_thai(client, seed_for_reading):
    text = main_text(client.get("/th/sister-cities/lausanne/"))

    assert "ไม่ทราบวันที่" in text


def test_city_page_explains_the_kind_of_relationship(client, seed_for_reading):
    text = main_text(client.get("/en/sister-cities/chaozhou/"))

    assert "Memorandum of understanding" in text
    assert "a written record of what both cities intend to do together" in text


def test_city_page_shows_its_position_as_text(client, seed_for_reading):
    text = main_text(client.get("/en/sister-cities/washington-dc/"))

    assert "Latitude 38.895, longitude -77.036" in text


def test_city_page_lists_its_source_links(client, seed_for_reading):
    text = main_text(client.get("/en/sister-cities/washington-dc/"))

    assert 'href="https://www.nationthailand.com/thailand/bangkok/40051171"' in text


def test_network_page_shows_the_founding_year_in_the_buddhist_era_in_thai(client, seed_for_reading):
    text = main_text(client.get("/th/networks/metropolis/"))

    assert ">2528<" in text


def test_network_page_shows_the_founding_year_in_the_common_era_in_english(client, seed_for_reading):
    text = main_text(client.get("/en/networks/metropolis/"))

    assert ">1985<" in text


def test_network_list_counts_the_eleven_networks(client, seed_for_reading):
    text = main_text(client.get("/en/networks/"))

    assert "Bangkok works with 11 international organisations and city networks." in text


def test_city_page_shows_its_published_activities_newest_first(client, seed_for_reading):
    city = SisterCity.objects.get(slug="seoul")
    make_activity(1, city=city, title_en="Older visit")
    make_activity(50, city=city, title_en="Newer visit")
    make_activity(99, city=city, title_en="Hidden draft", is_published=False)

    text = main_text(client.get("/en/sister-cities/seoul/"))

    assert text.index("Newer visit") < text.index("Older visit")
    assert "Hidden draft" not in text


def test_network_page_shows_its_activities(client, seed_for_reading):
    network = CityNetwork.objects.get(slug="c40")
    activity = make_activity(3, network=network, title_en="C40 summit")

    text = main_text(client.get("/en/networks/c40/"))

    assert "C40 summit" in text
    assert f'id="{activity.anchor}"' in text


def test_city_without_english_name_shows_thai_marked_as_thai(client, seed_for_reading):
    SisterCity.objects.filter(slug="hue").update(name_en="")

    response = client.get("/en/sister-cities/hue/")

    assert '<h1 lang="th">เว้</h1>' in response.content.decode()


def test_month_only_date_is_marked_up_with_just_the_month(client, seed_for_reading):
    text = main_text(client.get("/en/sister-cities/seoul/"))

    assert '<time datetime="2006-06">June 2006</time>' in text
