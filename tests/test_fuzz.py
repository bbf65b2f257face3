"""Bad input never becomes a server error: property-based tests (hypothesis) throw random paths, query
strings and form posts at every public page, with the seed content loaded and the page cache on (as in
production), and accept only 2xx, 3xx and 4xx answers. A page that is not found says so in the language of
its address.

150 examples in all (FUZZ_SCALE multiplies them), no per-example deadline (the machine is shared). A run
given a seed (`--hypothesis-seed=N`: .ci/run passes one and the test header prints it) draws the same
examples every time, so a CI failure replays; a run without one explores new examples each time."""

import os
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iad_site.core import sections

pytestmark = pytest.mark.django_db

# FUZZ_SCALE=10 runs ten times as many examples, for a longer hunt than the suite's.
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NOT_FOUND = {"th": "ไม่พบหน้าที่คุณต้องการ", "en": "Page not found"}


def fixed_paths(patterns, prefix=""):
    """Every URL without a parameter in it (search, feeds, open data, sitemap...), the admin's left out."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(django_settings.ADMIN_URL) or "<" in route or "(" in route or "^" in route:
            continue
        if isinstance(pattern, URLResolver):
            yield from fixed_paths(pattern.url_patterns, route)
        else:
            yield "/" + route


@pytest.fixture
def site(seed_for_reading, db, page_cache):
    """Every public page on the seed content, served with the page cache on: each page type's example,
    every URL without a parameter, and a few detail pages of every model of the content sections."""
    paths = [path for _name, _language, path, _status, _noindex in sections.public_pages()]
    for language in sections.languages():
        with translation.override(language):
            paths += fixed_paths(get_resolver().url_patterns)
            for label in sections.content_app_labels():
                for model in apps.get_app_config(label).get_models():
                    if hasattr(model, "get_absolute_url"):
                        for obj in model._default_manager.all()[:3]:
                            paths.append(obj.get_absolute_url().split("#")[0])
    return sorted(set(paths))


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{response.status_code} for {what}"


def assert_not_found_page_in_its_language(response, path):
    if response.status_code != 404 or "text/html" not in response.get("Content-Type", ""):
        return
    language = path.split("/")[1]
    if language in NOT_FOUND:
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, path
        assert NOT_FOUND[language] in html, path


# Random addresses: any text after a language prefix (or the admin's), percent-encoded as a browser
# sends it, and raw bytes that are not UTF-8 at all.
segment_text = st.text(min_size=1, max_size=40).map(lambda text: quote(text, safe="/"))
segment_bytes = st.binary(min_size=1, max_size=20).map(quote_from_bytes)
prefixes = st.sampled_from(["/th/", "/en/", "/", "/fr/", "/th/sister-cities/", "/en/networks/", "/en/page/"])


@given(prefix=prefixes, tail=st.one_of(segment_text, segment_bytes), slash=st.booleans())
@settings(FUZZ, max_examples=40 * SCALE)
def test_random_paths_never_cause_a_server_error(client, site, prefix, tail, slash):
    path = prefix + tail + ("/" if slash else "")

    response = client.get(path)

    assert_no_server_error(response, path)
    assert_not_found_page_in_its_language(response, path)


# Random query strings: the directory's filters, sort and page number, a search, and anything else,
# each with likely values, absurd ones and random text; keys may repeat.
likely_values = st.sampled_from(
    ["", "JP", "jp", "CN", "XX", "sister", "friendship", "name", "year", "-name", "1", "2", "0", "-1", "last", "9" * 30]
)
random_values = st.text(max_size=60)
query_pairs = st.lists(
    st.tuples(
        st.sampled_from(["country", "relationship", "sort", "page", "q", "lang", "country[]"]) | st.text(max_size=10),
        likely_values | random_values,
    ),
    max_size=6,
)


@given(data=st.data(), pairs=query_pairs)
@settings(FUZZ, max_examples=50 * SCALE)
def test_random_query_strings_never_cause_a_server_error(client, site, data, pairs):
    path = data.draw(st.sampled_from(site), label="path")
    url = f"{path}?{urlencode(pairs)}"

    response = client.get(url, HTTP_ACCEPT_LANGUAGE=data.draw(random_values, label="accept-language"))

    assert_no_server_error(response, url)
    assert_not_found_page_in_its_language(response, path)


# The site search gets its own share: Thai, English, mixed scripts, operators, and any text at all.
search_words = st.sampled_from(["กรุงเทพ", "โตเกียว", "เมืองพี่เมืองน้อง", "Tokyo", "ANMC21", "2538", "1995", "*", '"', "OR"])
search_queries = st.lists(search_words | st.text(max_size=30), max_size=5).map(" ".join) | st.text(max_size=200)


@given(language=st.sampled_from(sections.languages()), q=search_queries, page=st.none() | likely_values)
@settings(FUZZ, max_examples=30 * SCALE)
def test_random_searches_never_cause_a_server_error(client, site, language, q, page):
    with translation.override(language):
        path = reverse("search:search")
    params = {"q": q} if page is None else {"q": q, "page": page}

    response = client.get(path, params)

    assert_no_server_error(response, f"{path}?{urlencode(params)}")


# Random form posts to every public page and to the staff sign-in form (which must refuse, never fail).
form_data = st.dictionaries(
    st.sampled_from(["username", "password", "q", "country", "next", "csrfmiddlewaretoken"]) | st.text(max_size=10),
    random_values | likely_values,
    max_size=5,
)


@given(data=st.data(), fields=form_data, enforce_csrf=st.booleans())
@settings(FUZZ, max_examples=30 * SCALE)
def test_random_form_posts_never_cause_a_server_error(site, data, fields, enforce_csrf):
    path = data.draw(st.sampled_from([*site, reverse("admin:login")]), label="path")
    client = Client(enforce_csrf_checks=enforce_csrf)

    response = client.post(path, fields)

    assert_no_server_error(response, f"POST {path} {fields!r}")


# Random posts to the Ask form (questions/): any text in every field, a valid or forged start time, a real or
# made-up topic, and far too much of everything. Refused, shown again or stored, never a server error.
ask_values = random_values | st.text(min_size=3000, max_size=6000) | st.sampled_from(["", "a@b.co", "1", "on", "0"])


@given(data=st.data(), language=st.sampled_from(sections.languages()))
@settings(FUZZ, max_examples=30 * SCALE)
def test_random_questions_never_cause_a_server_error(site, data, language):
    import time

    from django.test import override_settings

    from iad_site.inbox.guards import started_token

    names = ["name", "email", "organisation", "country", "topic", "question", "publish_consent", "website"]
    fields = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(names, ask_values)), label="fields")
    fields["started"] = data.draw(
        st.sampled_from([started_token(time.time() - 60), started_token(), ""]) | random_values, label="started"
    )
    if data.draw(st.booleans(), label="real topic"):
        fields["topic"] = "1"
    path = f"/{language}/questions/"

    with override_settings(INBOX_RATE_LIMITS={"address": (10_000, 3600), "email": (10_000, 86400)}):
        response = Client().post(path, fields)

    assert_no_server_error(response, f"POST {path} {fields!r}")


def test_the_fuzzed_pages_are_served_through_the_page_cache(client, site):
    home = f"/{django_settings.LANGUAGE_CODE}/"
    client.get(home)

    assert client.get(home)["X-Cache"] == "HIT"
