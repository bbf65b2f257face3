"""Staff move a request through its steps in the admin; each step emails the requester in their language through
the queue (a real local SMTP server) and shows on the status page; the requester withdraws from it."""

import datetime

import pytest
from django.utils import timezone
from post_office.mail import send_queued

from tests.core.conftest import admin_form_data
from tests.inbox.conftest import body, parsed
from visits.models import VisitStatus

pytestmark = pytest.mark.django_db


def send_queue():
    """One run of the queue, as `manage.py send_queued_mail` does it, without the command's closing of the database
    connection (which would end the test's transaction on PostgreSQL)."""
    send_queued()


def change_in_admin(staff_client, visit, **changes):
    url = f"/admin/visits/visitrequest/{visit.pk}/change/"
    return staff_client.post(url, admin_form_data(staff_client.get(url), **changes))


@pytest.fixture
def requester_mail(visit, smtp_server):
    """The requester's mailbox, emptied of the confirmation of receipt."""
    send_queue()
    smtp_server.messages.clear()
    return smtp_server.messages


def test_scheduling_emails_the_requester_in_thai_and_shows_on_the_status_page(
    visit, editor_client, requester_mail, client, django_capture_on_commit_callbacks
):
    when = timezone.make_aware(datetime.datetime.combine(visit.first_choice_start, datetime.time(10, 30)))
    with django_capture_on_commit_callbacks(execute=True):
        response = change_in_admin(
            editor_client,
            visit,
            status=VisitStatus.SCHEDULED,
            scheduled_at_0=timezone.localtime(when).strftime("%d/%m/%Y"),
            scheduled_at_1="10:30",
            scheduled_place="ศาลาว่าการกรุงเทพมหานคร",
        )
    send_queue()

    assert response.status_code == 302
    [(recipients, raw)] = requester_mail
    assert recipients == ["aiko@example.jp"]
    assert "ศาลาว่าการกรุงเทพมหานคร" in body(parsed(raw), "plain")
    status_page = client.get(visit.get_status_url()).content.decode()
    assert "ศาลาว่าการกรุงเทพมหานคร" in status_page
    assert "10:30" in status_page


def test_declining_needs_a_reason_and_sends_it_to_the_requester(
    visit, editor_client, requester_mail, django_capture_on_commit_callbacks
):
    refused = change_in_admin(editor_client, visit, status=VisitStatus.DECLINED, decline_reason="")
    with django_capture_on_commit_callbacks(execute=True):
        change_in_admin(editor_client, visit, status=VisitStatus.DECLINED, decline_reason="ผู้บริหารติดภารกิจ")
    send_queue()

    assert refused.status_code == 200  # the form again, with the message, nothing saved or sent
    [(_recipients, raw)] = requester_mail
    assert "ผู้บริหารติดภารกิจ" in body(parsed(raw), "plain")


@pytest.mark.parametrize("status", [VisitStatus.UNDER_REVIEW, VisitStatus.COMPLETED])
def test_every_other_step_emails_the_requester(
    visit, editor_client, requester_mail, django_capture_on_commit_callbacks, status
):
    with django_capture_on_commit_callbacks(execute=True):
        change_in_admin(editor_client, visit, status=status)
    send_queue()

    [(recipients, raw)] = requester_mail
    assert recipients == ["aiko@example.jp"]
    assert visit.reference() in parsed(raw)["Subject"]


def test_the_requester_withdraws_from_the_status_page(visit, client, requester_mail):
    page = client.get(visit.get_status_url()).content.decode()
    withdraw_url = f"/th/visits/status/{visit.status_token}/withdraw/"

    response = client.post(withdraw_url)
    send_queue()

    visit.refresh_from_db()
    assert withdraw_url in page
    assert response.status_code == 303
    assert visit.status == VisitStatus.WITHDRAWN
    assert len(requester_mail) == 1


def test_a_declined_request_cannot_be_withdrawn(visit, client):
    visit.set_status(VisitStatus.DECLINED)
    visit.save()

    client.post(f"/th/visits/status/{visit.status_token}/withdraw/")

    visit.refresh_from_db()
    assert visit.status == VisitStatus.DECLINED


def test_the_completion_email_links_the_survey(
    visit, editor_client, requester_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change_in_admin(editor_client, visit, status=VisitStatus.COMPLETED)
    send_queue()

    [(_recipients, raw)] = requester_mail
    assert f"/th/visits/status/{visit.status_token}/survey/" in body(parsed(raw), "plain")
