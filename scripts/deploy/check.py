"""`make deploy-check`: the shipped nginx site (deploy/nginx/iad.conf) in front of gunicorn with the production
settings on PostgreSQL, all on loopback, with a throwaway certificate, checked as a visitor and a staff member
meet it. One line per check (PASS or FAIL, and what it saw); exit status 1 if any failed. Everything it starts
(gunicorn, nginx, its database, its folder) is stopped and removed at the end, also on Ctrl-C or SIGTERM.

The site file runs with only its ports, paths and host name changed (render_site lists each change and stops
if the file no longer has what it replaces), inside Debian's own /etc/nginx/nginx.conf with its paths moved
to the run's folder. Installs nginx, openssl and PostgreSQL from Debian where they are missing (root needed
then only).
"""

import contextlib
import gzip
import html
import http.client
import io
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import warnings
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.deploy.sandbox import own_database, production_env, setup_machine  # noqa: E402
from scripts.servers import GUNICORN, Server, free_port, manage  # noqa: E402

SITE_FILE = ROOT / "deploy" / "nginx" / "iad.conf"
UNITS = ROOT / "deploy" / "systemd"
DEBIAN_NGINX_CONF = Path("/etc/nginx/nginx.conf")
HOST = "localhost"
STAFF = "deploycheck"
STAFF_PASSWORD = secrets.token_urlsafe(24)
MEDIA_SAMPLE = "deploy-check/sample.png"


def render_site(app_port, http_port, https_port, work):
    """deploy/nginx/iad.conf with the run's ports, folders and host name: each replacement must match as many
    times as written here, so a change to the file cannot silently leave part of it untested."""
    text = SITE_FILE.read_text()
    replacements = [
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};", 1),
        ("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;", 1),
        ("listen 443 ssl default_server;", f"listen 127.0.0.1:{https_port} ssl default_server;", 1),
        ("listen 80;", f"listen 127.0.0.1:{http_port};", 1),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;", 1),
        # Loopback IPv4 only: a CI machine or container may have no IPv6 at all.
        ("    listen [::]:80 default_server;\n", "", 1),
        ("    listen [::]:443 ssl default_server;\n", "", 1),
        ("    listen [::]:80;\n", "", 1),
        ("    listen [::]:443 ssl http2;\n", "", 1),
        ("server_name iad.example.go.th;", f"server_name {HOST};", 2),
        # The redirect's target carries the port when it is not 443.
        ("return 301 https://$host$request_uri;", f"return 301 https://$host:{https_port}$request_uri;", 1),
        ("/etc/ssl/iad/fullchain.pem", str(work / "tls" / "cert.pem"), 1),
        ("/etc/ssl/iad/privkey.pem", str(work / "tls" / "key.pem"), 1),
        ("/srv/iad/staticfiles/", f"{work / 'static'}/", 1),
        ("/var/lib/iad/media/", f"{work / 'media'}/", 1),
        ("/var/log/nginx/", f"{work / 'logs'}/", 4),
        ("/var/www/letsencrypt", str(work / "acme"), 1),
    ]
    for old, new, count in replacements:
        found = text.count(old)
        if found != count:
            raise SystemExit(f"{SITE_FILE}: expected {count} of {old.strip()!r}, found {found}; update render_site.")
        text = text.replace(old, new)
    return text


def render_main_conf(work, site):
    """Debian's /etc/nginx/nginx.conf, its pid, logs and temporary folders moved into the run's folder, its
    sites-enabled/ replaced by the rendered site and its conf.d/ (local additions) left out."""
    text = DEBIAN_NGINX_CONF.read_text()
    temp = "\n".join(
        f"\t{kind}_temp_path {work / 'nginx' / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    replacements = [
        # The master switches its workers to www-data only when it runs as root, as Debian's service does.
        (r"^user\s+[^;]+;", lambda _: "user www-data;" if os.geteuid() == 0 else ""),
        (r"^pid\s+[^;]+;", lambda _: f"pid {work / 'nginx' / 'nginx.pid'};"),
        (r"^(\s*)error_log\s+[^;]+;", lambda line: f"{line[1]}error_log {work / 'logs' / 'error.log'};"),
        (r"^(\s*)access_log\s+[^;]+;", lambda line: f"{line[1]}access_log {work / 'logs' / 'access.log'};"),
        (r"^\s*include /etc/nginx/conf\.d/\*\.conf;", lambda _: ""),
        (r"^(\s*)include /etc/nginx/sites-enabled/\*;", lambda line: f"{temp}\n{line[1]}include {site};"),
    ]
    for pattern, new in replacements:
        text, found = re.subn(pattern, new, text, flags=re.M)
        if found != 1:
            raise SystemExit(f"{DEBIAN_NGINX_CONF} has no line matching {pattern!r}: not Debian's file?")
    return text


