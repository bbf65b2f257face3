"""Fixtures for the browser suite: Debian's Chromium driven by Playwright against Django's live server.

- Chromium is /usr/bin/chromium (Debian's package), never a browser downloaded by `playwright install`.
  Without it the browser tests skip, unless REQUIRE_BROWSER=1 (set by .ci/run): then they fail.
- The flags keep Chromium from reaching for outside hosts on a closed network (../shared/TOOLING.md).
- Playwright's sync API runs an event loop in the main thread, which makes Django refuse database calls
  (SynchronousOnlyOperation) for the rest of the session: DJANGO_ALLOW_ASYNC_UNSAFE lifts that check.
- The seed content (`manage.py seed`) is loaded once, so detail pages are real published objects, plus
  made-up embassies (the seed has none) so the embassy directory is checked with entries.
"""

import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.pages import LANGUAGES, PAGE_TYPES, PAGE_TYPES_BY_NAME, path_for, write_test_embassies

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
ROOT = Path(__file__).resolve().parent.parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Axe rule tags: WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

PHONE_WIDTH = 375

ALL = [(page_type, language) for page_type in PAGE_TYPES for language in LANGUAGES]


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


@dataclass
class Site:
    """The seeded site under test: its base URL and the address of every page type in both languages."""

    url: str
    paths: dict


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Django's live server over the test database, with the seed content loaded once for this package.

    pytest-django's own `live_server` fixture empties the database after every test, so the seed would
    have to be loaded again for each of the hundreds of page visits; instead the same LiveServer runs once
    here, the database is unblocked for its thread while the browser tests run, and emptied afterwards so
    the rest of the suite starts from a clean database as usual.
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
        paths = {(page_type.name, language): path_for(page_type.name, language) for page_type, language in ALL}
        server = LiveServer("localhost")
        try:
            yield Site(url=server.url, paths=paths)
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(params=[page_type.name for page_type in PAGE_TYPES])
def page_type(request):
    return request.param


@pytest.fixture
def visit(site, page):
    """Open one page type in one language, check its status, and wait for its web fonts."""

    def go(page_type_name, language, **goto_kwargs):
        response = page.goto(site.url + site.paths[page_type_name, language], **goto_kwargs)
        assert response.status == PAGE_TYPES_BY_NAME[page_type_name].status, response.url
        page.evaluate("document.fonts.ready")
        return page

    return go


@pytest.fixture(scope="session")
def java():
    path = shutil.which("java")
    if path is None:
        missing_tool("Java is not installed (apt-get install default-jre-headless)")
    return path


@pytest.fixture(scope="session")
def vnu_jar():
    if not VNU_JAR.exists():
        missing_tool(f"{VNU_JAR.relative_to(ROOT)} is missing (run `npm ci`)")
    return VNU_JAR
