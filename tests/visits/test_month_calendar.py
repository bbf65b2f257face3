"""The staff's month calendar of visits in the admin: one month at a time with the previous and next ones linked,
each visit with a date on its day linking to its change page, Thai month names and Buddhist Era years in the Thai
admin; only for those who may see the visit requests; a constant number of queries however many visits."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from visits.models import VisitStatus

pytestmark = pytest.mark.django_db

CALENDAR = "/admin/visits/visitrequest/calendar/"


def schedule(visit, day, hour=10, status=VisitStatus.SCHEDULED):
    visit.scheduled_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 30)))
    visit.set_status(status)
    visit.save()
    return visit


def make_visits(send, count, day):
    for number in range(count):
        _response, visit = send("en", email=f"guest{number}@example.jp", organisation=f"Delegation {number}")
        schedule(visit, day)


def in_english(client, url):
    client.cookies["django_language"] = "en"
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en")


def test_a_scheduled_visit_is_on_its_day_and_links_to_its_change_page(visit, editor_client):
    schedule(visit, datetime.date(2027, 3, 17))

    page = in_english(editor_client, f"{CALENDAR}?month=2027-03").content.decode()

    assert "<caption>March 2027</caption>" in page
    link = f'<a href="/admin/visits/visitrequest/{visit.pk}/change/">10:30 Fukuoka City Hall</a>'
    day_cell = page.split('<p class="iad-day">17</p>')[1].split("</td>")[0]
    assert link in day_cell and visit.reference("en") in day_cell
    assert 'href="?month=2027-02"' in page and 'href="?month=2027-04"' in page


def test_another_months_visit_and_an_unscheduled_request_are_not_shown(visit, send, editor_client):
    schedule(visit, datetime.date(2027, 4, 1))
    _response, waiting = send("en", email="other@example.jp")  # received, no date

    page = in_english(editor_client, f"{CALENDAR}?month=2027-03").content.decode()

    assert visit.reference("en") not in page
    assert waiting.reference("en") not in page


def test_the_thai_admin_names_the_month_in_thai_with_the_buddhist_era_year(visit, editor_client):
    schedule(visit, datetime.date(2027, 3, 17))
    editor_client.cookies["django_language"] = "th"

    page = editor_client.get(f"{CALENDAR}?month=2027-03", HTTP_ACCEPT_LANGUAGE="th").content.decode()

    assert "<caption>มีนาคม 2570</caption>" in page
    assert visit.reference("th") in page  # V-2569-...: the year it arrived, in the Buddhist Era


def test_the_visit_requests_list_links_the_calendar(editor_client):
    page = in_english(editor_client, "/admin/visits/visitrequest/").content.decode()

    assert f'href="{CALENDAR}"' in page


def test_staff_without_the_visit_permissions_are_refused(client, django_user_model):
    clerk = django_user_model.objects.create_user("somsri", "somsri@example.org", "a-long-password-1", is_staff=True)
    client.force_login(clerk)

    assert client.get(CALENDAR).status_code == 403


def test_visitors_are_sent_to_the_login_page(client):
    response = client.get(CALENDAR)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_query_count_does_not_grow_with_the_visits(send, editor_client):
    day = datetime.date(2027, 3, 17)
    make_visits(send, 1, day)
    with CaptureQueriesContext(connection) as few:
        in_english(editor_client, f"{CALENDAR}?month=2027-03")
    make_visits(send, 15, day + datetime.timedelta(days=3))
    with CaptureQueriesContext(connection) as many:
        page = in_english(editor_client, f"{CALENDAR}?month=2027-03").content.decode()

    visit_queries = [q["sql"] for q in many.captured_queries if "visits_visitrequest" in q["sql"]]
    assert page.count("/change/") == 16
    assert len(few) == len(many)
    assert len(visit_queries) == 1
