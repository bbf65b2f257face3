"""Objects for the search, map, open data, feed and sitemap tests, built through the ORM as staff would."""

import datetime

import pytest

from pages.models import Milestone, Plan, StaticPage
from relations.models import Activity, CityNetwork, Country, Embassy, SisterCity


@pytest.fixture
def japan(db):
    return Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")


@pytest.fixture
def fukuoka(japan):
    return SisterCity.objects.create(
        slug="fukuoka",
        name_th="เมืองฟุกุโอกะ",
        name_en="Fukuoka",
        country=japan,
        profile_th="ความร่วมมือด้านการท่องเที่ยวและวัฒนธรรม",
        profile_en="Cooperation in tourism and culture.",
        latitude="33.606",
        longitude="130.418",
        established_on=datetime.date(2006, 10, 1),
        established_precision="day",
        website="https://www.city.fukuoka.lg.jp/",
        sort_order=1,
    )


@pytest.fixture
def c40(db):
    return CityNetwork.objects.create(
        slug="c40",
        name_th="เครือข่ายเมืองใหญ่ด้านการเปลี่ยนแปลงสภาพภูมิอากาศ",
        name_en="C40 Cities Climate Leadership Group",
        acronym="C40",
        description_th="เครือข่ายเมืองใหญ่ของโลก",
        founded_year=2005,
    )


@pytest.fixture
def embassy(japan):
    return Embassy.objects.create(
        country=japan, name_th="สถานเอกอัครราชทูตญี่ปุ่น", name_en="Embassy of Japan", address_th="ถนนวิทยุ"
    )


@pytest.fixture
def activity(fukuoka):
    return Activity.objects.create(
        title_th="คณะผู้แทนเมืองฟุกุโอกะเยือนกรุงเทพมหานคร",
        title_en="Fukuoka delegation visits Bangkok",
        summary_th="หารือความร่วมมือด้านการจัดการขยะ",
        happened_on=datetime.date(2024, 5, 2),
        city=fukuoka,
    )


@pytest.fixture
def plan(db):
    return Plan.objects.create(
        title_th="แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2556",
        title_en="Annual projects plan, fiscal year 2013",
        slug="projects-fy2556",
        kind="projects",
        fiscal_year=2556,
    )


@pytest.fixture
def milestone(db):
    return Milestone.objects.create(title_th="ยกฐานะเป็นกองการต่างประเทศ", summary_th="ตามมติคณะกรรมการ")


@pytest.fixture
def static_page(db):
    return StaticPage.objects.create(
        slug="contact", title_th="ติดต่อเรา", title_en="Contact us", body_th="<p>โทร <b>0 2224 1234</b></p>"
    )
