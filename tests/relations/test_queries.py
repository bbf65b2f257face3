"""Each list page runs the same number of queries with 30 rows as with 300 (no query per row)."""

import pytest

from relations.models import SisterCity

from .conftest import make_activity, make_city, make_countries, make_embassies, make_network, queries_for

pytestmark = pytest.mark.django_db

# Today's figures; a change is fine if deliberate, but it must not grow with the number of rows. Every page adds
# one for the contact details of its footer and JSON-LD (pages.ContactDetails): FOOTER.
FOOTER = 1
# Countries for the filter (and their number), cities counted, paginator's count, one page, the timeline.
CITY_LIST_QUERIES = 5 + FOOTER
# Sorted by Thai name: the same queries as any other order; filtered by country, so without the timeline.
CITY_LIST_BY_THAI_NAME_QUERIES = CITY_LIST_QUERIES - 1
NETWORK_LIST_QUERIES = 2 + FOOTER  # count for the paginator, one page of networks
EMBASSY_LIST_QUERIES = 3 + FOOTER  # count for the paginator, one page of embassies with their countries, their news
CITY_PAGE_QUERIES = 5 + FOOTER  # the city with its country, links, agreements, activities, the news tagged with it


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/en/sister-cities/?sort=year", CITY_LIST_QUERIES),
        ("/th/sister-cities/?sort=name&country=AB", CITY_LIST_BY_THAI_NAME_QUERIES),
    ],
)
def test_city_directory_queries_do_not_grow_with_the_number_of_cities(client, django_assert_num_queries, url, queries):
    countries = make_countries(20)
    for number in range(30):
        make_city(countries[number % 20], number)
    with django_assert_num_queries(queries):
        client.get(url)
    for number in range(30, 300):
        make_city(countries[number % 20], number)

    assert queries_for(client, url) == queries


def test_network_list_queries_do_not_grow_with_the_number_of_networks(client, django_assert_num_queries):
    for number in range(30):
        make_network(number)
    with django_assert_num_queries(NETWORK_LIST_QUERIES):
        client.get("/th/networks/")
    for number in range(30, 300):
        make_network(number)

    assert queries_for(client, "/th/networks/") == NETWORK_LIST_QUERIES


def test_embassy_list_queries_do_not_grow_with_the_number_of_embassies(client, django_assert_num_queries):
    countries = make_countries(300)
    make_embassies(countries[:30])
    with django_assert_num_queries(EMBASSY_LIST_QUERIES):
        client.get("/en/embassies/")
    make_embassies(countries[30:])

    assert queries_for(client, "/en/embassies/") == EMBASSY_LIST_QUERIES


def test_city_page_queries_do_not_grow_with_the_number_of_activities(client, django_assert_num_queries):
    city = make_city(make_countries(1)[0], 1)
    for day in range(30):
        make_activity(day, city=city)
    with django_assert_num_queries(CITY_PAGE_QUERIES):
        client.get(city.get_absolute_url())
    for day in range(30, 300):
        make_activity(day, city=city)

    assert queries_for(client, SisterCity.objects.get().get_absolute_url()) == CITY_PAGE_QUERIES


def test_embassy_list_is_paginated(client):
    make_embassies(make_countries(60))

    html = client.get("/en/embassies/?page=3").content.decode()

    assert "Page 3 of 3" in html
    assert html.count('class="card"') == 10
