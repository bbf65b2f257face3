"""Several app servers behind a load balancer: two gunicorn instances sharing one PostgreSQL and one Redis.

An edit made through one server shows on the other at once (the page cache's generation lives in Redis),
a page cached by one is served by the other, and a staff login works on both (sessions in the database).
PostgreSQL only: on SQLite the module is skipped. Needs Redis at 127.0.0.1:6379 (.ci/run starts it).
"""

import http.client
import os
import re
import socket
import uuid
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache.backends.redis import RedisCache
from django.db import connection

from iad_site.pagecache.cache import GENERATION_KEY
from scripts.servers import Server

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
# A Redis database of its own, so other users of the local Redis are left alone.
REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/14"
PASSWORD = "scale-out-test-password"
PUBLIC_HOST = "localhost"

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="scale-out needs PostgreSQL (two servers cannot share a test SQLite database)",
    ),
    pytest.mark.django_db(transaction=True),
]


def _database_url():
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class AppServer:
    """A gunicorn instance with production settings, and a visitor who keeps its cookies like a browser."""

    def __init__(self, env, log):
        self.server = Server.gunicorn(env, workers=2, log=log)
        self.port = self.server.port
        self.cookies = {}

    def request(self, method, path, form=None, keep_cookies=True):
        # As behind the load balancer: one public host name for every server, and TLS ended at the proxy.
        headers = {"X-Forwarded-Proto": "https", "Host": PUBLIC_HOST}
        if keep_cookies and self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{PUBLIC_HOST}"
            headers["Referer"] = f"https://{PUBLIC_HOST}{path}"
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            client.request(method, path, body=body, headers=headers)
            response = client.getresponse()
            content = response.read().decode(errors="replace")
            if keep_cookies:
                for header in response.headers.get_all("Set-Cookie") or []:
                    name, _, rest = header.partition("=")
                    value = rest.split(";", 1)[0]
                    if value and "max-age=0" not in header.lower():
                        self.cookies[name.strip()] = value
                    else:
                        self.cookies.pop(name.strip(), None)
            return response.status, dict(response.headers), content
        finally:
            client.close()

    def log_in(self, username):
        status, _headers, page = self.request("GET", "/admin/login/?next=/admin/")
        assert status == 200, page[:500]
        token = FormFields.parse(page)["csrfmiddlewaretoken"]
        form = {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD, "next": "/admin/"}
        status, headers, page = self.request("POST", "/admin/login/?next=/admin/", form)
        assert status == 302 and headers["Location"] == "/admin/", (status, page[:1000])

    def admin_change(self, path, **changes):
        status, _headers, page = self.request("GET", path)
        assert status == 200, page[:500]
        form = {**FormFields.parse(page), **changes, "_save": "Save"}
        status, headers, page = self.request("POST", path, form)
        assert status == 302, (status, re.findall(r'class="errorlist[^"]*">(.*?)</ul>', page, re.S))


class FormFields(HTMLParser):
    """The values a browser would submit from a page's forms (inputs, textareas, selected options)."""

    def __init__(self):
        super().__init__()
        self.fields, self._textarea, self._select = {}, None, None

    @classmethod
    def parse(cls, html):
        parser = cls()
        parser.feed(html)
        return parser.fields

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += unescape(data)


@pytest.fixture(scope="module")
def redis_available():
    try:
        socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=2).close()
    except OSError:
        pytest.fail(f"Redis does not answer at {REDIS_HOST}:{REDIS_PORT} (.ci/run starts it; see docs/operations.md)")


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, redis_available, tmp_path_factory):
    with django_db_blocker.unblock():
        database_url = _database_url()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.pagecache.scale_out_settings",
        "SECRET_KEY": "scale-out-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "0",  # no idle connections left to block dropping the test database
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE": "on",
    }
    logs = tmp_path_factory.mktemp("scale-out")
    pair = [AppServer(env, logs / "first.log"), AppServer(env, logs / "second.log")]
    with pair[0].server, pair[1].server:
        yield pair


@pytest.fixture(autouse=True)
def fresh_shared_cache(servers):
    """The test database is emptied between tests without any signal: start a new page-cache generation."""
    shared = RedisCache(REDIS_URL, {})
    shared.set(GENERATION_KEY, uuid.uuid4().hex, None)
    shared.close()


@pytest.fixture
def staff(django_user_model):
    user = django_user_model(username="chief", is_staff=True, is_superuser=True)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save()
    return user


def test_a_page_cached_by_one_server_is_served_by_the_other(servers, city):
    first, second = servers
    path = f"/en/sister-cities/{city.slug}/"

    assert first.request("GET", path, keep_cookies=False)[1]["X-Cache"] == "MISS"
    assert second.request("GET", path, keep_cookies=False)[1]["X-Cache"] == "HIT"


def test_an_admin_edit_through_one_server_shows_at_once_on_the_other(servers, city, staff):
    first, second = servers
    path = f"/en/sister-cities/{city.slug}/"
    second.request("GET", path, keep_cookies=False)
    assert second.request("GET", path, keep_cookies=False)[1]["X-Cache"] == "HIT"

    first.log_in(staff.username)
    first.admin_change(f"/admin/relations/country/{city.country_id}/change/", name_en="Nippon")
    status, headers, page = second.request("GET", path, keep_cookies=False)

    assert status == 200
    assert "Nippon" in page
    assert headers["X-Cache"] == "MISS"


def test_a_staff_login_works_on_both_servers(servers, staff):
    first, second = servers
    first.cookies.clear()
    second.cookies.clear()

    first.log_in(staff.username)
    second.log_in(staff.username)

    for server in servers:
        status, _headers, page = server.request("GET", "/admin/")
        assert status == 200
        assert 'action="/admin/logout/"' in page


def test_a_session_started_on_one_server_is_valid_on_the_other(servers, staff):
    first, second = servers
    first.cookies.clear()
    first.log_in(staff.username)
    second.cookies = dict(first.cookies)

    status, _headers, page = second.request("GET", "/admin/")

    assert status == 200
    assert 'action="/admin/logout/"' in page