def unit_lines(unit, key):
    return [line.split("=", 1)[1] for line in (UNITS / unit).read_text().splitlines() if line.startswith(f"{key}=")]


def gunicorn_from_unit(env, port, log):
    """gunicorn started as deploy/systemd/iad-gunicorn.service starts it (its ExecStart and Environment=, the
    environment file winning as in systemd), with this checkout's virtualenv and the run's port."""
    (exec_start,) = unit_lines("iad-gunicorn.service", "ExecStart")
    argv = shlex.split(exec_start)
    for old, new in (("/srv/iad/.venv/bin/gunicorn", GUNICORN), ("127.0.0.1:8000", f"127.0.0.1:{port}")):
        if argv.count(old) != 1:
            raise SystemExit(f"iad-gunicorn.service: expected {old} once in ExecStart; update gunicorn_from_unit.")
        argv[argv.index(old)] = new
    unit_env = dict(
        item.split("=", 1) for line in unit_lines("iad-gunicorn.service", "Environment") for item in shlex.split(line)
    )
    return Server(argv, {**unit_env, **env}, port, log=log)


def unit_notes(env):
    """Which timer's command this version of the site has: a unit whose command is missing waits for it."""
    commands = set(manage(env, "help", "--commands").split())
    for unit in sorted(UNITS.glob("*.service")):
        for line in unit_lines(unit.name, "ExecStart"):
            if " manage.py " in line:
                command = line.split(" manage.py ", 1)[1].split()[0]
                state = "present" if command in commands else "NOT in this version yet: leave its timer disabled"
                print(f"NOTE  {unit.name} runs manage.py {command}: {state}", flush=True)


def units_verified():
    """systemd's own reading of every unit; only the executables under /srv/iad, absent here, may be missing."""
    result = subprocess.run(
        ["systemd-analyze", "verify", *map(str, sorted(UNITS.glob("*.*")))], capture_output=True, text=True
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and not re.search(r"Command /srv/iad/\S+ is not executable", line)
    ]
    expect(not problems, "; ".join(problems))
    return f"{len(list(UNITS.glob('*.*')))} units and timers read without complaint"


class Nginx(Server):
    """Ready once its HTTPS port accepts connections (what it answers there is for the checks to judge)."""

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"nginx did not listen on port {self.port}:\n{self.log.read_text(errors='replace')[-3000:]}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Requests with cookies kept, redirects returned rather than followed, TLS checked against our certificate."""

    def __init__(self, base, context, language=None):
        self.base, self.language = base, language
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def request(self, path, data=None, headers=None):
        headers = dict(headers or {})
        if self.language:
            headers.setdefault("Accept-Language", self.language)
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def cookie(self, name):
        return next((cookie.value for cookie in self.jar if cookie.name == name), None)

    def post_form(self, path, fields, files=()):
        """A form as a browser sends it, multipart, with the Referer and Origin a same-origin form carries."""
        boundary = uuid.uuid4().hex
        body = io.BytesIO()
        for name, value in fields:
            body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
            body.write(str(value).encode() + b"\r\n")
        for name, filename, content in files:
            body.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/pdf\r\n\r\n".encode()
            )
            body.write(content + b"\r\n")
        body.write(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": self.base + path,
            "Origin": self.base,
        }
        return self.request(path, data=body.getvalue(), headers=headers)


