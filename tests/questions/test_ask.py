"""The Ask form: a question in Thai and one in English stored with their reference numbers; a form with a
mistake comes back with every field kept; the same post twice stores one question."""

import pytest
from django.utils import timezone

from iad_site.core.dates import BUDDHIST_ERA_OFFSET
from questions.models import Question

from .conftest import form_data

pytestmark = pytest.mark.django_db


def test_a_thai_question_is_stored_with_a_buddhist_era_reference(ask, client):
    response, question = ask("th")

    assert response.status_code == 303
    assert (question.language, question.question) == ("th", "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นกี่เมือง")
    year_be = timezone.localtime().year + BUDDHIST_ERA_OFFSET
    assert f"Q-{year_be}-0001" in client.get(response["Location"]).content.decode()


def test_an_english_question_is_stored_with_a_common_era_reference(ask, client):
    ask("th")

    response, question = ask("en", name="Jane Smith", question="How many sister cities does Bangkok have in Japan?")

    assert (question.language, question.name) == ("en", "Jane Smith")
    assert f"Q-{timezone.localtime().year}-0002" in client.get(response["Location"]).content.decode()


def test_the_same_post_twice_stores_one_question(client, topic):
    data = form_data(topic)

    first = client.post("/th/questions/", data)
    second = client.post("/th/questions/", data)

    assert Question.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_same_question_sent_again_from_a_new_form_is_a_new_question(ask):
    ask("th")
    ask("th")

    assert Question.objects.count() == 2


def test_a_form_with_a_mistake_comes_back_with_every_field_kept(ask):
    response, question = ask("en", email="not-an-address", organisation="Embassy of Japan")

    html = response.content.decode()
    assert response.status_code == 200 and question is None
    assert "Please enter a valid email address, such as name@example.com." in html
    assert 'value="not-an-address"' in html and 'value="Embassy of Japan"' in html
    assert "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นกี่เมือง</textarea>" in html


def test_the_form_page_lets_browsers_send_its_origin_with_the_post(client, topic):
    # Under Referrer-Policy: no-referrer a browser posts the form with "Origin: null", which the CSRF check refuses.
    response = client.get("/th/questions/")

    assert response["Referrer-Policy"] != "no-referrer"
    assert "X-Robots-Tag" not in response
