"""Every public page type runs a small, fixed number of queries, whatever the amount of data.

The apps' own tests pin their list pages, the home page, the office pages, plans, search and the map
(tests/relations/test_queries.py, tests/pages/, tests/search/). Here: the page types they leave out are
pinned, and every page type of the registry in every language, the feeds, the sitemap and the open data,
on the office's seed content, keep their exact query counts when synthetic cities, networks, embassies and
activities are added (scripts/performance/synthetic_data.py, the benchmark's data), including more
activities and links on the very city and network whose pages are measured.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from iad_site.core import sections
from relations.models import Activity, CityLink, CityNetwork, SisterCity
from scripts.performance.synthetic_data import generate

pytestmark = pytest.mark.django_db

# Today's figures for the addresses no app test pins. A change is fine if deliberate; growth is not.
BUDGETS = {
    # Each page also reads the contact details of its footer and JSON-LD (pages.ContactDetails).
    "network_detail en": 4,  # the network, its published activities, the news tagged with it, the contact details
    "static_page en": 2,  # the page, the contact details
    "relations:feed th": 1,  # the latest activities with their cities and networks
    # One query per kind of object listed: cities, networks, plans, static pages, ITA years, news, documents;
    # whether anyone is published for the executives page.
    "sitemap": 8,
}


def measured_paths():
    """Name -> (path, expected status): every page type in every language, read from the seed content,
    the second page of the embassies, every feed, the sitemap and every open-data file."""
    paths = {f"{name} {language}": (path, status) for name, language, path, status, _ in sections.public_pages()}
    for language in sections.languages():
        with translation.override(language):
            paths[f"embassy_list page 2 {language}"] = (reverse("relations:embassy_list") + "?page=2", 200)
            paths |= {f"{feed.url_name} {language}": (reverse(feed.url_name), 200) for feed in sections.feeds()}
    paths["sitemap"] = ("/sitemap.xml", 200)
    for name in sections.open_data():
        paths[f"open data {name}.csv"] = (f"/data/{name}.csv", 200)
        paths[f"open data {name}.json"] = (f"/data/{name}.json", 200)
    return paths


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries), response.status_code


def add_synthetic_data(scale, replace=False):
    """The benchmark's kind of data, `scale` times a small base."""
    generate(cities=40 * scale, networks=10 * scale, embassies=30 * scale, activities=200 * scale, replace=replace)


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


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_page_runs_its_fixed_number_of_queries(client, seed_for_reading, name, django_assert_num_queries):
    path, _status = measured_paths()[name]

    with django_assert_num_queries(BUDGETS[name]):
        response = client.get(path)

    assert response.status_code == 200


def test_no_page_runs_more_queries_with_more_data(client, seed_for_reading):
    add_synthetic_data(scale=1)  # enough for every list to have a second page
    paths = measured_paths()
    city = SisterCity.objects.get(slug=paths["city_detail th"][0].split("/")[-2])
    network = CityNetwork.objects.get(slug=paths["network_detail th"][0].split("/")[-2])
    add_rows_to(city, network, 8)
    before = {name: count_queries(client, path) for name, (path, _status) in paths.items()}

    add_synthetic_data(scale=5, replace=True)
    add_rows_to(city, network, 80)
    after = {name: count_queries(client, path) for name, (path, _status) in paths.items()}

    assert SisterCity.objects.count() >= 200 and Activity.objects.count() >= 1000
    assert after == before


def test_every_measured_page_answers_with_its_status(client, seed_for_reading):
    add_synthetic_data(scale=1)
    paths = measured_paths()

    statuses = {name: count_queries(client, path)[1] for name, (path, _status) in paths.items()}

    assert len(paths) > 2 * len(sections.page_types())
    assert statuses == {name: status for name, (_path, status) in paths.items()}
