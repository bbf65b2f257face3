"""The service figures page (ITA "service statistics"): per Thai fiscal year, questions received and answered and
the median days to an answer, computed from the questions; spam left out; a plain empty state."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from iad_site.inbox.figures import service_figures
from iad_site.inbox.models import RequestStatus
from questions.models import Question

pytestmark = pytest.mark.django_db


VISITORS = itertools.count()


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def received(ask, on, answered_after_days=None, status=None):
    _r, question = ask("th", email=f"visitor{next(VISITORS)}@example.org")
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    changes = {"received_at": moment}
    if answered_after_days is not None:
        changes |= {"answered_at": moment + datetime.timedelta(days=answered_after_days), "status": "answered"}
    if status:
        changes["status"] = status
    Question.objects.filter(pk=question.pk).update(**changes)


def test_figures_count_each_fiscal_year_with_the_median_days_to_an_answer(ask):
    received(ask, datetime.date(2025, 9, 30), answered_after_days=2)  # fiscal year 2568
    received(ask, datetime.date(2025, 10, 1), answered_after_days=1)  # 2569 from here
    received(ask, datetime.date(2026, 3, 1), answered_after_days=3)
    received(ask, datetime.date(2026, 9, 30), answered_after_days=10)
    received(ask, datetime.date(2026, 9, 30))
    received(ask, datetime.date(2026, 5, 5), status=RequestStatus.SPAM)

    figures = [(f.fiscal_year, f.received, f.answered, f.median_days) for f in service_figures(Question.objects.all())]

    assert figures == [(2569, 4, 3, 3.0), (2568, 1, 1, 2.0)]


def test_the_figures_page_shows_the_fiscal_year_in_each_era(ask, client):
    received(ask, datetime.date(2025, 11, 1), answered_after_days=4)

    thai = client.get("/th/questions/figures/").content.decode()
    english = client.get("/en/questions/figures/").content.decode()

    assert '<th scope="row">2569' in thai and "<td>4.0</td>" in thai
    assert '<th scope="row">2026' in english


def test_the_figures_page_has_a_plain_empty_state(client, db):
    assert (
        "No questions have been received through this website yet."
        in client.get("/en/questions/figures/").content.decode()
    )


def test_the_figures_page_runs_as_many_queries_for_many_years_as_for_one(client, ask):
    received(ask, datetime.date(2025, 11, 1), answered_after_days=4)
    one = count_queries(client, "/en/questions/figures/")
    for year in range(2015, 2024):
        received(ask, datetime.date(year, 11, 1), answered_after_days=4)

    assert count_queries(client, "/en/questions/figures/") == one
