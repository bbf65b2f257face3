"""The strict content security policy (script-src 'self', no inline style) must break nothing: no page
carries what it would block, and in a real browser the admin and the public pages run without a violation."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from scripts.servers import PYTHON, ROOT, Server, manage
from tests.security.assertions import assert_security_headers

# A <script> without src that a browser would run. JSON-LD (structured data) is a data block, never run, so
# the policy does not apply to it.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/ld\+json\")[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[\s>]|<[^>]+\sstyle\s*=", re.IGNORECASE)


def admin_pages(user):
    """Admin address -> the status it must answer for `user`: the index and, for every registered model,
    its list, its add form (refused with 403 where its admin allows no adding: axes' logs, sent emails,
    a second home page) and the change form of its first item in the seed content."""
    request = RequestFactory().get(reverse("admin:index"))
    request.user = user
    pages = {reverse("admin:index"): 200}
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages[reverse(f"{name}_changelist")] = 200
        pages[reverse(f"{name}_add")] = 200 if model_admin.has_add_permission(request) else 403
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages[reverse(f"{name}_change", args=[first.pk])] = 200
    return pages


def test_admin_pages_have_no_inline_script_the_policy_would_block(admin_client, admin_user, seed):
    """The admin (and modeltranslation's language tabs) must keep working under script-src 'self'."""
    pages = admin_pages(admin_user)

    responses = {url: admin_client.get(url, follow=True) for url in pages}

    assert {url: response.status_code for url, response in responses.items()} == pages
    # Each answers at its own address, but a list may open the form of its one item (the home page's).
    assert [url for url, response in responses.items() if not response.request["PATH_INFO"].startswith(url)] == []
    assert sum(url.endswith("/change/") for url in pages) > len(admin.site._registry) / 2
    for url, response in responses.items():
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), url
        assert not EVENT_HANDLER.findall(html), url
        assert_security_headers(response)


def test_public_pages_have_nothing_inline_the_policy_would_block(client, public_page):
    """No inline script, event handler, <style> or style="": the strict CSP would block them in browsers."""
    response = public_page.get(client)

    html = response.content.decode()
    assert "text/html" in response["Content-Type"]
    assert not INLINE_SCRIPT.findall(html)
    assert not EVENT_HANDLER.findall(html)
    assert not INLINE_STYLE.findall(html), INLINE_STYLE.findall(html)[:3]


# The admin and public pages in a real browser under the policy: nothing blocked, language tabs and calendars work

BROWSER_CHECK = r"""
import json, sys
from playwright.sync_api import sync_playwright

base, username, password = sys.argv[1:4]
flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
# Set before any of the page's own code runs, in every document: the page keeps its own list of what the
# policy blocked, read once the page has finished.
COLLECT_VIOLATIONS = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push("
    "`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));"
)
report = {"errors": [], "pages": {}}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
    page = browser.new_page()
    page.add_init_script(COLLECT_VIOLATIONS)
    page.on("pageerror", lambda e: report["errors"].append(str(e)))

    def visit(path):
        # Finished: loaded, then no request for 500 ms, so every resource the page asked for was fetched
        # or blocked, and what its scripts build on load (language tabs, calendars) is built.
        response = page.goto(base + path, wait_until="networkidle")
        report["pages"][path] = {
            "status": response.status,
            "violations": page.evaluate("window.cspViolations"),
            "tabs": page.locator(".ui-tabs-nav").count(),
            "calendars": page.locator(".datetimeshortcuts").count(),
        }

    visit("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("[type=submit]")
    page.wait_for_url(base + "/admin/")
    for path in sys.argv[4:]:
        visit(path)
    browser.close()
print(json.dumps(report))
"""

# Run in the dev server's environment: a change form for each admin model with translated fields, where
# modeltranslation adds its tabs.
TRANSLATED_ADMIN_FORMS = """
import django
django.setup()
from django.contrib import admin
from django.urls import reverse
from modeltranslation.translator import translator
for model in admin.site._registry:
    if model in translator.get_registered_models(abstract=False):
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            print(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk]))
"""


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
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "createsuperuser", "--username", "checker", "--email", "c@example.org", "--noinput")
    with Server.runserver(env, log=tmp / "runserver.log") as server:
        yield server, env


@pytest.mark.own_processes
def test_admin_and_public_pages_work_in_a_browser_under_the_policy(dev_server):
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("/usr/bin/chromium is missing and REQUIRE_BROWSER=1")
        pytest.skip("/usr/bin/chromium is not installed")
    server, env = dev_server
    listing = subprocess.run(
        [PYTHON, "-c", TRANSLATED_ADMIN_FORMS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    forms = listing.stdout.split()
    assert forms, listing.stderr[-2000:]
    public = {page["path"]: page["status"] for page in json.loads(manage(env, "public_pages"))}
    staff_pages = [*forms, "/admin/", "/admin/auth/user/add/"]

    result = subprocess.run(
        [PYTHON, "-c", BROWSER_CHECK, server.base, "checker", "a-long-right-password", *staff_pages, *public],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    pages = report["pages"]
    expected = {"/admin/login/": 200} | dict.fromkeys(staff_pages, 200) | public
    assert {path: page["status"] for path, page in pages.items()} == expected
    assert {path: page["violations"] for path, page in pages.items() if page["violations"]} == {}
    assert report["errors"] == []
    for path in forms:
        assert pages[path]["tabs"] >= 1, path  # modeltranslation's TH / EN tabs were built by its script
    assert sum(page["calendars"] for page in pages.values()) >= 1  # the admin's date widgets too
