"""The figures page (ITA O14): counted from the requests, per fiscal year, by kind and by country; no personal
data; the same number of queries however many requests there are; the numbers also as CSV."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from relations.models import Country
from visits.models import VisitRequest, VisitStatus

from .conftest import stored_request

pytestmark = pytest.mark.django_db


def make_requests(kind, count, country=None, status=VisitStatus.RECEIVED, received=datetime.datetime(2026, 1, 15)):
    """Requests as the form stores them, in one fiscal year (2569 for the default date)."""
    when = timezone.make_aware(received)
    for _number in range(count):
        stored_request(
            kind,
            when,
            VisitRequest.objects.count() + 1,
            country=country,
            status=status,
            answered_at=when + datetime.timedelta(days=4) if status == VisitStatus.COMPLETED else None,
        )


@pytest.fixture
def japan(db):
    return Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")


def test_the_page_counts_requests_by_kind_and_country_from_the_data(client, kind, japan):
    make_requests(kind, 3, japan, VisitStatus.COMPLETED)
    make_requests(kind, 1)

    page = client.get("/en/visits/figures/").content.decode()

    assert '<th scope="row">Japan</th><td>3</td>' in page
    assert '<th scope="row">Not given</th><td>1</td>' in page
    assert "<td>75%</td>" in page  # 3 of 4 completed
    assert "<td>4.0</td>" in page  # median days to a reply
    assert "<svg" in page and "2026" in page


def test_the_page_shows_nothing_personal(client, kind, japan):
    make_requests(kind, 2, japan)

    page = client.get("/th/visits/figures/").content.decode()

    assert "Somchai" not in page and "somchai" not in page


def test_spam_is_not_counted(client, kind):
    make_requests(kind, 2, status=VisitStatus.SPAM)

    page = client.get("/en/visits/figures/").content.decode()

    assert "No visit requests have been received" in page


def test_the_query_count_does_not_grow_with_the_requests(client, kind, japan):
    make_requests(kind, 2, japan)
    with CaptureQueriesContext(connection) as few:
        client.get("/en/visits/figures/")
    make_requests(kind, 40, japan)
    make_requests(kind, 40, None, received=datetime.datetime(2025, 1, 15))
    with CaptureQueriesContext(connection) as many:
        client.get("/en/visits/figures/")

    figures_queries = [
        q["sql"] for q in many.captured_queries if "visits_" in q["sql"] or "relations_country" in q["sql"]
    ]
    assert len(few) == len(many)
    assert len(figures_queries) == 4  # the inbox's figures, one pass over the requests, the kinds, the countries


def test_the_csv_holds_the_same_numbers(client, kind, japan):
    make_requests(kind, 3, japan, VisitStatus.COMPLETED)

    rows = client.get("/en/visits/figures.csv").content.decode().splitlines()

    assert rows[0] == (
        "fiscal_year,breakdown,label,received,answered,completed,median_days,survey_answers,average_satisfaction"
    )
    assert "2026,all,,3,3,3,4.0,0," in rows
    assert "2026,country,Japan,3,,,,," in rows
