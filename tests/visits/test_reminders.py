"""`manage.py send_visit_reminders` (deploy/systemd/iad-reminders.timer): the assigned staff member of a visit
scheduled for tomorrow gets one reminder through the queue; other days' visits get none."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from post_office.mail import send_queued

from tests.inbox.conftest import body, parsed
from visits.models import VisitStatus

pytestmark = pytest.mark.django_db


def schedule(visit, host, days_ahead):
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    visit.scheduled_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14, 0)))
    visit.scheduled_place = "ห้องประชุมสำนักงานการต่างประเทศ"
    visit.assignee = host
    visit.set_status(VisitStatus.SCHEDULED)
    visit.save()


def test_the_host_of_tomorrows_visit_is_reminded_once(visit, editor, smtp_server):
    send_queued()
    smtp_server.messages.clear()
    schedule(visit, editor, 1)

    call_command("send_visit_reminders", stdout=io.StringIO())
    call_command("send_visit_reminders", stdout=io.StringIO())
    send_queued()

    [(recipients, raw)] = smtp_server.messages
    assert recipients == [editor.email]
    assert "ห้องประชุมสำนักงานการต่างประเทศ" in body(parsed(raw), "plain")


def test_a_visit_on_another_day_sends_no_reminder(visit, editor, smtp_server):
    send_queued()
    smtp_server.messages.clear()
    schedule(visit, editor, 2)

    call_command("send_visit_reminders", stdout=io.StringIO())
    send_queued()

    assert smtp_server.messages == []
