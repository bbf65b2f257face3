"""The private status page: found by its unguessable token alone, it shows the staff answer once saved; no other
visitor reaches it, search engines are asked to leave it alone, and no cache keeps it."""

import pytest
from django.test import Client

from questions.models import Question

from .conftest import answer_in_admin

pytestmark = pytest.mark.django_db

ANSWER = "มีสามเมือง ได้แก่ ฟุกุโอกะ ไอจิ และโอซาก้า"


def test_the_confirmation_shows_the_reference_and_links_the_status_page(ask, client):
    response, question = ask("th")

    page = client.get(response["Location"]).content.decode()

    assert question.reference("th") in page
    assert f'href="{question.get_status_url()}"' in page


def test_the_status_page_shows_the_staff_answer_after_it_is_saved(question, editor_client):
    visitor, page = Client(), f"/en/questions/status/{question.status_token}/"
    before = visitor.get(page).content.decode()

    answer_in_admin(editor_client, question, ANSWER)
    after = visitor.get(page).content.decode()

    assert ANSWER not in before and "The office has not answered yet." in before
    assert ANSWER in after


def test_the_status_page_is_in_the_visitors_language_of_choice(question):
    english = Client().get(question.get_status_url().replace("/th/", "/en/", 1)).content.decode()

    assert question.reference("en") in english and '<html lang="en">' in english


@pytest.mark.parametrize("token", ["", "x", "A" * 43, "A" * 65])
def test_a_wrong_token_finds_nothing(question, token):
    assert Client().get(f"/th/questions/status/{token}/").status_code == 404


def test_another_visitors_question_is_never_shown(ask):
    _response, first = ask("th")
    _response, second = ask("th", name="วิไล", email="wilai@example.org", question="คำถามของวิไล")
    visitor = Client()

    page = visitor.get(second.get_status_url()).content.decode()

    assert "คำถามของวิไล" in page
    assert first.question not in page and first.name not in page
    assert Question.objects.count() == 2


@pytest.mark.parametrize("page", ["sent", "status"])
def test_private_pages_are_never_cached_indexed_or_sent_on(question, page):
    response = Client().get(f"/th/questions/{page}/{question.status_token}/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_private_pages_are_not_in_the_sitemap(question, client):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/questions/status/" not in sitemap and "/questions/sent/" not in sitemap
    assert "/th/questions/faq/" in sitemap
