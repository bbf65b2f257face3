"""Security: headers on every page, production's deploy checks, admin lockout and address, sessions,
sanitised HTML, and the production server (gunicorn + WhiteNoise) as an operator starts it."""

import contextlib
import importlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from django.urls import clear_url_caches, reverse
from django.utils import timezone, translation

from tests.conftest import LANGUAGES, PUBLIC_PATHS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
YEAR = 60 * 60 * 24 * 365


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_security_headers(response):
    directives = csp_directives(response)
    scripts = directives.get("script-src", directives["default-src"])
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert directives["default-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["connect-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def assert_hsts(response):
    hsts = response["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= YEAR
    assert "includeSubDomains" in hsts


# Headers


def test_public_pages_send_every_security_header(client, public_path):
    response = client.get(public_path)

    assert response.status_code == 200
    assert_security_headers(response)


def test_public_pages_over_https_send_hsts(client, public_path):
    response = client.get(public_path, secure=True)

    assert_hsts(response)


def test_not_found_pages_send_the_security_headers(client):
    response = client.get("/en/no-such-page/", secure=True)

    assert response.status_code == 404
    assert_security_headers(response)
    assert_hsts(response)


def test_admin_login_page_sends_every_security_header(client):
    response = client.get(reverse("admin:login"), secure=True)

    assert response.status_code == 200
    assert_security_headers(response)
    assert_hsts(response)


def test_admin_index_sends_every_security_header(admin_client):
    response = admin_client.get(reverse("admin:index"), secure=True)

    assert response.status_code == 200
    assert_security_headers(response)
    assert_hsts(response)


def admin_pages():
    yield reverse("admin:index")
    for model in admin.site._registry:
        opts = model._meta
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add")


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def test_admin_pages_have_no_inline_script_the_policy_would_block(admin_client):
    """The admin (and modeltranslation's language tabs) must keep working under script-src 'self'."""
    checked = 0
    for url in admin_pages():
        response = admin_client.get(url)
        if response.status_code == 403:  # models nobody may add by hand (axes' logs, singletons)
            continue
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), url
        assert not EVENT_HANDLER.findall(html), url
        assert_security_headers(response)
        checked += 1
    assert checked >= 3


INLINE_STYLE = re.compile(r"<style[\s>]|<[^>]+\sstyle\s*=", re.IGNORECASE)


def seeded_public_pages():
    """Every public page type in both languages, detail pages from the seed included."""
    call_command("seed", verbosity=0)
    paths = {f"/{language}{path}" for language in LANGUAGES for path in PUBLIC_PATHS}
    for language in LANGUAGES:
        with translation.override(language):
            for label in ("relations", "pages"):
                for model in apps.get_app_config(label).get_models():
                    if hasattr(model, "get_absolute_url"):
                        for obj in model._default_manager.all()[:2]:
                            paths.add(obj.get_absolute_url().split("#")[0])
    return sorted(paths)


def test_public_pages_have_nothing_inline_the_policy_would_block(client):
    """No inline script, event handler, <style> or style="": the strict CSP would block them in browsers."""
    checked = []
    for path in seeded_public_pages():
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), path
        assert not EVENT_HANDLER.findall(html), path
        assert not INLINE_STYLE.findall(html), (path, INLINE_STYLE.findall(html)[:3])
        checked.append(path)
    assert len(checked) >= 2 * len(PUBLIC_PATHS)


# Error pages in the visitor's language, under the same policy


@pytest.mark.parametrize(("language", "heading"), [("en", "Bad request"), ("th", "คำขอไม่ถูกต้อง")])
def test_unknown_host_gets_a_bad_request_page_in_the_pages_language(client, language, heading):
    response = client.get(f"/{language}/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    assert f'<html lang="{language}">' in response.content.decode()
    assert heading in response.content.decode()


@pytest.mark.parametrize(("language", "heading"), [("en", "The form could not be sent"), ("th", "ส่งแบบฟอร์มไม่สำเร็จ")])
def test_form_without_csrf_token_gets_a_page_in_the_pages_language(language, heading):
    response = Client(enforce_csrf_checks=True).post(f"/{language}/search/", {"q": "Tokyo"})

    html = response.content.decode()
    assert response.status_code == 403
    assert heading in html
    assert not INLINE_STYLE.findall(html)
    assert_security_headers(response)


# Production settings


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="iad_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    env.update(extra)
    return env


def test_production_settings_pass_the_deploy_check_with_warnings_as_failures():
    result = subprocess.run(
        [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# Admin: lockout, address, sessions


def post_login(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR="203.0.113.7")


def test_admin_login_locks_after_repeated_wrong_passwords(client, django_user_model, settings):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_login(client, "staff", "wrong-password").status_code == 200

    locked = post_login(client, "staff", "wrong-password")
    right_password = post_login(client, "staff", "a-long-right-password")

    assert locked.status_code == 429
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(client, django_user_model, settings):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            reverse("admin:login"),
            {
                "username": "staff",
                "password": "a-long-right-password" if attempt == settings.AXES_FAILURE_LIMIT else "no",
            },
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}",
        )

    assert response.status_code == 429


def test_admin_login_still_works_below_the_failure_limit(client, django_user_model, settings):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        post_login(client, "staff", "wrong-password")

    response = post_login(client, "staff", "a-long-right-password")

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.parametrize(("language", "heading"), [("en", "Sign-in locked"), ("th", "ระงับการเข้าสู่ระบบชั่วคราว")])
def test_lockout_page_is_in_the_staff_members_language(client, django_user_model, settings, language, heading):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            reverse("admin:login"),
            {"username": "staff", "password": "wrong"},
            HTTP_ACCEPT_LANGUAGE=language,
        )

    assert response.status_code == 429
    assert heading in response.content.decode()
    assert " 30 " in response.content.decode()  # minutes to wait