class FormFields(HTMLParser):
    """What a browser would send from the first form with a field name `wanted` accepts: [name, value, kind]
    for every field (kind: the input's type, "date" for the admin's date and time inputs, or the tag), and
    the names of its file inputs."""

    def __init__(self, wanted):
        super().__init__()
        self.wanted, self.forms, self.current = wanted, [], None
        self.select, self.textarea = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"fields": [], "files": []}
            self.forms.append(self.current)
        elif self.current is None or "disabled" in attrs:
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind == "file":
                self.current["files"].append(attrs["name"])
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if {"vDateField", "vTimeField"} & set(attrs.get("class", "").split()):
                kind = "date"
            value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            self.current["fields"].append([attrs["name"], value, kind])
        elif tag == "textarea":
            self.textarea = [attrs["name"], "", "textarea"]
            self.current["fields"].append(self.textarea)
        elif tag == "select":
            self.select = {"name": attrs["name"], "first": None, "chosen": False}
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.current["fields"].append([self.select["name"], value, "select"])
                self.select["chosen"] = True

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "textarea":
            # A browser drops the newline that follows <textarea>, which Django writes.
            if self.textarea:
                self.textarea[1] = self.textarea[1].removeprefix("\n")
            self.textarea = None
        elif tag == "select" and self.select:
            if not self.select["chosen"] and self.select["first"] is not None:
                self.current["fields"].append([self.select["name"], self.select["first"], "select"])
            self.select = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def form(self, page):
        self.feed(page)
        for form in self.forms:
            if any(self.wanted(name) for name, _value, _kind in form["fields"]):
                return form["fields"], form["files"]
        raise LookupError("no such form on the page")


def pdf_inline():
    """Where staff upload the largest files the site takes: the first admin inline (by model label) whose rows
    hold a PDF (a file field checked by validate_pdf), on a parent the seed has. Its parent's change address,
    the inline's model and the PDF field's name."""
    from django.contrib import admin
    from django.db import models
    from django.urls import reverse

    from iad_site.core.uploads import validate_pdf

    for model, model_admin in sorted(admin.site._registry.items(), key=lambda entry: entry[0]._meta.label):
        parent = model._base_manager.order_by("pk").first()
        for inline in model_admin.inlines if parent else ():
            for field in inline.model._meta.fields:
                shown = inline.fields is None or field.name in inline.fields
                if isinstance(field, models.FileField) and validate_pdf in field.validators and shown:
                    change = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[parent.pk])
                    return change, inline.model, field.name
    raise SystemExit("No admin inline takes a PDF on the seed's content: update pdf_inline.")


def pdf_of(size):
    """A PDF of exactly `size` bytes that the site's PDF check accepts (header, padding, end-of-file marker)."""
    head, tail = b"%PDF-1.4\n%deploy-check\n", b"\nstartxref\n0\n%%EOF\n"
    return head + b"0" * (size - len(head) - len(tail)) + tail


class Checks:
    def __init__(self):
        self.results = []

    def run(self, name, check):
        try:
            seen = check()
            passed = True
        except CheckFailed as failure:
            seen, passed = str(failure), False
        except Exception as error:  # any other error is this check's failure, not the run's end
            seen, passed = f"{type(error).__name__}: {error}", False
        self.results.append(passed)
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {seen}", flush=True)


class CheckFailed(Exception):
    pass


def expect(condition, seen):
    if not condition:
        raise CheckFailed(seen)
    return seen


def header_summary(headers, *names):
    return ", ".join(f"{name}: {headers.get(name)}" for name in names)


