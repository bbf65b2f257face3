"""A kind of visit as the office lists it, and a valid request as a visitor's browser sends it."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.utils import timezone

from iad_site.inbox.guards import started_token
from tests.inbox.conftest import smtp_server  # noqa: F401  (the mail tests' SMTP server)
from tests.questions.conftest import editor, editor_client  # noqa: F401  (a member of the Editors group)
from visits.models import VisitKind, VisitRequest


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()


@pytest.fixture
def kind(db):
    return VisitKind.objects.create(name_th="ศึกษาดูงานหน่วยงานของกรุงเทพมหานคร", name_en="Study visit", sort_order=10)


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def stored_request(kind, received_at, number, **fields):
    """A request as the form stores it, received at `received_at` (aware), its reference and made-up personal
    data from `number`."""
    first = in_days(60)
    return VisitRequest.objects.create(
        reference_year=received_at.year,
        reference_number=number,
        language="th",
        name=f"Somchai Person {number}",
        email=f"somchai{number}@example.org",
        kind=kind,
        organisation="Somchai Trading",
        phone="+66 2 000 0000",
        head_of_delegation="Somchai Head",
        head_position="Mayor",
        number_of_people=3,
        first_choice_start=first,
        first_choice_end=first,
        second_choice_start=first,
        second_choice_end=first,
        purpose="x",
        received_at=received_at,
        **fields,
    )


def be(day):
    """A date as a Thai visitor types it: 15/01/2570."""
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def form_data(kind, /, **changes):
    """What a person's browser sends after filling in the form for a few minutes, in Buddhist Era dates."""
    data = {
        "kind": str(kind.pk),
        "organisation": "Fukuoka City Hall",
        "country": "",
        "name": "Tanaka Aiko",
        "email": "aiko@example.jp",
        "phone": "+81 92 000 0000",
        "head_of_delegation": "Sato Ken",
        "head_position": "Deputy Mayor",
        "number_of_people": "8",
        "first_choice_start": be(in_days(60)),
        "first_choice_end": be(in_days(61)),
        "second_choice_start": be(in_days(90)),
        "second_choice_end": "",
        "third_choice_start": "",
        "third_choice_end": "",
        "purpose": "ศึกษาระบบจัดการน้ำท่วมของกรุงเทพมหานคร",
        "topics": "",
        "meeting_language": "en",
        "website": "",
        "started": started_token(time.time() - 300),
    }
    return {**data, **changes}


@pytest.fixture
def send(client, kind):
    """Posts the form in a language and returns (response, the stored request or None)."""

    def post(language="th", **changes):
        response = client.post(f"/{language}/visits/request/", form_data(kind, **changes))
        return response, VisitRequest.objects.order_by("-pk").first()

    return post


@pytest.fixture
def visit(send):
    _response, stored = send("th")
    return stored
