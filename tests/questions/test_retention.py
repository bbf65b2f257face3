"""Retention (`manage.py purge_personal_data`): the personal data of questions finished longer ago than the
retention period goes, with their history revisions and old sent mail; the anonymous counts stay."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from post_office.models import STATUS, Email
from reversion.models import Version

from iad_site.inbox.figures import service_figures
from iad_site.inbox.models import RequestStatus
from questions.models import Question

from .conftest import answer_in_admin

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=400)


def finished_long_ago(question, status=RequestStatus.CLOSED):
    Question.objects.filter(pk=question.pk).update(
        status=status, status_changed_at=LONG_AGO, received_at=LONG_AGO, answered_at=LONG_AGO
    )


def purge():
    call_command("purge_personal_data", verbosity=0)


def test_personal_data_of_a_question_closed_long_ago_is_deleted(question):
    finished_long_ago(question)

    purge()

    question.refresh_from_db()
    assert [getattr(question, name) for name in Question.personal_fields] == [""] * len(Question.personal_fields)
    assert question.personal_data_removed_at is not None


def test_the_counts_stay_after_the_personal_data_goes(question):
    finished_long_ago(question)
    before = service_figures(Question.objects.all())

    purge()

    assert service_figures(Question.objects.all()) == before
    assert before[0].received == before[0].answered == 1


def test_open_and_recently_finished_questions_keep_their_data(ask):
    _r, still_open = ask("th")
    Question.objects.filter(pk=still_open.pk).update(received_at=LONG_AGO, status_changed_at=LONG_AGO)
    _r, recent = ask("th")
    recent.set_status(RequestStatus.CLOSED)
    recent.save()

    purge()

    assert set(Question.objects.values_list("name", flat=True)) == {"สมชาย ใจดี"}
    assert Question.objects.filter(personal_data_removed_at__isnull=True).count() == 2


def test_the_retention_period_is_a_setting(question, settings):
    settings.INBOX_RETENTION_DAYS = 30
    Question.objects.filter(pk=question.pk).update(
        status=RequestStatus.CLOSED, status_changed_at=timezone.now() - datetime.timedelta(days=31)
    )

    purge()

    question.refresh_from_db()
    assert question.email == ""


def test_the_history_revisions_of_a_purged_question_go_too(question, editor_client):
    answer_in_admin(editor_client, question, "คำตอบ")
    assert Version.objects.get_for_object(question).exists()
    finished_long_ago(question, RequestStatus.ANSWERED)

    purge()

    assert not Version.objects.get_for_object(question).exists()


def test_sent_mail_older_than_the_period_goes_and_queued_mail_stays(ask):
    ask("th")
    Email.objects.update(created=LONG_AGO, status=STATUS.sent)
    ask("th", email="another@example.org")

    purge()

    assert list(Email.objects.values_list("status", flat=True)) == [STATUS.queued]


def test_the_status_page_of_a_purged_question_says_it_was_deleted(question):
    finished_long_ago(question)

    purge()
    page = Client().get(f"/en/questions/status/{question.status_token}/").content.decode()

    assert "were deleted on" in page
    assert "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นกี่เมือง" not in page