def site_checks(checks, *, https, http_base, app, context, work, https_port):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import translation

    from iad_site.core.uploads import MAX_PDF_BYTES, validate_pdf
    from tests.security.assertions import assert_hsts, assert_security_headers

    visitor = Browser(https, context)

    def page_with_headers(path):
        def check():
            status, headers, body = visitor.request(path)
            expect(status == 200, f"status {status}")
            try:
                assert_security_headers(headers)
                assert_hsts(headers)
            except (AssertionError, TypeError, KeyError) as error:
                raise CheckFailed(f"headers {dict(headers)}") from error
            names = [name for name in headers if name.lower() not in ("date", "content-length", "connection")]
            return f"200, {len(body)} bytes, headers: {', '.join(names)}"

        return check

    for path in ("/th/", "/en/", "/admin/login/"):
        checks.run(f"https {path} 200 with every security header", page_with_headers(path))

    def plain_http_redirected(headers=None):
        def check():
            status, response_headers, _ = Browser(http_base, context).request("/th/", headers=headers)
            location = response_headers.get("Location")
            expect(status == 301 and location == f"{https}/th/", f"status {status}, Location {location}")
            return f"301 to {location}"

        return check

    checks.run("http:// redirected to https://", plain_http_redirected())
    checks.run(
        "a visitor's X-Forwarded-Proto: https over http still redirected",
        plain_http_redirected({"X-Forwarded-Proto": "https"}),
    )

    def forged_http_over_https():
        # Were the visitor's value passed on, Django would see plain HTTP and redirect to HTTPS again.
        status, headers, _ = visitor.request("/en/", headers={"X-Forwarded-Proto": "http"})
        expect(status == 200, f"status {status}, Location {headers.get('Location')}")
        return "200: nginx's own X-Forwarded-Proto replaced the visitor's 'http'"

    checks.run("a visitor's X-Forwarded-Proto: http over https replaced by nginx's", forged_http_over_https)

    def other_host_over_http():
        connection = http.client.HTTPConnection("127.0.0.1", int(http_base.rsplit(":", 1)[1]), timeout=10)
        try:
            connection.request("GET", "/th/", headers={"Host": "attacker.example"})
            status = connection.getresponse().status
        except (http.client.RemoteDisconnected, ConnectionResetError):
            return "connection closed without an answer (444)"
        finally:
            connection.close()
        raise CheckFailed(f"answered {status}")

    def other_host_over_https():
        other = ssl.create_default_context()
        other.check_hostname, other.verify_mode = False, ssl.CERT_NONE
        try:
            with (
                socket.create_connection(("127.0.0.1", https_port), timeout=10) as raw,
                other.wrap_socket(raw, server_hostname="attacker.example"),
            ):
                pass
        except ssl.SSLError as error:
            return f"handshake refused ({error.reason})"
        raise CheckFailed("handshake completed")

    checks.run("another host name refused over http", other_host_over_http)
    checks.run("another host name refused over https", other_host_over_https)

    def tls(version, ciphers=None):
        client = ssl.create_default_context(cafile=str(work / "tls" / "cert.pem"))
        with warnings.catch_warnings():
            # Python deprecates TLS 1.1 too; here it is asked for to see the server refuse it.
            warnings.simplefilter("ignore", DeprecationWarning)
            client.minimum_version = client.maximum_version = version
        if ciphers:
            client.set_ciphers(ciphers)
        with (
            socket.create_connection(("127.0.0.1", https_port), timeout=10) as raw,
            client.wrap_socket(raw, server_hostname=HOST) as connection,
        ):
            return connection.version(), connection.cipher()[0]

    def tls_accepted(version, ciphers=None):
        def check():
            negotiated, cipher = tls(version, ciphers)
            return f"{negotiated} {cipher}"

        return check

    def tls_refused(version, ciphers):
        def check():
            try:
                negotiated, cipher = tls(version, ciphers)
            except ssl.SSLError as error:
                # An alert is the server's refusal; any other error would be this client's own.
                expect("ALERT" in (error.reason or ""), f"not sent: {error}")
                return f"refused by the server ({error.reason})"
            raise CheckFailed(f"accepted {negotiated} {cipher}")

        return check

    checks.run("TLS 1.3 accepted", tls_accepted(ssl.TLSVersion.TLSv1_3))
    checks.run(
        "TLS 1.2 with ECDHE and AES-GCM accepted", tls_accepted(ssl.TLSVersion.TLSv1_2, "ECDHE-RSA-AES128-GCM-SHA256")
    )
    checks.run("TLS 1.2 with a CBC suite refused", tls_refused(ssl.TLSVersion.TLSv1_2, "ECDHE-RSA-AES128-SHA"))
    checks.run("TLS 1.1 refused", tls_refused(ssl.TLSVersion.TLSv1_1, "DEFAULT:@SECLEVEL=0"))

    def media_served_by_nginx():
        original = (work / "media" / MEDIA_SAMPLE).read_bytes()
        status, headers, body = visitor.request(f"/media/{MEDIA_SAMPLE}")
        expect(status == 200 and body == original, f"status {status}, {len(body)} bytes")
        # Django serves no media in production: the same address straight from gunicorn is not found.
        direct = Browser(app.base, None).request(
            f"/media/{MEDIA_SAMPLE}", headers={"Host": HOST, "X-Forwarded-Proto": "https"}
        )[0]
        expect(direct == 404, f"gunicorn itself answered {direct}")
        expect(headers.get("X-Content-Type-Options") == "nosniff", header_summary(headers, "X-Content-Type-Options"))
        expect(headers.get("Cache-Control") == "public, max-age=3600", header_summary(headers, "Cache-Control"))
        return (
            f"200, {len(body)} bytes as on disk ({header_summary(headers, 'Cache-Control', 'Last-Modified')}); "
            f"gunicorn answers the same address {direct}"
        )

    checks.run("a media file served by nginx", media_served_by_nginx)

    hashed = next((work / "static" / "css").glob("site.*.css")).name

    def static_immutable():
        status, headers, _ = visitor.request(f"/static/css/{hashed}", headers={"Accept-Encoding": "gzip"})
        cache_control = headers.get("Cache-Control")
        expect(status == 200, f"status {status}")
        expect(cache_control == "public, max-age=31536000, immutable", f"Cache-Control {cache_control}")
        expect(headers.get("Content-Encoding") == "gzip", header_summary(headers, "Content-Encoding"))
        expect(headers.get("X-Content-Type-Options") == "nosniff", header_summary(headers, "X-Content-Type-Options"))
        page = visitor.request("/th/")[2].decode()
        expect(f'href="/static/css/{hashed}"' in page, "the page does not link the hashed name")
        # WhiteNoise would have written max-age=315360000 first: this is nginx's header.
        return f"/static/css/{hashed} linked by /th/: {header_summary(headers, 'Cache-Control', 'Content-Encoding')}"

    def static_unhashed_short():
        status, headers, _ = visitor.request("/static/css/site.css")
        cache_control = headers.get("Cache-Control")
        expect(status == 200 and cache_control == "public, max-age=3600", f"status {status}, {cache_control}")
        return f"/static/css/site.css: Cache-Control {cache_control}"

    checks.run("hashed static files cached a year, immutable, gzip", static_immutable)
    checks.run("unhashed static files cached an hour", static_unhashed_short)

    def pages_compressed():
        status, headers, body = visitor.request("/en/", headers={"Accept-Encoding": "gzip"})
        expect(status == 200 and headers.get("Content-Encoding") == "gzip", f"status {status}, {dict(headers)}")
        page = gzip.decompress(body)
        expect(b'<html lang="en">' in page, "the decompressed body is not the page")
        return f"/en/ {len(body)} bytes gzip, {len(page)} bytes as HTML; Vary: {headers.get('Vary')}"

    checks.run("pages compressed", pages_compressed)

    def plain_text(base, path, expected):
        def check():
            status, headers, body = Browser(base, context).request(path)
            content_type = headers.get("Content-Type")
            seen = f"{status} {content_type} {body.decode()!r}"
            expect((status, content_type, body) == (200, "text/plain", expected), seen)
            return seen

        return check

    checks.run("/health/ plain text over https", plain_text(https, "/health/", b"ok"))
    checks.run("/health/ plain text over http, not redirected", plain_text(http_base, "/health/", b"ok"))

    def ready():
        seen = plain_text(https, "/ready/", b"ready")()
        cache_control = Browser(https, context).request("/ready/")[1].get("Cache-Control")
        expect("no-store" in cache_control, f"Cache-Control {cache_control}")
        return f"{seen}, Cache-Control: {cache_control}"

    checks.run("/ready/ plain text, never cached", ready)

    # Uploads, as a staff member adds a row with a PDF (a city's signed agreement, say) in the admin.
    change_path, row_model, pdf_field = pdf_inline()

    def signed_in(language):
        staff = Browser(https, context, language)
        login, _ = FormFields(lambda name: name == "username").form(staff.request("/admin/login/")[2].decode())
        fields = [(name, value) for name, value, _ in login if name not in ("username", "password")]
        fields += [("username", STAFF), ("password", STAFF_PASSWORD)]
        status, headers, _ = staff.post_form("/admin/login/?next=/admin/", fields)
        expect(status == 302, f"sign-in answered {status}")
        return staff

    def add_row(staff, label, content):
        """The change form as it is, plus one new inline row: its empty text fields say `label`, its PDF field
        carries `content` as deploy-check-LABEL.pdf."""
        page = staff.request(change_path)[2].decode()
        fields, files = FormFields(lambda name: name.endswith("-TOTAL_FORMS")).form(page)
        prefix = sorted(name.split("-__prefix__-")[0] for name in files if name.endswith(f"-__prefix__-{pdf_field}"))[0]
        total = f"{prefix}-TOTAL_FORMS"
        index = int(next(value for name, value, _ in fields if name == total))
        data = [(name, value) for name, value, _ in fields if "__prefix__" not in name and name != total]
        data += [(total, index + 1), ("_save", "Save")]
        for name, value, kind in fields:
            if name.startswith(f"{prefix}-__prefix__-"):
                filled = value or (label if kind in ("text", "textarea") else "")
                data.append((name.replace("__prefix__", str(index)), filled))
        upload = (f"{prefix}-{index}-{pdf_field}", f"deploy-check-{label}.pdf", content)
        return staff.post_form(change_path, data, [upload])

    def saved(label):
        return row_model._base_manager.filter(**{f"{pdf_field}__contains": f"deploy-check-{label}"})

    def at_the_limit():
        staff = signed_in("en")
        status, headers, _ = add_row(staff, "at-the-limit", pdf_of(MAX_PDF_BYTES))
        expect(status == 302, f"status {status}")
        url = getattr(saved("at-the-limit").get(), pdf_field).url
        served = visitor.request(url)
        expect(served[0] == 200 and len(served[2]) == MAX_PDF_BYTES, f"{url}: {served[0]}")
        return (
            f"{MAX_PDF_BYTES:,} bytes added as a new {row_model._meta.label} on {change_path} "
            f"({status} to {headers.get('Location')}), then served from {url}"
        )

    checks.run("an upload at the limit (a 20 MB PDF) accepted", at_the_limit)

    def above_django_limit(language):
        def check():
            size = MAX_PDF_BYTES + 1
            with translation.override(language):
                try:
                    validate_pdf(SimpleUploadedFile("x.pdf", pdf_of(size)))
                except ValidationError as error:
                    message = html.escape(error.messages[0])
            staff = signed_in(language)
            status, _, body = add_row(staff, f"above-{language}", pdf_of(size))
            page = body.decode()
            expect(status == 200 and message in page, f"status {status}, message {message!r} not on the page")
            expect(f'<html lang="{language}"' in page, "the form is not in the visitor's language")
            expect(not saved(f"above-{language}").exists(), "the file was saved")
            return f"{size:,} bytes: the form again, beside the field: “{html.unescape(message)}”"

        return check

    def above_nginx_limit(language):
        def check():
            staff = signed_in(language)
            status, headers, body = add_row(staff, f"far-above-{language}", pdf_of(26 * 1024 * 1024))
            page = body.decode()
            # The page Django renders for that address and language, asked of gunicorn directly.
            direct = Browser(app.base, None, language).request(
                "/request-too-large/",
                headers={"Host": HOST, "X-Forwarded-Proto": "https", "X-Original-URI": change_path},
            )
            expect(status == 413, f"status {status}")
            expect(page == direct[2].decode(), f"not the site's page: {page[:300]!r}")
            expect(f'<html lang="{language}">' in page, "not in the visitor's language")
            expect(not saved(f"far-above-{language}").exists(), "the file was saved")
            heading = re.search(r"<h1>(.*?)</h1>", page).group(1)
            return f"26 MiB: 413 with the site's page, {heading!r}"

        return check

    for language in ("en", "th"):
        checks.run(f"an upload above the limit refused by Django, in {language}", above_django_limit(language))
        checks.run(
            f"an upload above nginx's limit refused with the site's page, in {language}", above_nginx_limit(language)
        )


