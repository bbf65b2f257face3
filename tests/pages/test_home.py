"""The home page: the office's texts, figures computed from the directories, the latest activities."""

import datetime

import pytest

from pages.models import HomePage
from relations.models import Activity, CityNetwork, Country, Embassy, SisterCity

pytestmark = pytest.mark.django_db


def figure(html, label):
    """The number shown in front of a figure's label on the home page."""
    before = html.split(f"</strong> {label}")[0]
    return int(before.rsplit("<strong>", 1)[1])


@pytest.fixture
def partners(db):
    japan = Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")
    china = Country.objects.create(iso_code="CN", name_th="จีน", name_en="China")
    fukuoka = SisterCity.objects.create(slug="fukuoka", name_th="ฟูกูโอกะ", name_en="Fukuoka", country=japan)
    SisterCity.objects.create(slug="aichi", name_th="ไอจิ", name_en="Aichi", country=japan)
    SisterCity.objects.create(slug="beijing", name_th="ปักกิ่ง", name_en="Beijing", country=china)
    CityNetwork.objects.create(slug="citynet", name_th="CITYNET", name_en="CITYNET")
    Embassy.objects.create(country=japan, name_th="สถานเอกอัครราชทูตญี่ปุ่น", name_en="Embassy of Japan")
    return fukuoka


def test_home_shows_the_motto_and_welcome_in_thai(client, seed):
    html = client.get("/th/").content.decode()

    assert "กรุงเทพฯ ดุจเทพสร้าง" in html
    assert "ยินดีให้คำปรึกษา" in html


def test_home_shows_the_motto_and_welcome_in_english(client, seed):
    html = client.get("/en/").content.decode()

    assert "As built by deities" in html
    assert "We are glad to give advice" in html


def test_home_links_to_the_office_facebook_page(client, seed):
    assert 'href="https://www.facebook.com/bangkokiad"' in client.get("/th/").content.decode()


def test_home_figures_count_published_partners(client, partners):
    html = client.get("/en/").content.decode()

    assert figure(html, "partner cities") == 3
    assert figure(html, "countries") == 2
    assert figure(html, "city networks and organisations") == 1
    assert figure(html, "embassies") == 1


def test_home_figures_change_when_the_data_changes(client, partners):
    SisterCity.objects.filter(country__iso_code="CN").update(is_published=False)
    CityNetwork.objects.create(slug="c40", name_th="C40", name_en="C40")

    html = client.get("/en/").content.decode()

    assert figure(html, "partner cities") == 2
    assert figure(html, "countries") == 1
    assert figure(html, "city networks and organisations") == 2


def test_home_leaves_out_a_figure_whose_directory_is_empty(client, partners):
    Embassy.objects.all().delete()

    html = client.get("/en/").content.decode()

    assert "embassies</a>" not in html
    assert figure(html, "partner cities") == 3


def test_home_lists_the_latest_activities_newest_first(client, partners):
    for year in (2010, 2012, 2011):
        Activity.objects.create(
            title_th=f"กิจกรรม {year}", title_en=f"Activity {year}", happened_on=datetime.date(year, 5, 1), city=partners
        )

    html = client.get("/en/").content.decode()

    assert html.index("Activity 2012") < html.index("Activity 2011") < html.index("Activity 2010")
    assert "1 May 2012" in html


def test_home_shows_only_the_five_latest_activities(client, partners):
    for day in range(1, 8):
        Activity.objects.create(title_th=f"กิจกรรม {day}", happened_on=datetime.date(2012, 5, day), city=partners)

    html = client.get("/th/").content.decode()

    assert "กิจกรรม 7" in html
    assert "กิจกรรม 2<" not in html


def test_home_shows_the_motto_once(client, seed):
    html = client.get("/en/").content.decode()

    assert html.count("As built by deities") == 1


def test_home_query_count_is_fixed(client, seed, django_assert_num_queries):
    city = SisterCity.objects.published().first()
    for day in range(1, 8):
        Activity.objects.create(title_th=f"กิจกรรม {day}", happened_on=datetime.date(2012, 5, day), city=city)

    # the home texts, cities, countries, networks and embassies counted, this year's anniversaries, the latest
    # news, the latest activities, the contact details (footer, JSON-LD)
    with django_assert_num_queries(9):
        client.get("/th/")


def test_home_without_texts_still_renders(client, partners):
    HomePage.objects.all().delete()

    response = client.get("/th/")

    assert response.status_code == 200