@pytest.fixture
def admin_at(settings):
    """Reloads the URLs with ADMIN_URL changed, as a fresh start with that environment would."""
    import iad_site.urls

    def move(path):
        settings.ADMIN_URL = path
        importlib.reload(iad_site.urls)
        clear_url_caches()

    yield move
    settings.ADMIN_URL = "admin/"
    importlib.reload(iad_site.urls)
    clear_url_caches()


def test_admin_address_comes_from_admin_url_setting(client, admin_at):
    admin_at("office-staff-7f3a/")

    assert client.get("/office-staff-7f3a/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404


def test_admin_url_is_read_from_the_environment():
    result = subprocess.run(
        [PYTHON, "-c", "from django.conf import settings; print(settings.ADMIN_URL)"],
        cwd=ROOT,
        env=production_env(ADMIN_URL="/back-office"),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "back-office/"


def test_staff_session_cookie_ends_with_the_browser(admin_client):
    response = admin_client.get(reverse("admin:index"))

    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
    assert cookie["httponly"]


def test_staff_session_expires_after_two_idle_hours_at_most(admin_client):
    admin_client.get(reverse("admin:index"))

    assert 0 < admin_client.session.get_expiry_age() <= 2 * 60 * 60


def test_idle_staff_session_past_its_expiry_is_signed_out(admin_client):
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))

    response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_public_pages_set_no_cookie(client, public_path):
    response = client.get(public_path)

    assert not response.cookies


@pytest.mark.parametrize("password", ["bangkok", "1234567890123", "password1234", "somchai.staff"])
def test_weak_staff_passwords_are_refused(django_user_model, password):
    """Too short, all digits, a common password, too like the username."""
    with pytest.raises(ValidationError):
        validate_password(password, django_user_model(username="somchai.staff"))


# Sanitised HTML


def test_clean_html_removes_script_tags_and_event_handlers():
    html = '<p>Hello <b>Bangkok</b></p><script>alert(1)</script><img src="x.png" alt="x" onerror="alert(2)">'

    cleaned = Template("{% load site %}{{ html|clean_html }}").render(Context({"html": html}))

    assert "<script" not in cleaned
    assert "alert(1)" not in cleaned
    assert "onerror" not in cleaned
    assert "<p>Hello <b>Bangkok</b></p>" in cleaned
    assert '<img src="x.png" alt="x">' in cleaned


def test_clean_html_removes_javascript_links():
    cleaned = Template("{% load site %}{{ html|clean_html }}").render(
        Context({"html": '<a href="javascript:alert(1)">x</a>'})
    )

    assert "javascript:" not in cleaned


# The production server: gunicorn with production settings, as README's command starts it


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, **headers):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(urllib.request.Request(url, headers=headers), timeout=10)
    except urllib.error.HTTPError as error:
        return error


