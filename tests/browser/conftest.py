"""Fixtures for the browser suite: Debian's Chromium driven by Playwright against Django's live server.

- Chromium is /usr/bin/chromium (Debian's package), never a browser downloaded by `playwright install`.
  Without it the browser tests skip, unless REQUIRE_BROWSER=1 (set by .ci/run): then they fail. The same
  goes for Java and node_modules/vnu-jar, which the HTML check needs.
- The flags keep Chromium from reaching for outside hosts on a closed network (../shared/TOOLING.md).
- Playwright's sync API runs an event loop in the main thread, which makes Django refuse database calls
  (SynchronousOnlyOperation) for the rest of the session: DJANGO_ALLOW_ASYNC_UNSAFE lifts that check.
- The seed content (`manage.py seed`) is loaded once, so detail pages are real published objects, plus
  made-up embassies (the seed has none) so the embassy directory is checked with entries.
- Every test here starts its own processes (the browser, the checker's JVM): marked `own_processes`, so
  CI runs them in its SQLite pass only.
"""

import io
import math
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from iad_site.core import sections
from tests.browser.checks import Load
from tests.browser.data import write_test_embassies, write_unseeded_examples
from tests.browser.nu_checker import NuChecker

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # First, so that the --database-dependent-only filter of tests/conftest.py sees the mark.
    places = [index for index, item in enumerate(items) if HERE in Path(item.path).parents]
    ours = [items[index] for index in places]
    for item in ours:
        item.add_marker(pytest.mark.own_processes)
    # The narrow windows first: they need no HTML checker, whose JVM warms up meanwhile.
    ours.sort(key=lambda item: item.callspec.params.get("width", math.inf) if hasattr(item, "callspec") else math.inf)
    for index, item in zip(places, ours, strict=True):
        items[index] = item


def browser_required():
    return os.environ.get("REQUIRE_BROWSER") == "1"


def missing_tool(reason):
    """Skip on a developer machine without the tool; fail in CI, where REQUIRE_BROWSER=1."""
    if browser_required():
        pytest.fail(f"{reason}, and REQUIRE_BROWSER=1 says the browser tools must run here (see .ci/run).")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        missing_tool(f"{CHROMIUM} is not installed (apt-get install chromium fonts-thai-tlwg)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def nu_checker(tmp_path_factory):
    """The Nu HTML Checker's web service, started in the background on first use of the fixture."""
    java = shutil.which("java")
    if java is None:
        missing_tool("Java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing_tool(f"{VNU_JAR.relative_to(ROOT)} is missing (run `npm ci`)")
    checker = NuChecker(java, VNU_JAR, log=tmp_path_factory.mktemp("vnu") / "vnu.log").start()
    yield checker
    checker.stop()


@dataclass
class Site:
    """The seeded site under test: its base URL and, for each (page type, language), the address of a real
    example, its expected status and whether it asks search engines not to index it."""

    url: str
    pages: dict


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker, nu_checker, tmp_path_factory):
    """Django's live server over the test database, with the seed content loaded once for this package.

    pytest-django's own `live_server` fixture empties the database after every test, so the seed would
    have to be loaded again for each page; instead the same LiveServer runs once here, the database is
    unblocked for its thread while the browser tests run, and emptied afterwards so the rest of the suite
    starts from a clean database as usual. The checker starts first, to warm up while the seed loads.
    """
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    # The seed is loaded outside any test's transaction and the database is flushed afterwards: make
    # sure that is the test database. pytest-django creates it only when a collected test asks for the
    # database, hence the django_db mark on every module here.
    name = str(connection.settings_dict["NAME"])
    assert name == connection.settings_dict["TEST"].get("NAME") or name.startswith(("test_", "file:memorydb")), (
        f"not a test database: {name}"
    )

    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)
        embassies = write_test_embassies(tmp_path_factory.mktemp("seed") / "embassies.csv")
        call_command("import_embassies", embassies, stdout=io.StringIO())
        examples = write_unseeded_examples(tmp_path_factory.mktemp("seed") / "examples.json")
        call_command("loaddata", examples, verbosity=0)
        pages = {
            (name, language): (path, status, noindex)
            for name, language, path, status, noindex in sections.public_pages()
        }
        server = LiveServer("localhost")
        try:
            yield Site(url=server.url, pages=pages)
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="package")
def tab(browser):
    """One browser tab for the whole suite, which each test navigates to its page: opening a tab costs about
    as much as loading a page in it, and a tab keeps the static files in its cache from page to page."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def visit(site, tab):
    """Open one page type in one language in a window of the given size; wait for its web fonts."""
    console = []

    def on_console(message):
        if message.type == "error":
            console.append((message.text, message.location.get("url", "")))

    def on_page_error(error):
        console.append((f"script error: {error}", ""))

    def go(page_type_name, language, viewport):
        path, status, noindex = site.pages[page_type_name, language]
        tab.set_viewport_size(viewport)
        tab.on("console", on_console)
        tab.on("pageerror", on_page_error)
        response = tab.goto(site.url + path)
        load = Load(tab, response, site.url, language, status, noindex, console)
        tab.evaluate("document.fonts.ready")
        return load

    yield go
    tab.remove_listener("console", on_console)
    tab.remove_listener("pageerror", on_page_error)


@pytest.fixture
def form_settings(settings):
    """For the tests that post public forms: the live server runs in this process, so no wait before sending and
    no rate limit across the suite's posts."""
    settings.INBOX_MIN_FILL_SECONDS = 0
    settings.INBOX_RATE_LIMITS = {"address": (10_000, 3600), "email": (10_000, 86400)}
