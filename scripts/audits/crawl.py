"""Crawl the whole public site through Django's test client and write every response to a folder, so that
the site before a change and after it can be compared with `diff -r`.

    DJANGO_SETTINGS_MODULE=iad_site.settings.test DATABASE_URL=sqlite:////tmp/crawl.sqlite3 \\
        .venv/bin/python scripts/audits/crawl.py /tmp/crawl-after
    diff -r /tmp/crawl-before /tmp/crawl-after

The database is the caller's: migrated and seeded beforehand, never created or changed here. Starts from
the sitemap, robots.txt, each language's home, not-found and search pages and the open-data files, then
follows every same-site link (a, link, img, script, source) in HTML and every address in XML, breadth-first.
One file per URL (the path and query, percent-encoded): "STATUS <code> <content-type>", for a redirect a
"Location: ..." line, then the body. Only what differs from one run to the next is normalised: hashes in
static file names, CSRF tokens and nonces, and timestamps taken during the crawl itself (-> NOW).
"""

import datetime
import hashlib
import html
import re
import sys
from collections import Counter, deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

MAX_URLS = 3000
ORIGIN = "http://testserver"
SKIP = ("/static/", "/media/", "/admin/", f"/{settings.ADMIN_URL.strip('/')}/", "/i18n/")
LINK_ATTRIBUTES = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
}
# Characters a browser leaves as they are in a path or query: others (Thai, spaces) are percent-encoded.
URL_SAFE = "/%:@!$&'()*+,;=~?"
XML_LINK = re.compile(r'<loc>([^<]+)</loc>|<(?:xhtml:)?link\b[^>]*\bhref="([^"]+)"')
STATIC_HASH = re.compile(r"(/static/[^\"'\s<>()]*?)\.[0-9a-f]{12}(\.[A-Za-z0-9]+)\b")
CSRF = re.compile(r'(name="csrfmiddlewaretoken"\s+value="|\bnonce=")[^"]*')
TIMESTAMP = re.compile(r"\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?\b")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in LINK_ATTRIBUTES.get(tag, ()):
                # srcset: "a.png 1x, b.png 2x" names two files.
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                self.links.extend(urls)


def same_site(url, base):
    """The path and query of url (relative to base) if it is one of this site's pages to crawl, else None."""
    parts = urlsplit(urljoin(ORIGIN + base, url.strip()))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver" or parts.path.startswith(SKIP):
        return None
    return quote(parts.path, safe=URL_SAFE) + (f"?{quote(parts.query, safe=URL_SAFE)}" if parts.query else "")


def links_in(body, content_type):
    if "html" in content_type:
        parser = LinkParser()
        parser.feed(body)
        return parser.links
    if "xml" in content_type:
        return [html.unescape(loc or href) for loc, href in XML_LINK.findall(body)]
    return []


def file_name(url):
    name = quote(url, safe="")
    return name if len(name) <= 200 else f"{name[:180]}--{hashlib.sha256(url.encode()).hexdigest()[:16]}"


def normalise(body, started):
    """Only what varies between two runs on the same code and database."""
    body = STATIC_HASH.sub(r"\1\2", body)
    body = CSRF.sub(r"\1CSRF", body)
    # Timestamps taken during this crawl; they are truncated to the second, hence the slack.
    slack = datetime.timedelta(seconds=2)

    def now(match):
        try:
            moment = datetime.datetime.fromisoformat(match.group())
        except ValueError:
            return match.group()
        moment = moment if moment.tzinfo else timezone.make_aware(moment)
        return "NOW" if started - slack <= moment <= timezone.now() + slack else match.group()

    return TIMESTAMP.sub(now, body)


def crawl(output):
    started = timezone.now()
    client = Client(raise_request_exception=False)
    start = ["/sitemap.xml", "/robots.txt"]
    for code, _name in settings.LANGUAGES:
        start += [f"/{code}/", f"/{code}/no-such-page/"]
    start += ["/th/search/?q=ปักกิ่ง", "/en/search/?q=Beijing"]
    # Linked from the directories, but only from one that has published items: asked for in any case.
    start += [
        f"/data/{name}.{kind}" for name in ("sister-cities", "city-networks", "embassies") for kind in ("csv", "json")
    ]
    queue = deque(url for url in (same_site(url, "/") for url in start) if url)
    seen = set(queue)
    statuses, skipped = Counter(), set()
    while queue:
        url = queue.popleft()
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        content = b"".join(response.streaming_content) if response.streaming else response.content
        head = f"STATUS {response.status_code} {content_type}\n"
        found = []
        if response.has_header("Location"):
            head += f"Location: {response['Location']}\n"
            found.append(response["Location"])
        try:
            body = content.decode(response.charset or "utf-8")
        except UnicodeDecodeError:
            (output / file_name(url)).write_bytes(head.encode() + content)
        else:
            found += links_in(body, content_type)
            (output / file_name(url)).write_text(head + normalise(body, started), encoding="utf-8")
        statuses[response.status_code] += 1
        for link in filter(None, (same_site(link, url) for link in found)):
            if link not in seen and len(seen) >= MAX_URLS:
                skipped.add(link)
            elif link not in seen:
                seen.add(link)
                queue.append(link)
    if skipped:
        print(f"WARNING: stopped at {MAX_URLS} URLs; {len(skipped)} more were found but not fetched", file=sys.stderr)
    return statuses


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} OUTPUT_DIR")
    output = Path(sys.argv[1])
    output.mkdir(parents=True, exist_ok=True)
    if any(output.iterdir()):
        sys.exit(f"{output} is not empty: crawl into a new folder, so no file is left from an earlier crawl")
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        statuses = crawl(output)
    print(f"{sum(statuses.values())} URLs fetched into {output}")
    for status, count in sorted(statuses.items()):
        print(f"  {status}: {count}")


if __name__ == "__main__":
    main()
