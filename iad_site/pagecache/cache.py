"""Whole-page caching of the public site, with site-wide invalidation and conditional GET.

What is cached: GET requests for public pages (paths under a language prefix, /th/... and /en/..., and the
sitemap, robots.txt and open-data files) from visitors without a session cookie, so never a signed-in
staff member (whose pages may show unpublished previews) and never the admin. Responses that set a
cookie, are not 200, stream, or say `Cache-Control: private/no-store` are not stored.

Invalidation: one site-wide *generation* token. Every cached page remembers the generation it was
rendered under and is served only while that is still the current one. Any save or delete of a model of
a content section (iad_site.core.sections; inlines and many-to-many changes included), any successful
change made through the admin (bulk actions, imports) and `bump_generation()` itself start a new
generation, so every page in both languages is re-rendered on its next request. The generation is kept
where every app server sees it: in the cache backend itself when that is shared (Redis), or in a small
file when the backend is per-process local memory (so all gunicorn workers on one machine agree).

Scheduled publication: an item staff scheduled (`publish_at`, iad_site.core.models.ScheduledPublication)
appears with no save at that moment, so no generation starts then. A page is therefore kept at most until
the next scheduled moment that was still to come when it was rendered (and PAGE_CACHE_SECONDS at most, as
ever): from that moment it is not served any more, on any app server, and the next request renders it with
the new item. The moment is read once per generation in each process (one query per schedulable model, on
the first page rendered), as only a content save, which starts a new generation, can change it.

Conditional GET: cached pages carry an ETag (a hash of their content); a request whose If-None-Match
matches gets 304 Not Modified with no body. Pages tell browsers to revalidate every time
(`Cache-Control: no-cache`), so a staff edit is visible on the next request.

Settings: PAGE_CACHE_ENABLED (on/off), PAGE_CACHE_SECONDS (how long a page lives without an edit),
PAGE_CACHE_ALIAS (which CACHES entry), PAGE_CACHE_GENERATION_FILE.
"""

import hashlib
import logging
import math
import os
import tempfile
import time
import uuid
from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from iad_site.core import sections
from iad_site.core.models import scheduled_models

logger = logging.getLogger(__name__)

GENERATION_KEY = "iad:page-cache:generation"
PAGE_KEY_PREFIX = "iad:page:"
# Headers that are about one exchange, not about the page: never stored with it.
UNSTORED_HEADERS = {"set-cookie", "date"}


