"""The request form: Buddhist-Era dates on Thai pages stored in the Common Era and shown back in each calendar;
dates in the past, too soon or reversed refused with everything typed kept."""

import pytest

from .conftest import be, in_days

pytestmark = pytest.mark.django_db


def test_thai_buddhist_era_dates_are_stored_in_the_common_era(send):
    first = in_days(60)
    response, visit = send("th", first_choice_start=be(first), first_choice_end=be(first))

    assert response.status_code == 303
    assert visit.first_choice_start == first
    assert visit.reference().startswith("V-25")


def test_the_status_page_shows_the_dates_in_each_languages_calendar(send, client):
    first = in_days(60)
    _response, visit = send("th", first_choice_start=be(first), first_choice_end=be(first))
    path = visit.get_status_url()

    thai = client.get(path.replace("/en/", "/th/"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    english = client.get(path.replace("/th/", "/en/")).content.decode()

    assert f"{first.day} " in thai and str(first.year + 543) in thai
    assert str(first.year) in english and str(first.year + 543) not in english


def test_the_form_states_the_minimum_lead_time(client, kind, settings):
    settings.VISIT_MINIMUM_LEAD_DAYS = 45

    page = client.get("/en/visits/request/").content.decode()

    assert "at least 45 days" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"first_choice_start": be(in_days(-3)), "first_choice_end": ""}, "This date has passed"),
        ({"first_choice_start": be(in_days(5)), "first_choice_end": ""}, "at least 30 days from today"),
        ({"first_choice_start": be(in_days(70)), "first_choice_end": be(in_days(65))}, "before the first day"),
    ],
    ids=["past", "too-soon", "reversed"],
)
def test_a_bad_date_is_refused_with_everything_typed_kept(send, settings, changes, message):
    settings.VISIT_MINIMUM_LEAD_DAYS = 30

    response, visit = send("en", **changes)

    page = response.content.decode()
    assert response.status_code == 200
    assert visit is None
    assert message in page
    assert changes["first_choice_start"] in page  # the date as typed, not re-drawn
    assert "Fukuoka City Hall" in page
    assert "Deputy Mayor" in page
