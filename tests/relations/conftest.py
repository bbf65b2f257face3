"""Small factories for the relations tests' bulk rows, and a query counter."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.models import Activity, CityNetwork, Country, Embassy, SisterCity


def country_codes():
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return (a + b for a in letters for b in letters)


def make_countries(count):
    return Country.objects.bulk_create(
        Country(iso_code=code, name_th=f"ประเทศ {code}", name_en=f"Country {code}")
        for code, _ in zip(country_codes(), range(count), strict=False)
    )


def make_city(country, number, **fields):
    fields = {
        "slug": f"city-{number}",
        "name_th": f"เมือง {number}",
        "name_en": f"City {number}",
        "country": country,
        "sort_order": number,
        **fields,
    }
    return SisterCity.objects.create(**fields)


def make_network(number, **fields):
    return CityNetwork.objects.create(
        **{"slug": f"network-{number}", "name_th": f"เครือข่าย {number}", "sort_order": number, **fields}
    )


def make_activity(day, **fields):
    return Activity.objects.create(
        **{
            "title_th": f"กิจกรรม {day}",
            "happened_on": datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
            **fields,
        }
    )


def make_embassies(countries):
    return Embassy.objects.bulk_create(
        Embassy(country=country, name_th=f"สถานเอกอัครราชทูต {country.iso_code}", phone="+66 2 000 0000")
        for country in countries
    )


def main_text(response):
    """The page's <main> with runs of white space folded, for checks on what a visitor reads."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", html.split('<main id="main"', 1)[1])


def queries_for(client, url):
    """How many database queries one request for this page runs."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)
