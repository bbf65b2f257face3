"""The page cache and the form (iad_site/pagecache): with the cache on, no visitor receives a page carrying another
visitor's CSRF token, each visitor's form posts, no status page or form answer is ever stored, and visitors'
questions do not empty the cache."""

import re

import pytest
from django.core.cache import cache
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client

from iad_site.pagecache.cache import _fresh_entry, _page_key, bump_generation, current_generation

from .conftest import form_data

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    bump_generation()


def form_token(response):
    return TOKEN.search(response.content.decode()).group(1)


def stored(path):
    """What the page cache holds for this path as the test client asks for it (None: nothing)."""
    return _fresh_entry(_page_key({"PATH_INFO": path, "QUERY_STRING": "", "HTTP_HOST": "testserver"}))


def test_two_visitors_each_get_a_form_with_their_own_token(topic):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    pages = [visitor.get("/th/questions/") for visitor in (first, second)]

    secrets = [_unmask_cipher_token(form_token(page)) for page in pages]
    assert secrets[0] == first.cookies["csrftoken"].value
    assert secrets[1] == second.cookies["csrftoken"].value
    assert secrets[0] != secrets[1]


def test_each_visitor_can_post_the_form_they_were_given(topic):
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens = [form_token(visitor.get("/th/questions/")) for visitor in visitors]

    answers = [
        visitor.post("/th/questions/", form_data(topic, csrfmiddlewaretoken=token, email=f"v{n}@example.org"))
        for n, (visitor, token) in enumerate(zip(visitors, tokens, strict=True))
    ]

    assert [answer.status_code for answer in answers] == [303, 303]


def test_the_form_page_is_never_stored_even_for_a_visitor_who_already_has_a_token_cookie(topic):
    visitor = Client()
    visitor.get("/th/questions/")

    again = visitor.get("/th/questions/")

    assert "X-Cache" not in again
    assert stored("/th/questions/") is None
    assert "no-store" in again["Cache-Control"]


def test_a_form_shown_again_with_errors_is_never_stored(client, topic):
    client.post("/th/questions/", form_data(topic, email="broken"))

    assert stored("/th/questions/") is None


def test_a_status_page_is_never_stored_for_another_visitor(ask):
    _response, question = ask("th")
    path = question.get_status_url()

    owner = Client().get(path)
    other = Client().get(path)

    assert stored(path) is None
    assert "X-Cache" not in owner and "X-Cache" not in other


def test_the_faq_page_is_cached_like_every_public_page(client, topic):
    first = client.get("/th/questions/faq/")
    second = Client().get("/th/questions/faq/")

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")


def test_a_visitors_question_leaves_the_cached_pages_alone(ask):
    before = current_generation()

    ask("th")

    assert current_generation() == before
