"""The Nu HTML Checker finds no error in any public page type in either language, nor in the server-error
page, the CSS and the SVG.

Every page is saved from the live server and all files go to one `java -jar vnu.jar` run: the JVM takes
seconds to start, so one run for everything, not one per page. vnu refuses URLs on 127.0.0.1, hence files.
"""

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.browser.conftest import ALL, ROOT
from tests.browser.pages import LANGUAGES

# The seed is loaded into the test database, which pytest-django creates only for tests that ask.
pytestmark = pytest.mark.django_db

STATIC = ROOT / "static"


def fetch(url):
    """(status, body) of one page; the 404 page is checked too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_every_page_css_and_svg_pass_the_nu_html_checker(site, java, vnu_jar, tmp_path):
    files = []
    for page_type, language in ALL:
        target = tmp_path / f"{page_type.name}-{language}.html"
        status, body = fetch(site.url + site.paths[page_type.name, language])
        assert status == page_type.status, target.name
        target.write_bytes(body)
        files.append(target)
    for language in LANGUAGES:  # the server-error page, which no working URL shows
        with translation.override(language):
            response = server_error(RequestFactory().get(f"/{language}/"))
        target = tmp_path / f"server_error-{language}.html"
        target.write_bytes(response.content)
        files.append(target)
    files += sorted(STATIC.glob("css/*.css")) + sorted(STATIC.glob("img/*.svg"))

    result = subprocess.run(
        [java, "-jar", str(vnu_jar), "--format", "json", "--also-check-css", "--also-check-svg", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] in {"error", "non-document-error"} or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr[-2000:]
