"""The partnership timeline at scale, on an empty database: nothing while no date is known; past
MAX_CITY_MARKS cities one mark per year and kind with its number of cities; one query in both cases."""

import datetime

import pytest

from relations import timeline

from .conftest import make_city, make_countries, queries_for
from .test_timeline import MARK, chart, section, table_rows

pytestmark = pytest.mark.django_db


def test_no_timeline_while_no_city_has_a_known_date(client, db):
    make_city(make_countries(1)[0], 1)

    html = client.get("/en/sister-cities/").content.decode()

    assert "City 1" in html and 'class="timeline"' not in html


def add_cities(count, years=(1990, 2000, 2010)):
    countries = make_countries(3)
    for number in range(count):
        make_city(
            countries[number % 3],
            number,
            relationship=["sister_city", "friendship", "mou"][number % 3],
            established_on=datetime.date(years[number // 3 % len(years)], 1, 1) if number % 10 else None,
            established_precision="year" if number % 10 else "unknown",
        )


def test_past_the_limit_each_year_gets_a_mark_per_kind_with_its_number_of_cities(client, db):
    add_cities(timeline.MAX_CITY_MARKS + 20)  # 120 cities, 12 of unknown date

    html = client.get("/en/sister-cities/").content.decode()

    marks = MARK.findall(chart(html))
    assert len(marks) == 9  # three years, three kinds
    assert ("/en/sister-cities/?relationship=friendship&amp;sort=year", "1990: 12 cities, Friendship agreement") in {
        (url, label) for url, label, _shape in marks
    }
    rows = table_rows(html)
    assert len(rows) == 9 and sum(int(count) for _year, _kind, count, _url in rows) == 108
    assert "12 cities whose date is not known are not on the chart." in section(html)


@pytest.mark.parametrize("count", [30, timeline.MAX_CITY_MARKS + 30])
def test_the_timeline_costs_one_query_whatever_the_number_of_cities(client, db, count):
    add_cities(count)
    with_timeline = queries_for(client, "/en/sister-cities/")

    without_timeline = queries_for(client, "/en/sister-cities/?relationship=mou")

    assert with_timeline == without_timeline + 1
