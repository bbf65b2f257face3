"""A first visit's weight as the browser receives it from the production setup: gunicorn with the production
settings and WhiteNoise on a seeded SQLite file of its own (as tests/security/test_production_server.py
starts it), behind nginx compressing pages with the gzip settings of the shipped site,
deploy/nginx/iad.conf (gunicorn itself sends pages uncompressed: in production nginx compresses them). An
empty cache for each visit; the sizes are Chromium's own (every response's encodedDataLength, headers
included), fonts and flags included.
"""

import json
import re
import shutil

import pytest

from scripts.servers import ROOT, Server, free_port, manage
from tests.browser.conftest import missing_tool
from tests.browser.data import write_unseeded_examples
from tests.security.production import production_env

pytestmark = pytest.mark.own_processes

FIRST_VISIT_BUDGET = 100_000
NGINX_SITE = ROOT / "deploy" / "nginx" / "iad.conf"
# The server block's compression; gzip_static is about files on nginx's own disk, which this test has not.
GZIP_DIRECTIVE = re.compile(r"^\s*(gzip(?!_static)\w*\s[^;]*;)", re.MULTILINE)


def nginx_config(tmp, port, upstream_port):
    gzip = "\n    ".join(GZIP_DIRECTIVE.findall(NGINX_SITE.read_text()))
    temp = "\n    ".join(
        f"{kind}_temp_path {tmp / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
daemon off;
master_process off;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"};
events {{}}
http {{
    access_log off;
    {temp}
    {gzip}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream_port};
            proxy_set_header Host $host;
            # What the shipped site's TLS server block says: the visitor came over HTTPS.
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    """nginx's base URL in front of the seeded production server, and the paths of its public pages."""
    nginx = shutil.which("nginx") or shutil.which("/usr/sbin/nginx")
    if nginx is None:
        missing_tool("nginx is not installed (apt-get install nginx)")
    tmp = tmp_path_factory.mktemp("transfer")
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}", STATIC_ROOT=str(tmp / "static"), MEDIA_ROOT=str(tmp / "media")
    )
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["seed"]):
        manage(env, *command, "-v0")
    manage(env, "loaddata", str(write_unseeded_examples(tmp / "examples.json")), "-v0")
    pages = {(page["page_type"], page["language"]): page["path"] for page in json.loads(manage(env, "public_pages"))}
    config = tmp / "nginx.conf"
    with Server.gunicorn(env, log=tmp / "gunicorn.log") as gunicorn:
        port = free_port()
        config.write_text(nginx_config(tmp, port, gunicorn.port))
        with Server([nginx, "-c", str(config)], env, port, log=tmp / "nginx.log"):
            yield f"http://127.0.0.1:{port}", pages


def first_visit(browser, url):
    """{path: bytes received} of every response a first visit to `url` brings, with an empty cache."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls, received = {}, {}
    cdp.on("Network.requestWillBeSent", lambda event: urls.setdefault(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda event: received.update({event["requestId"]: event["encodedDataLength"]}))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    context.close()
    base = url.split("/", 3)[:3]
    return {urls[request].removeprefix("/".join(base)): size for request, size in received.items()}


@pytest.mark.parametrize("page_type", ["home", "city_list"])
def test_a_first_visit_fonts_and_flags_included_is_at_most_100_kb(browser, production_site, page_type, language):
    base, pages = production_site

    received = first_visit(browser, base + pages[page_type, language])

    assert any(path.endswith(".woff2") for path in received), received  # fonts counted, not left out
    assert sum(received.values()) <= FIRST_VISIT_BUDGET, received


@pytest.mark.parametrize("page_type", ["home", "city_list"])
def test_a_pages_flags_come_in_one_request(browser, production_site, page_type, language):
    base, pages = production_site

    received = first_visit(browser, base + pages[page_type, language])

    flag_requests = [path for path in received if "/static/img/flags" in path]
    # The directory shows a flag on each card; the home page only in a year with anniversaries.
    assert len(flag_requests) == (1 if page_type == "city_list" else len(flag_requests[:1])), flag_requests
