"""Email for real: the queue sends through Django's SMTP backend to a real SMTP server on loopback (aiosmtpd),
and what arrived is read back. Thai subjects and names are RFC 2047 encoded and decode intact; Thai text is
intact in the plain and the HTML part; an outage of the mail server delays mail and loses none."""

import pytest
from django.utils import timezone
from post_office.mail import send_queued
from post_office.models import STATUS, Email

from tests.inbox.conftest import body, parsed

from .conftest import answer_in_admin

pytestmark = pytest.mark.django_db

QUESTION = "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นกี่เมือง"
ANSWER = "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นสามแห่ง ได้แก่ ฟุกุโอกะ ไอจิ และ โอซาก้า"


def send_queue():
    """One run of the queue, as `manage.py send_queued_mail` does it (that command then closes the database
    connection, which would end the test's transaction on PostgreSQL)."""
    send_queued()


def test_submitting_sends_nothing_until_the_queue_runs(ask, smtp_server):
    ask("th")

    assert Email.objects.filter(status=STATUS.queued).count() == 1
    assert smtp_server.messages == []


def test_the_asker_receives_the_confirmation_with_thai_name_and_text_intact(ask, smtp_server):
    _response, question = ask("th")

    send_queue()

    [(recipients, raw)] = smtp_server.messages
    message = parsed(raw)
    assert recipients == ["somchai@example.org"]
    headers = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].decode("ascii")  # headers are plain ASCII
    assert "=?utf-8?" in headers.lower()
    assert message["To"].addresses[0].display_name == "สมชาย ใจดี"
    assert QUESTION in body(message, "plain")
    assert QUESTION in body(message, "html")
    assert question.get_status_url() in body(message, "plain")


def test_the_office_is_told_of_a_new_question_with_its_thai_topic_in_the_subject(ask, smtp_server, settings):
    settings.OFFICE_NOTIFICATION_EMAIL = "iad@example.go.th"
    ask("th")

    send_queue()

    [notice] = [parsed(raw) for recipients, raw in smtp_server.messages if recipients == ["iad@example.go.th"]]
    assert "เมืองพี่เมืองน้อง" in notice["Subject"]
    # Django folds an encoded subject onto a second line; unfolding leaves a space in front, as RFC 5322 allows.
    assert notice["Subject"].strip() == Email.objects.get(to="iad@example.go.th").subject
    assert "สมชาย" not in notice.as_string()  # no personal data in the office's mailbox, only the reference


def test_the_asker_receives_the_staff_answer_in_thai(
    question, editor_client, smtp_server, django_capture_on_commit_callbacks
):
    send_queue()
    smtp_server.messages.clear()

    with django_capture_on_commit_callbacks(execute=True):  # the answer is queued once the save commits
        response = answer_in_admin(editor_client, question, ANSWER)
    send_queue()

    assert response.status_code == 302
    [(recipients, raw)] = smtp_server.messages
    message = parsed(raw)
    assert recipients == ["somchai@example.org"]
    assert ANSWER in body(message, "plain")
    assert ANSWER in body(message, "html")


def test_an_smtp_outage_delays_mail_and_loses_none(ask, smtp_server):
    smtp_server.stop()
    ask("th")

    send_queue()  # the server is down: the attempt fails and the message waits for its retry
    waiting = Email.objects.get()
    assert (waiting.status, waiting.number_of_retries) == (STATUS.requeued, 1)
    assert waiting.scheduled_time > timezone.now()
    assert smtp_server.messages == []

    smtp_server.start()
    Email.objects.update(scheduled_time=timezone.now())  # the retry interval (15 minutes) has passed
    send_queue()

    assert Email.objects.get().status == STATUS.sent
    [(_recipients, raw)] = smtp_server.messages
    assert QUESTION in body(parsed(raw), "plain")
