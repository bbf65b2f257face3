"""Every public page type runs a small, fixed number of queries, whatever the amount of data.

The apps' own tests pin their list pages, the home page, the office pages, plans, search and the map
(tests/relations/test_queries.py, tests/pages/, tests/explore/). Here: the page types they leave out are
pinned, and every page type, on the office's seed content, keeps its exact query count when synthetic
cities, networks, embassies and activities are added (`generate_synthetic_data`, the benchmark's data),
including more activities and links on the very city and network whose pages are measured.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import Plan, StaticPage
from relations.models import Activity, CityLink, CityNetwork, SisterCity

pytestmark = pytest.mark.django_db

# Today's figures for the page types no app test pins. A change is fine if deliberate; growth is not.
BUDGETS = {
    "network": 2,  # the network, its published activities
    "static page": 1,  # the page
    "feed": 1,  # the latest activities with their cities and networks
    "sitemap": 4,  # one query per kind of object listed: cities, networks, plans, static pages
}


def page_paths():
    """(page type, path) for every public page type, with real objects from the seed content."""
    city = SisterCity.objects.published().for_directory().first()
    network = CityNetwork.objects.published().for_directory().first()
    plan = Plan.objects.published().first()
    static_page = StaticPage.objects.published().first()
    return {
        "home": "/th/",
        "home (English)": "/en/",
        "sister cities": "/th/sister-cities/",
        "sister cities, filtered": f"/en/sister-cities/?country={city.country.iso_code}&sort=name",
        "sister city": f"/th/sister-cities/{city.slug}/",
        "map": "/th/sister-cities/map/",
        "networks": "/th/networks/",
        "network": f"/en/networks/{network.slug}/",
        "embassies": "/th/embassies/",
        "embassies, page 2": "/th/embassies/?page=2",
        "plans": "/th/plans/",
        "plan": f"/th/plans/{plan.slug}/",
        "office": "/th/office/",
        "history": "/th/office/history/",
        "structure": "/th/office/structure/",
        "static page": f"/en/page/{static_page.slug}/",
        "search": "/th/search/?q=%E0%B9%80%E0%B8%A1%E0%B8%B7%E0%B8%AD%E0%B8%87",
        "feed": "/th/feed/",
        "sitemap": "/sitemap.xml",
        "open data, cities": "/data/sister-cities.csv",
        "open data, networks": "/data/city-networks.json",
        "open data, embassies": "/data/embassies.csv",
    }


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code in (200, 404), (path, response.status_code)
    return len(queries), response.status_code


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def add_synthetic_data(scale, replace=False):
    """The benchmark's kind of data (`generate_synthetic_data`), `scale` times a small base."""
    call_command(
        "generate_synthetic_data",
        cities=40 * scale,
        networks=10 * scale,
        embassies=30 * scale,
        activities=200 * scale,
        replace=replace,
        verbosity=0,
    )


def add_rows_to(city, network, count):
    """More activities and links on the very city and network whose pages are measured."""
    day = datetime.date(2020, 1, 1)
    Activity.objects.bulk_create(
        [
            Activity(
                title_th=f"กิจกรรม {n}",
                happened_on=day,
                city=city if n % 2 else None,
                network=None if n % 2 else network,
            )
            for n in range(count)
        ]
    )
    CityLink.objects.bulk_create(
        [CityLink(city=city, title_th=f"ลิงก์ {n}", url=f"https://example.org/{n}") for n in range(count // 4)]
    )


@pytest.mark.parametrize("page", sorted(BUDGETS))
def test_page_type_runs_its_fixed_number_of_queries(client, seeded, page, django_assert_num_queries):
    path = page_paths()[page]

    with django_assert_num_queries(BUDGETS[page]):
        response = client.get(path)

    assert response.status_code == 200


def test_no_page_type_runs_more_queries_with_more_data(client, seeded):
    add_synthetic_data(scale=1)  # enough for every list to have a second page
    city = SisterCity.objects.published().for_directory().first()
    network = CityNetwork.objects.published().for_directory().first()
    add_rows_to(city, network, 8)
    paths = page_paths()
    before = {page: count_queries(client, path) for page, path in paths.items()}

    add_synthetic_data(scale=5, replace=True)
    add_rows_to(city, network, 80)
    after = {page: count_queries(client, path) for page, path in paths.items()}

    assert SisterCity.objects.count() >= 200 and Activity.objects.count() >= 1000
    assert after == before


def test_every_page_type_is_measured(client, seeded):
    add_synthetic_data(scale=1)
    statuses = {page: count_queries(client, path)[1] for page, path in page_paths().items()}

    assert statuses == dict.fromkeys(statuses, 200)
