"""The private iCalendar feed: read back with a real parser (the icalendar library), it holds the scheduled
visits of that staff member alone; a forged token or one from before a password change finds nothing."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from visits.calendar import feed_url
from visits.models import VisitStatus

pytestmark = pytest.mark.django_db


def schedule(visit, host, organisation):
    visit.scheduled_at = timezone.make_aware(datetime.datetime.combine(visit.first_choice_start, datetime.time(9, 0)))
    visit.assignee, visit.organisation = host, organisation
    visit.set_status(VisitStatus.SCHEDULED)
    visit.save()


@pytest.fixture
def two_visits(send, editor, django_user_model):
    colleague = django_user_model.objects.create_user(
        "somsri", "somsri@example.org", "a-long-password-2", is_staff=True
    )
    _response, mine = send("th")
    _response, theirs = send("th", email="other@example.jp", purpose="อีกคณะหนึ่ง")
    schedule(mine, editor, "Fukuoka City Hall")
    schedule(theirs, colleague, "Seoul Metropolitan Government")
    return mine, theirs


def test_the_feed_parses_and_holds_only_the_staff_members_visits(two_visits, editor, client):
    mine, _theirs = two_visits

    response = client.get(feed_url(editor))

    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert response["Content-Type"].startswith("text/calendar")
    assert [str(event["summary"]) for event in events] == [f"{mine.reference()} {mine.kind.name}: Fukuoka City Hall"]
    assert events[0].decoded("dtstart") == mine.scheduled_at


def test_a_forged_token_finds_nothing(client):
    assert client.get("/th/visits/calendar/not-a-real-token.ics").status_code == 404


def test_a_password_change_ends_the_old_address(two_visits, editor, client):
    old = feed_url(editor)
    editor.set_password("a-new-long-password-3")
    editor.save()

    assert client.get(old).status_code == 404


def test_the_inbox_list_gives_the_staff_member_their_feed_address(editor, editor_client):
    page = editor_client.get("/admin/visits/visitrequest/").content.decode()

    assert feed_url(editor) in page
