"""Abuse without a CAPTCHA: a filled honeypot, a form sent too fast, too many links and too many posts from one
address or email are refused with a message in the visitor's language, never a server error, and store nothing."""

import time

import pytest

from iad_site.inbox.guards import started_token
from questions.models import Question

from .conftest import form_data

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_is_refused_with_the_form_shown_again(ask):
    response, question = ask("en", website="http://spam.example/")

    html = response.content.decode()
    assert response.status_code == 400 and question is None
    assert "Your message could not be accepted." in html
    assert 'value="http://spam.example/"' not in html
    assert "somchai@example.org" in html


def test_a_form_sent_too_fast_is_refused_and_kept(ask):
    response, question = ask("en", started=started_token(time.time()))

    assert response.status_code == 400 and question is None
    assert "Your message was sent very quickly after the page opened" in response.content.decode()
    assert "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นกี่เมือง</textarea>" in response.content.decode()


def test_a_form_without_a_signed_start_time_is_refused(ask):
    response, question = ask("en", started="1700000000.0")

    assert response.status_code == 400 and question is None


def test_a_too_fast_form_sent_again_later_is_accepted(ask, settings, client, topic):
    settings.INBOX_MIN_FILL_SECONDS = 0.5
    refused = client.post("/en/questions/", form_data(topic, started=started_token()))
    kept = refused.context["form"]["started"].value()
    time.sleep(0.6)  # the visitor reads the message and presses the button again
    accepted = client.post("/en/questions/", form_data(topic, started=kept))

    assert (refused.status_code, accepted.status_code) == (400, 303)
    assert Question.objects.count() == 1


def test_a_question_with_too_many_links_is_refused_with_a_message(ask):
    links = " ".join(f"https://example.org/{n}" for n in range(4))

    response, question = ask("en", question=f"Please see {links}")

    assert response.status_code == 200 and question is None
    assert "Please include at most 3 links (web addresses)." in response.content.decode()


@pytest.mark.parametrize("field, size", [("name", 201), ("organisation", 201), ("country", 101), ("question", 4001)])
def test_every_field_has_a_size_limit(ask, field, size):
    response, question = ask("en", **{field: "ก" * size})

    assert response.status_code == 200 and question is None
    assert 'class="field__error"' in response.content.decode()


def test_too_many_posts_from_one_address_get_a_polite_429(ask, settings):
    settings.INBOX_RATE_LIMITS = {"address": (3, 3600), "email": (100, 86400)}
    for number in range(3):
        ask("en", email=f"visitor{number}@example.org")

    response, _question = ask("en", email="another@example.org")

    assert response.status_code == 429
    assert int(response["Retry-After"]) == 3600
    assert "Many messages have come from your network in a short time" in response.content.decode()
    assert Question.objects.count() == 3


def test_the_address_limit_counts_refused_posts_too(ask, settings):
    settings.INBOX_RATE_LIMITS = {"address": (3, 3600), "email": (100, 86400)}
    for _attempt in range(3):
        ask("en", email="broken")

    response, _question = ask("en")

    assert response.status_code == 429
    assert Question.objects.count() == 0


def test_too_many_questions_from_one_email_address_get_a_polite_429(ask, settings):
    settings.INBOX_RATE_LIMITS = {"address": (100, 3600), "email": (2, 86400)}
    ask("th")
    ask("th")

    response, _question = ask("th", email="SomChai@Example.org")

    assert response.status_code == 429
    assert '<html lang="th">' in response.content.decode()
    assert Question.objects.count() == 2


def test_a_refusal_is_never_cached_or_indexed(ask, settings):
    settings.INBOX_RATE_LIMITS = {"address": (0, 3600), "email": (100, 86400)}

    response, _question = ask("en")

    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_a_visitor_behind_the_front_proxy_is_counted_by_the_address_the_proxy_gives(client, topic, settings):
    settings.INBOX_RATE_LIMITS = {"address": (1, 3600), "email": (100, 86400)}
    settings.INBOX_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    first = client.post("/en/questions/", form_data(topic), HTTP_X_FORWARDED_FOR="203.0.113.5")
    other = client.post("/en/questions/", form_data(topic), HTTP_X_FORWARDED_FOR="203.0.113.6")
    forged = client.post("/en/questions/", form_data(topic), HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")

    assert [first.status_code, other.status_code, forged.status_code] == [303, 303, 429]
