"""Retention (iad_site.inbox.retention): a visit request's personal data goes once it has been completed,
declined or withdrawn for longer than the retention period; the anonymous figures keep counting it."""

import datetime
import os

import pytest
from django.utils import timezone

from iad_site.inbox.retention import purge
from visits.models import VisitRequest, VisitStatus

pytestmark = pytest.mark.django_db


def age(visit, status, days):
    VisitRequest.objects.filter(pk=visit.pk).update(
        status=status, status_changed_at=timezone.now() - datetime.timedelta(days=days)
    )


@pytest.mark.parametrize("status", [VisitStatus.COMPLETED, VisitStatus.DECLINED, VisitStatus.WITHDRAWN])
def test_a_finished_visit_older_than_the_period_loses_its_personal_data(visit, settings, status):
    settings.INBOX_RETENTION_DAYS = 365
    age(visit, status, 400)

    purge()

    visit.refresh_from_db()
    assert visit.personal_data_removed_at is not None
    assert (visit.name, visit.email, visit.phone, visit.head_of_delegation, visit.purpose) == ("", "", "", "", "")
    assert visit.kind_id is not None  # still counted by kind in the figures


def test_the_official_letter_file_is_deleted_with_the_personal_data(send, settings):
    from .test_letter import letter

    settings.INBOX_RETENTION_DAYS = 365
    _response, visit = send("en", official_letter=letter())
    stored = visit.official_letter.path
    age(visit, VisitStatus.COMPLETED, 400)

    purge()

    visit.refresh_from_db()
    assert not visit.official_letter
    assert not os.path.exists(stored)


def test_a_scheduled_visit_keeps_its_data_however_old(visit, settings):
    settings.INBOX_RETENTION_DAYS = 365
    age(visit, VisitStatus.SCHEDULED, 400)

    purge()

    visit.refresh_from_db()
    assert visit.personal_data_removed_at is None


def test_the_survey_comment_goes_with_the_personal_data_and_the_rating_stays(visit, settings, client):
    settings.INBOX_RETENTION_DAYS = 365
    age(visit, VisitStatus.COMPLETED, 400)
    visit.refresh_from_db()
    visit.answer_survey(5, "Khun Somchai was very helpful")

    purge()

    visit.refresh_from_db()
    assert (visit.satisfaction, visit.satisfaction_comment) == (5, "")
    assert "<td>5.0</td>" in client.get("/en/visits/figures/").content.decode()


def test_a_purged_request_can_no_longer_answer_the_survey(visit, settings, client):
    settings.INBOX_RETENTION_DAYS = 365
    age(visit, VisitStatus.COMPLETED, 400)
    purge()

    response = client.post(f"/en/visits/status/{visit.status_token}/survey/", {"satisfaction": "1"})

    visit.refresh_from_db()
    assert response.status_code == 404
    assert visit.survey_answered_at is None
