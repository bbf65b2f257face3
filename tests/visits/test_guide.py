"""The how-to page and the seeded kinds: the office's text appears only once staff publish it; the seed ships
the kinds of visit the issue lists and an unpublished page of headings."""

import pytest
from django.core.management import call_command

from visits.models import VisitGuide, VisitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("loaddata", "visit_kinds.json", verbosity=0)


def test_the_seed_offers_the_five_kinds_of_visit_in_order(seeded):
    names = list(VisitKind.objects.offered().values_list("name_en", flat=True))

    assert names == [
        "Courtesy call on the Governor or executives",
        "Meeting with the office",
        "Study visit to BMA agencies",
        "Partner-city delegation",
        "Other",
    ]


def test_the_seeded_guide_is_not_shown_to_the_public(seeded, client):
    page = client.get("/en/visits/how-to-request/").content.decode()

    assert "Who may request a visit" not in page
    assert "has not published its guidance" in page


def test_the_published_guide_is_shown(seeded, client):
    VisitGuide.objects.update(is_published=True)

    page = client.get("/en/visits/how-to-request/").content.decode()

    assert "<h2>Who may request a visit</h2>" in page
