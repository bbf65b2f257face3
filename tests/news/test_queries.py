"""Every page that lists news runs the same number of queries with 3 times the rows (no query per row)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.models import Embassy
from tests.relations.conftest import make_countries, make_embassies

from .conftest import add_photo, make_article

pytestmark = pytest.mark.django_db

# Every page also reads the office's contact details for its footer.
LIST_QUERIES = 4  # the fiscal years with news, the paginator's count, one page of articles
ARTICLE_QUERIES = 6  # the article, its gallery, its published cities (with countries), networks, embassies
FEED_QUERIES = 1  # the latest articles


def queries(client, path):
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context)


def add_articles(count, start=0, **tags):
    articles = []
    for number in range(start, start + count):
        article = make_article(number, datetime.date(2020, 1, 1) + datetime.timedelta(days=40 * number))
        for field, partners in tags.items():
            getattr(article, field).add(*partners)
        articles.append(article)
    return articles


@pytest.mark.parametrize("path", ["/th/news/", "/en/news/?year=2563", "/en/news/?page=2"])
def test_the_news_list_runs_the_same_queries_with_more_articles(client, path, django_assert_num_queries):
    add_articles(15)
    with django_assert_num_queries(LIST_QUERIES):
        client.get(path)
    add_articles(30, start=15)

    with django_assert_num_queries(LIST_QUERIES):
        client.get(path)


def test_an_articles_page_runs_the_same_queries_with_more_photos_and_partners(
    client, fukuoka, c40, embassy, django_assert_num_queries
):
    (article,) = add_articles(1, cities=[fukuoka], networks=[c40], embassies=[embassy])
    for number in range(3):
        add_photo(article, number)
    with django_assert_num_queries(ARTICLE_QUERIES):
        client.get(article.get_absolute_url())
    for number in range(3, 9):
        add_photo(article, number)
    article.embassies.add(*make_embassies(make_countries(6)[1:]))

    with django_assert_num_queries(ARTICLE_QUERIES):
        client.get(article.get_absolute_url())


def test_the_feed_runs_the_same_queries_with_more_articles(client, django_assert_num_queries):
    add_articles(5)
    with django_assert_num_queries(FEED_QUERIES):
        client.get("/en/news/feed/")
    add_articles(10, start=5)

    with django_assert_num_queries(FEED_QUERIES):
        client.get("/en/news/feed/")


@pytest.mark.parametrize("partner", ["fukuoka", "c40"])
def test_a_partners_page_runs_the_same_queries_with_more_news(client, fukuoka, c40, partner):
    tags = {"cities": [fukuoka]} if partner == "fukuoka" else {"networks": [c40]}
    path = (fukuoka if partner == "fukuoka" else c40).get_absolute_url()
    add_articles(5, **tags)
    before = queries(client, path)
    add_articles(10, start=5, **tags)

    assert queries(client, path) == before


def test_the_embassy_directory_runs_the_same_queries_with_more_embassies_and_news(client, db):
    countries = make_countries(15)
    add_articles(2, embassies=make_embassies(countries[:5]))
    before = queries(client, "/en/embassies/")
    make_embassies(countries[5:])
    add_articles(6, start=2, embassies=Embassy.objects.all())

    assert Embassy.objects.count() == 15
    assert queries(client, "/en/embassies/") == before


def test_the_home_page_runs_the_same_queries_with_more_news(client, db):
    add_articles(3)
    before = queries(client, "/en/")
    add_articles(9, start=3)

    assert queries(client, "/en/") == before
