"""Round anniversaries (every 5 years) of Bangkok's partnerships, from each city's stored date and how much of
it is known: on a city's page when one falls this year or next, on the home page for this year's."""

import datetime
import re

import pytest
from django.utils import timezone

from iad_site.core.dates import DatePrecision
from relations.anniversaries import round_anniversary
from relations.models import SisterCity

# The page tests read the module's seed; the pure date tests do not touch the database.
pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


@pytest.mark.parametrize(
    ("established_on", "precision", "expected"),
    [
        (datetime.date(1962, 2, 19), DatePrecision.DAY, (65, 2027)),  # next year
        (datetime.date(2006, 2, 8), DatePrecision.DAY, (20, 2026)),  # this year, the day already past
        (datetime.date(2016, 7, 1), DatePrecision.MONTH, (10, 2026)),
        (datetime.date(1997, 1, 1), DatePrecision.YEAR, (30, 2027)),
        (datetime.date(2004, 1, 1), DatePrecision.YEAR, None),  # 22 and 23 years
        (datetime.date(2026, 3, 1), DatePrecision.DAY, None),  # this year's new partnership: no anniversary
        (datetime.date(1962, 2, 19), DatePrecision.UNKNOWN, None),
        (None, DatePrecision.UNKNOWN, None),
    ],
)
def test_round_anniversary_this_year_or_next(established_on, precision, expected):
    assert round_anniversary(established_on, precision, today=TODAY) == expected


def anniversary(html):
    found = re.search(r"<dt>Anniversary</dt>\s*<dd>([^<]+)</dd>", html)
    return found and found[1]


@pytest.mark.parametrize(("language", "text"), [("en", "65 years in 2027"), ("th", "ครบรอบ 65 ปี ในปี 2570")])
def test_city_page_says_when_its_round_anniversary_falls(client, seed_for_reading, today, language, text):
    html = client.get(f"/{language}/sister-cities/washington-dc/").content.decode()

    assert text in html


@pytest.mark.parametrize("slug", ["hanoi", "lausanne"])  # 2004, 22 years; date not known
def test_city_page_says_nothing_without_a_round_anniversary(client, seed_for_reading, today, slug):
    assert anniversary(client.get(f"/en/sister-cities/{slug}/").content.decode()) is None


def home_anniversaries(html):
    if 'id="anniversaries-title"' not in html:
        return None
    block = html.split('id="anniversaries-title"')[1].split("</ul>")[0]
    heading = re.sub(r"<[^>]+>", "", block.split("</h2>")[0].split(">", 1)[1])
    items = re.findall(r"<li><strong>([^<]+)</strong> <a href=\"/\w+/sister-cities/([^/]+)/\"", block)
    return heading, items


def test_home_lists_this_years_anniversaries_oldest_partnership_first(client, seed_for_reading, today):
    heading, items = home_anniversaries(client.get("/en/").content.decode())

    assert heading == "Partnership anniversaries in 2026"
    assert items == [
        ("20 years", "fukuoka-prefecture"),
        ("20 years", "seoul"),
        ("15 years", "busan"),
        ("15 years", "chongqing"),
        ("10 years", "shanghai"),
        ("10 years", "porto"),
        ("10 years", "dalian"),
    ]


def test_home_names_the_year_in_the_buddhist_era_in_thai(client, seed_for_reading, today):
    heading, _items = home_anniversaries(client.get("/th/").content.decode())

    assert "2569" in heading and "2026" not in heading


def test_home_leaves_out_unpublished_cities_and_unknown_dates(client, seed_for_reading, today):
    SisterCity.objects.filter(slug="busan").update(is_published=False)
    # A date typed but marked unknown (the admin refuses it; a raw import might not) counts as unknown.
    SisterCity.objects.filter(slug="lausanne").update(established_on=datetime.date(2016, 1, 1))

    _heading, items = home_anniversaries(client.get("/en/").content.decode())

    assert "busan" not in {slug for _years, slug in items} and "lausanne" not in {slug for _years, slug in items}
    assert len(items) == 6


def test_home_shows_no_anniversaries_in_a_year_without_any(client, seed_for_reading, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2030, 1, 1))
    SisterCity.objects.filter(established_on__year__in=[2025, 2020, 2015, 2010, 2005, 2000, 1995]).delete()

    assert home_anniversaries(client.get("/en/").content.decode()) is None