def prepare_site(env, work):
    for command in (["migrate", "--noinput"], ["seed"], ["collectstatic", "--noinput"]):
        manage(env, *command, "-v0")
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": STAFF_PASSWORD},
        *("createsuperuser", "--noinput", "--username", STAFF, "--email", "deploy-check@example.org"),
    )
    from PIL import Image

    sample = work / "media" / MEDIA_SAMPLE
    sample.parent.mkdir(parents=True)
    Image.new("RGB", (64, 64), (0, 90, 160)).save(sample, "PNG")


def certificate(work):
    tls = work / "tls"
    tls.mkdir()
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}"),
            *("-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem")),
        ],
        check=True,
        capture_output=True,
    )


def install_packages():
    had_nginx = shutil.which("nginx") is not None
    setup_machine("packages", "nginx", "openssl")
    setup_machine("postgresql")
    # Debian's package starts its own nginx on port 80 where it can; that one is not ours to keep.
    if not had_nginx and Path("/run/nginx.pid").exists():
        subprocess.run(["nginx", "-s", "quit"], check=False)


def start_nginx(work, app_port, http_port, https_port):
    site = work / "nginx" / "iad.conf"
    site.write_text(render_site(app_port, http_port, https_port, work))
    main = work / "nginx" / "nginx.conf"
    main.write_text(render_main_conf(work, site))
    argv = ["nginx", "-p", str(work / "nginx"), "-c", str(main), "-e", str(work / "logs" / "error.log")]
    test = subprocess.run([*argv, "-t"], capture_output=True, text=True)
    if test.returncode != 0:
        raise SystemExit(f"nginx refuses the rendered configuration:\n{test.stderr}")
    return Nginx([*argv, "-g", "daemon off;"], os.environ.copy(), https_port, log=work / "logs" / "nginx.out")


