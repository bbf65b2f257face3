"""The production server as an operator starts it: gunicorn with the production settings and WhiteNoise, on
a seeded SQLite file of its own, behind an HTTPS proxy."""

import json
import re

import pytest

from iad_site.core import sections
from scripts.servers import Server, fetch, manage
from tests.browser.data import write_unseeded_examples
from tests.security.assertions import YEAR, assert_hsts, assert_security_headers
from tests.security.production import production_env

pytestmark = pytest.mark.own_processes

BEHIND_HTTPS = {"X-Forwarded-Proto": "https"}


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """The server, its collected static files and every public page type's address on its database."""
    tmp = tmp_path_factory.mktemp("prod")
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
    )
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["seed"]):
        manage(env, *command, "-v0")
    manage(env, "loaddata", str(write_unseeded_examples(tmp_path_factory.mktemp("seed") / "examples.json")), "-v0")
    pages = json.loads(manage(env, "public_pages"))
    with Server.gunicorn(env, log=tmp / "gunicorn.log") as server:
        yield server, tmp / "static", pages


def test_production_server_sends_plain_http_to_https(production_server):
    server, _, _ = production_server

    status, headers, _ = fetch(server.url("/th/"))

    assert status == 301
    assert headers["Location"] == f"https://127.0.0.1:{server.port}/th/"


def test_production_server_answers_health_checks_over_plain_http(production_server):
    server, _, _ = production_server

    assert fetch(server.url("/health/"))[0] == 200


def test_production_server_serves_pages_behind_an_https_proxy_with_every_header(production_server):
    server, _, _ = production_server

    status, headers, _ = fetch(server.url("/en/"), headers=BEHIND_HTTPS)

    assert status == 200
    assert_security_headers(headers)
    assert_hsts(headers)


def test_production_server_serves_hashed_compressed_static_files_cached_a_year(production_server):
    server, static_root, _ = production_server
    hashed = next(static_root.glob("css/site.*.css")).name
    assert re.fullmatch(r"site\.[0-9a-f]{12}\.css", hashed)

    status, headers, _ = fetch(server.url(f"/static/css/{hashed}"), headers={"Accept-Encoding": "gzip", **BEHIND_HTTPS})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= YEAR
    assert "immutable" in headers["Cache-Control"]


def test_production_pages_link_the_hashed_static_files(production_server):
    server, _, _ = production_server

    html = fetch(server.url("/th/"), headers=BEHIND_HTTPS)[2].decode()

    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', html)


def test_production_server_serves_every_public_page_type_in_every_language(production_server):
    server, _, pages = production_server

    statuses = {page["path"]: fetch(server.url(page["path"]), headers=BEHIND_HTTPS)[0] for page in pages}

    assert len(pages) == len(sections.page_types()) * len(sections.languages())
    assert statuses == {page["path"]: page["status"] for page in pages}