def _backend():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _generation_file():
    configured = getattr(settings, "PAGE_CACHE_GENERATION_FILE", None)
    if configured:
        return Path(configured)
    # One file per checkout, shared by every process of this site on this machine.
    tag = hashlib.sha256(str(settings.BASE_DIR).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"iad-page-cache-{tag}.generation"


def _uses_file():
    return isinstance(_backend(), LocMemCache)


# The last generation read from the file, with the file's identity then: re-read only when it changes.
_file_seen = {"stamp": None, "token": ""}


def current_generation():
    """The current generation token; starts a fresh one if none is stored yet (or it was evicted)."""
    if _uses_file():
        path = _generation_file()
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return bump_generation()
        stamp = (str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if _file_seen["stamp"] != stamp:
            _file_seen["token"], _file_seen["stamp"] = path.read_text().strip(), stamp
        return _file_seen["token"] or bump_generation()
    backend = _backend()
    token = backend.get(GENERATION_KEY)
    if token is None:
        backend.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = backend.get(GENERATION_KEY)
    return token


def bump_generation():
    """Starts a new generation: every cached page is stale from now on, on every app server."""
    token = uuid.uuid4().hex
    if _uses_file():
        path = _generation_file()
        temporary = path.with_name(f"{path.name}.{os.getpid()}.{token}")
        temporary.write_text(token)
        os.replace(temporary, path)  # atomic: a reader sees the old token or the new one, never half
    else:
        _backend().set(GENERATION_KEY, token, None)
    return token


# Public documents outside the language prefixes: the sitemap, robots.txt and the open-data files.
EXTRA_PUBLIC_PREFIXES = ("/sitemap.xml", "/robots.txt", "/data/")


def _public_prefixes():
    return (*(f"/{code}/" for code, _name in settings.LANGUAGES), *EXTRA_PUBLIC_PREFIXES)


def _etag(content):
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return "private" not in cache_control and "no-store" not in cache_control


def _page_key(environ):
    """One entry per absolute URL (scheme, host, path, query string), the same whichever layer asks."""
    scheme = environ.get("wsgi.url_scheme", "http")
    if settings.SECURE_PROXY_SSL_HEADER:  # as django.http.HttpRequest.scheme reads it
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            scheme = "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    else:
        host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
    url = f"{scheme}://{host}{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"
    return PAGE_KEY_PREFIX + hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


# The next scheduled publication as read under one generation, in this process: {"generation", "moment"}.
_publication_seen = {"generation": None, "moment": None}


def next_publication(generation):
    """The earliest moment (an aware datetime) a scheduled item appears on the public site, or None."""
    seen = _publication_seen
    moment = seen["moment"]
    if seen["generation"] != generation or (moment is not None and moment <= timezone.now()):
        moments = [model.objects.next_publication() for model in scheduled_models()]
        seen["generation"], seen["moment"] = generation, min(filter(None, moments), default=None)
    return seen["moment"]


def _fresh_entry(key):
    """The stored (generation, status, headers, content) for this key if it belongs to the current generation
    and its page is not older than a scheduled publication (see the module's docstring)."""
    backend = _backend()
    if _uses_file():
        entry, generation = backend.get(key), current_generation()
    else:  # one round trip to Redis for both
        found = backend.get_many([GENERATION_KEY, key])
        entry, generation = found.get(key), found.get(GENERATION_KEY) or current_generation()
    # An entry is (generation, status, headers, content, the time.time() it expires at or None); one of
    # another shape was stored by an earlier version of the site and is not served.
    if entry is None or len(entry) != 5 or entry[0] != generation:
        return None
    if entry[4] is not None and time.time() >= entry[4]:
        return None
    return entry[:4]


def _etag_matches(if_none_match, etag):
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


class PageCacheMiddleware:
    """Stores whole public pages (and serves them to requests that reach Django). First in MIDDLEWARE, so a
    hit skips the rest and a stored page keeps every header the middleware below it added (security
    headers, CSP). In production CachedPagesApp answers hits before Django is even called."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = _public_prefixes()
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True):
            return self.get_response(request)
        public = request.path_info.startswith(self.prefixes)
        if not (public and request.method == "GET" and self.session_cookie not in request.COOKIES):
            response = self.get_response(request)
            self._after_uncached(request, response, public)
            return response
        try:
            request.get_host()  # refuse hosts not in ALLOWED_HOSTS before keying anything on them
            allowed_host = True
        except DisallowedHost:
            allowed_host = False
        if not allowed_host:  # Django answers it (400) as it would without the cache
            return self.get_response(request)
        key = _page_key(request.META)
        try:
            generation = current_generation()
            entry = _fresh_entry(key)
        except Exception:  # the cache being down must never take the site down: render as if uncached
            logger.exception("Page cache lookup failed")
            return self.get_response(request)
        if entry is not None:
            _generation, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return self._respond(request, response, "HIT")

        # Read before rendering: a page drawn now lacks an item scheduled for later, from its moment on.
        publication = next_publication(generation)
        response = self.get_response(request)
        if _storable(response):
            patch_cache_control(response, no_cache=True)
            patch_vary_headers(response, ("Cookie",))
            response["ETag"] = _etag(response.content)
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
            self._store(key, (generation, response.status_code, headers, response.content), publication)
            return self._respond(request, response, "MISS")
        return response

    def _store(self, key, entry, publication):
        timeout, expires = self.timeout, None
        if publication is not None:
            expires = publication.timestamp()
            remaining = expires - time.time()
            if remaining <= 0:  # the moment came while the page was drawn: it may already lack the item
                return
            timeout = min(timeout, math.ceil(remaining))
        try:
            _backend().set(key, (*entry, expires), timeout)
        except Exception:
            logger.exception("Could not store a page in the cache")

    @staticmethod
    def _respond(request, response, state):
        response["X-Cache"] = state
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _after_uncached(request, response, public):
        # A signed-in visitor's public page may show previews: no shared cache may keep it.
        if public and request.method == "GET" and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        # Whatever the admin changed (a bulk action or an import may bypass model signals), start afresh.
        match = getattr(request, "resolver_match", None)
        if (
            request.method not in ("GET", "HEAD", "OPTIONS")
            and match is not None
            and match.app_name == "admin"
            and response.status_code < 400
            and getattr(getattr(request, "user", None), "is_staff", False)
        ):
            _invalidate(None)


class CachedPagesApp:
    """WSGI wrapper (iad_site/wsgi.py): answers a cached page before Django builds a request at all.

    Only what PageCacheMiddleware stored can be served, under the same key and generation checks, so the
    rules are the middleware's: anonymous GETs of public pages. Everything else goes to Django untouched.
    A hit costs about as much as the barest Django view (see `make bench`).
    """

    NOT_MODIFIED_HEADERS = ("cache-control", "etag", "vary", "expires", "content-location")

    def __init__(self, application):
        self.application = application
        self.prefixes = _public_prefixes()
        self.session_cookie = settings.SESSION_COOKIE_NAME + "="

    def __call__(self, environ, start_response):
        if (
            environ.get("REQUEST_METHOD") == "GET"
            and environ.get("PATH_INFO", "").startswith(self.prefixes)
            and self.session_cookie not in environ.get("HTTP_COOKIE", "")
            and getattr(settings, "PAGE_CACHE_ENABLED", True)
        ):
            try:
                entry = _fresh_entry(_page_key(environ))
            except Exception:  # the cache being down must never take the site down: let Django answer
                logger.exception("Page cache lookup failed")
                entry = None
            if entry is not None:
                _generation, status, headers, content = entry
                etag = next((value for name, value in headers if name == "ETag"), None)
                if etag and _etag_matches(environ.get("HTTP_IF_NONE_MATCH"), etag):
                    kept = [(n, v) for n, v in headers if n.lower() in self.NOT_MODIFIED_HEADERS]
                    start_response("304 Not Modified", [*kept, ("X-Cache", "HIT")])
                    return [b""]
                start_response(f"{status} {HTTPStatus(status).phrase}", [*headers, ("X-Cache", "HIT")])
                return [content]
        return self.application(environ, start_response)


def _invalidate(using):
    """Bumps now, and again once the transaction commits, so no page rendered in between stays cached.
    Never raises: an unreachable cache (or an unwritable generation file) must not make a staff save fail."""
    try:
        bump_generation()
        connection = transaction.get_connection(using)
        if connection.in_atomic_block:
            transaction.on_commit(_invalidate_quietly, using=using)
    except Exception:
        logger.exception("Could not invalidate the page cache")


def _invalidate_quietly():
    try:
        bump_generation()
    except Exception:
        logger.exception("Could not invalidate the page cache")


def _shown_on_cached_pages(model):
    # Requests sent by visitors (iad_site.inbox) show only on pages that are never cached: a flood of them
    # must not empty the cache.
    return model._meta.app_label in sections.content_app_labels() and not getattr(
        model, "page_cache_ignores_saves", False
    )


def _on_save_or_delete(sender, using=None, **kwargs):
    if _shown_on_cached_pages(sender):
        _invalidate(using)


def _on_m2m_changed(sender, action, using=None, **kwargs):
    if action.startswith("post_") and _shown_on_cached_pages(sender):
        _invalidate(using)


def connect_signals():
    """Called from PageCacheConfig.ready(): content changes from anywhere (admin, shell, seed) invalidate."""
    post_save.connect(_on_save_or_delete, dispatch_uid="iad_page_cache_save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="iad_page_cache_delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="iad_page_cache_m2m")