def main():
    started = time.monotonic()
    # SIGTERM (CI's timeout, kill) unwinds like Ctrl-C, so everything started below is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    checks = Checks()
    with contextlib.ExitStack() as stack:
        install_packages()
        work = Path(tempfile.mkdtemp(prefix="iad-deploy-check-"))
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        # nginx's workers run as www-data (when started as root) and read the static and media folders here.
        work.chmod(0o755)
        for folder in ("nginx", "logs", "acme"):
            (work / folder).mkdir()
        url = stack.enter_context(own_database("iad_deploy_check"))
        app_port, http_port, https_port = free_port(), free_port(), free_port()
        env = production_env(
            DATABASE_URL=url,
            STATIC_ROOT=str(work / "static"),
            MEDIA_ROOT=str(work / "media"),
            # Behind nginx Django sees the host without the port (Host: $host); a browser's Origin carries it.
            CSRF_TRUSTED_ORIGINS=f"https://{HOST}:{https_port}",
        )
        certificate(work)
        prepare_site(env, work)
        print(f"Site ready (migrated, seeded, static collected) after {time.monotonic() - started:.0f} s", flush=True)
        app = stack.enter_context(gunicorn_from_unit(env, app_port, work / "logs" / "gunicorn.log"))
        stack.enter_context(start_nginx(work, app_port, http_port, https_port))
        version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
        print(f"{version} with {SITE_FILE.relative_to(ROOT)}: https on {https_port}, http on {http_port}", flush=True)
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connections

        stack.callback(connections.close_all)
        context = ssl.create_default_context(cafile=str(work / "tls" / "cert.pem"))
        unit_notes(env)
        if shutil.which("systemd-analyze"):
            checks.run("deploy/systemd units valid (systemd-analyze verify)", units_verified)
        else:
            print("SKIP  deploy/systemd units valid: no systemd-analyze on this machine", flush=True)
        site_checks(
            checks,
            https=f"https://{HOST}:{https_port}",
            http_base=f"http://{HOST}:{http_port}",
            app=app,
            context=context,
            work=work,
            https_port=https_port,
        )
    failed = checks.results.count(False)
    print(
        f"deploy-check: {len(checks.results) - failed} of {len(checks.results)} checks passed "
        f"in {time.monotonic() - started:.0f} s; gunicorn, nginx and the database iad_deploy_check stopped and removed."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
