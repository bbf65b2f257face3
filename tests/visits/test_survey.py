"""The satisfaction survey (ITA O15): after the visit, the requester answers once at the status page's token
address; a second answer is refused and the first kept; the figures page averages the ratings per fiscal year."""

import pytest

from visits.models import VisitStatus

pytestmark = pytest.mark.django_db


def complete(visit):
    visit.set_status(VisitStatus.COMPLETED)
    visit.save()
    return visit


def survey_url(visit, language="en"):
    return f"/{language}/visits/status/{visit.status_token}/survey/"


def test_the_status_page_of_a_completed_visit_links_the_survey(visit, client):
    complete(visit)

    page = client.get(visit.get_status_url()).content.decode()

    assert f'href="{visit.get_survey_url()}"' in page


def test_one_answer_is_accepted(visit, client):
    complete(visit)

    response = client.post(survey_url(visit), {"satisfaction": "4", "comment": "  Well organised.  "})

    visit.refresh_from_db()
    assert response.status_code == 303
    assert response["Location"] == visit.get_status_url()
    assert (visit.satisfaction, visit.satisfaction_comment) == (4, "Well organised.")
    assert visit.survey_answered_at is not None


def test_a_second_answer_is_refused_and_the_first_kept(visit, client):
    complete(visit)
    client.post(survey_url(visit), {"satisfaction": "5", "comment": "First"})

    again = client.post(survey_url(visit), {"satisfaction": "1", "comment": "Second"})

    visit.refresh_from_db()
    assert again.status_code == 409
    assert "already answered" in again.content.decode()
    assert "<form" not in client.get(survey_url(visit)).content.decode()
    assert (visit.satisfaction, visit.satisfaction_comment) == (5, "First")


def test_an_empty_answer_is_not_stored(visit, client):
    complete(visit)

    response = client.post(survey_url(visit), {"satisfaction": "", "comment": "  "})

    visit.refresh_from_db()
    assert response.status_code == 200
    assert "Please choose a rating or write a comment" in response.content.decode()
    assert visit.survey_answered_at is None


@pytest.mark.parametrize("status", [VisitStatus.RECEIVED, VisitStatus.SCHEDULED, VisitStatus.DECLINED])
def test_the_survey_of_a_request_not_completed_is_not_there(visit, client, status):
    visit.set_status(status)
    visit.save()

    assert client.get(survey_url(visit)).status_code == 404
    assert client.post(survey_url(visit), {"satisfaction": "5"}).status_code == 404
    visit.refresh_from_db()
    assert visit.survey_answered_at is None


def test_the_figures_page_shows_the_average_and_the_number_of_answers(send, client):
    ratings = ("5", "4", "")  # the third answer has a comment only: counted as an answer, not in the average
    for number, rating in enumerate(ratings):
        _response, visit = send("en", email=f"guest{number}@example.jp", organisation=f"City {number}")
        complete(visit)
        client.post(survey_url(visit), {"satisfaction": rating, "comment": "Secret remark"})

    page = client.get("/en/visits/figures/").content.decode()

    assert "<td>3</td>\n          <td>4.5</td>" in page
    assert "Secret remark" not in page


def test_the_csv_has_the_survey_figures(visit, client):
    complete(visit)
    client.post(survey_url(visit), {"satisfaction": "3"})

    rows = client.get("/en/visits/figures.csv").content.decode().splitlines()

    assert rows[1].endswith(",1,3.0")


def test_two_answers_sent_at_once_keep_the_first(visit):
    complete(visit)
    first_tab, second_tab = type(visit).objects.get(pk=visit.pk), type(visit).objects.get(pk=visit.pk)

    assert first_tab.answer_survey(2, "")
    assert not second_tab.answer_survey(5, "")
    visit.refresh_from_db()
    assert visit.satisfaction == 2