def manage(env, *command):
    """Runs a manage.py command in a server's environment; fails the test with its stderr if it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *command, "-v0"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"manage.py {command[0]} failed:\n{result.stderr[-3000:]}"


@contextlib.contextmanager
def running_server(env, *command, bind=None):
    """Starts a server on a free port (`bind` names its address option; runserver takes it as an argument),
    waits until /health/ answers, yields its base URL and stops it afterwards."""
    port = free_port()
    address = f"127.0.0.1:{port}"
    argv = [*command, bind, address] if bind else [*command, address]
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://{address}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(f"{base}/health/")
                break
            except OSError:
                assert process.poll() is None, f"{command[-1]} stopped at start-up"
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """gunicorn + production settings on a SQLite file of its own, static files collected by WhiteNoise."""
    tmp = tmp_path_factory.mktemp("prod")
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
    )
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        manage(env, *command)
    gunicorn = Path(PYTHON).with_name("gunicorn")
    with running_server(
        env, str(gunicorn), "iad_site.wsgi", "--workers", "1", "--no-control-socket", bind="--bind"
    ) as base:
        yield base, tmp / "static"


def test_production_server_sends_plain_http_to_https(production_server):
    base, _ = production_server

    response = fetch(f"{base}/th/")

    assert response.status == 301
    assert response.headers["Location"] == "https://127.0.0.1:{}/th/".format(base.rsplit(":", 1)[1])


def test_production_server_answers_health_checks_over_plain_http(production_server):
    base, _ = production_server

    response = fetch(f"{base}/health/")

    assert response.status == 200


def test_production_server_serves_pages_behind_an_https_proxy_with_every_header(production_server):
    base, _ = production_server

    response = fetch(f"{base}/en/", **{"X-Forwarded-Proto": "https"})

    assert response.status == 200
    assert_security_headers(response.headers)
    assert_hsts(response.headers)


def test_production_server_serves_hashed_compressed_static_files_cached_a_year(production_server):
    base, static_root = production_server
    hashed = next(static_root.glob("css/site.*.css")).name
    assert re.fullmatch(r"site\.[0-9a-f]{12}\.css", hashed)

    response = fetch(f"{base}/static/css/{hashed}", **{"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"})

    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    max_age = int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1))
    assert max_age >= YEAR
    assert "immutable" in response.headers["Cache-Control"]


def test_production_pages_link_the_hashed_static_files(production_server):
    base, _ = production_server

    html = fetch(f"{base}/th/", **{"X-Forwarded-Proto": "https"}).read().decode()

    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_production_server_serves_every_public_page(production_server, language):
    base, _ = production_server

    statuses = {
        path: fetch(f"{base}/{language}{path}", **{"X-Forwarded-Proto": "https"}).status for path in PUBLIC_PATHS
    }

    assert set(statuses.values()) == {200}, statuses


# The admin and public pages in a real browser under the policy: nothing blocked, language tabs and calendars work

BROWSER_CHECK = r"""
import json, sys
from playwright.sync_api import sync_playwright

base, username, password = sys.argv[1:4]
flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
report = {"violations": [], "errors": [], "pages": {}}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
    page = browser.new_page()
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.log('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    page.on("console", lambda m: m.text.startswith("CSP-VIOLATION") and report["violations"].append(m.text))
    page.on("pageerror", lambda e: report["errors"].append(str(e)))
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("[type=submit]")
    page.wait_for_url(base + "/admin/")
    for path in sys.argv[4:]:
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)  # violation events arrive just after the load
        report["pages"][path] = {
            "tabs": page.locator(".ui-tabs-nav").count(),
            "calendars": page.locator(".datetimeshortcuts").count(),
        }
    browser.close()
print(json.dumps(report))
"""


def translated_admin_forms():
    """A change form for each admin model with translated fields: where modeltranslation adds its tabs."""
    from modeltranslation.translator import translator

    paths = []
    for model in admin.site._registry:
        if model in translator.get_registered_models(abstract=False):
            obj = model._default_manager.order_by("pk").first()
            if obj is not None:
                opts = model._meta
                paths.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    return paths


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory):
    """runserver with the development settings (static files from the source folders), seeded."""
    tmp = tmp_path_factory.mktemp("dev")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="iad_site.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        DJANGO_SUPERUSER_PASSWORD="a-long-right-password",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "seed")
    manage(env, "createsuperuser", "--username", "checker", "--email", "c@example.org", "--noinput")
    with running_server(env, PYTHON, "manage.py", "runserver", "--noreload", "--skip-checks") as base:
        yield base, env


def test_admin_and_public_pages_work_in_a_browser_under_the_policy(dev_server):
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("/usr/bin/chromium is missing and REQUIRE_BROWSER=1")
        pytest.skip("/usr/bin/chromium is not installed")
    base, env = dev_server
    listing = subprocess.run(
        [
            PYTHON,
            "-c",
            "import django; django.setup(); from tests.test_security import translated_admin_forms as f; print(*f())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    forms = listing.stdout.split()
    assert forms, listing.stderr[-2000:]
    extra = ["/admin/", "/admin/auth/user/add/"] + [
        f"/{language}{path}" for language in LANGUAGES for path in PUBLIC_PATHS
    ]

    result = subprocess.run(
        [PYTHON, "-c", BROWSER_CHECK, base, "checker", "a-long-right-password", *forms, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["violations"] == []
    assert report["errors"] == []
    for path in forms:
        assert report["pages"][path]["tabs"] >= 1, path  # modeltranslation's TH / EN tabs were built by its script
    assert sum(page["calendars"] for page in report["pages"].values()) >= 1  # the admin's date widgets too
