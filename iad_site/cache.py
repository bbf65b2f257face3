"""Whole-page caching of the public site, with site-wide invalidation and conditional GET.

What is cached: GET requests for public pages (paths under a language prefix, /th/... and /en/...) from
visitors without a session cookie, so never a signed-in staff member (whose pages may show unpublished
previews) and never the admin. Responses that set a cookie, are not 200, stream, or say
`Cache-Control: private/no-store` are not stored.

Invalidation: one site-wide *generation* token. Every cached page remembers the generation it was
rendered under and is served only while that is still the current one. Any save or delete of a content
model (the apps in PAGE_CACHE_CONTENT_APPS, including inlines and many-to-many changes), any successful
change made through the admin (bulk actions, imports) and `bump_generation()` itself start a new
generation, so every page in both languages is re-rendered on its next request. The generation is kept
where every app server sees it: in the cache backend itself when that is shared (Redis), or in a small
file when the backend is per-process local memory (so all gunicorn workers on one machine agree).

Conditional GET: cached pages carry an ETag (a hash of their content); a request whose If-None-Match
matches gets 304 Not Modified with no body. Pages tell browsers to revalidate every time
(`Cache-Control: no-cache`), so a staff edit is visible on the next request.

Settings: PAGE_CACHE_ENABLED (on/off), PAGE_CACHE_SECONDS (how long a page lives without an edit),
PAGE_CACHE_ALIAS (which CACHES entry), PAGE_CACHE_CONTENT_APPS, PAGE_CACHE_GENERATION_FILE.
"""

import hashlib
import logging
import os
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "iad:page-cache:generation"
PAGE_KEY_PREFIX = "iad:page:"
DEFAULT_CONTENT_APPS = ("relations", "pages")
# Headers that are about one exchange, not about the page: never stored with it.
UNSTORED_HEADERS = {"set-cookie", "date", "content-length"}


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


def current_generation():
    """The current generation token; starts a fresh one if none is stored yet (or it was evicted)."""
    if _uses_file():
        path = _generation_file()
        try:
            token = path.read_text().strip()
        except FileNotFoundError:
            token = ""
        return token or bump_generation()
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


def _page_key(request):
    """One entry per absolute URL (scheme, host, path and query string), whatever the generation."""
    url = request.build_absolute_uri()
    return PAGE_KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def _is_public_path(path):
    return any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES)


def _has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _etag(content):
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return "private" not in cache_control and "no-store" not in cache_control


class PageCacheMiddleware:
    """Serves and stores whole public pages; place it before SessionMiddleware (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True):
            return self.get_response(request)
        cacheable = request.method == "GET" and _is_public_path(request.path_info) and not _has_session(request)
        if not cacheable:
            response = self.get_response(request)
            self._after_uncached(request, response)
            return response
        try:
            key = _page_key(request)
        except DisallowedHost:
            return self.get_response(request)

        generation = current_generation()
        entry = _backend().get(key)
        if entry is not None and entry[0] == generation:
            return self._respond(request, self._rebuild(entry), "HIT")

        response = self.get_response(request)
        if _storable(response):
            patch_cache_control(response, no_cache=True)
            patch_vary_headers(response, ("Cookie",))
            response["ETag"] = _etag(response.content)
            headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
            entry = (generation, response.status_code, headers, response.content)
            _backend().set(key, entry, getattr(settings, "PAGE_CACHE_SECONDS", 600))
            return self._respond(request, response, "MISS")
        return response

    @staticmethod
    def _rebuild(entry):
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response

    @staticmethod
    def _respond(request, response, state):
        response["X-Cache"] = state
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _after_uncached(request, response):
        # A signed-in visitor's public page may show previews: no shared cache may keep it.
        if request.method == "GET" and _is_public_path(request.path_info) and "Cache-Control" not in response:
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
            bump_generation()


def _content_apps():
    return set(getattr(settings, "PAGE_CACHE_CONTENT_APPS", DEFAULT_CONTENT_APPS))


def _invalidate(using):
    """Bumps now, and again once the transaction commits, so no page rendered in between stays cached."""
    try:
        bump_generation()
        connection = transaction.get_connection(using)
        if connection.in_atomic_block:
            transaction.on_commit(bump_generation, using=using)
    except Exception:  # an unreachable cache must never make a staff save fail
        logger.exception("Could not invalidate the page cache")


def _on_save_or_delete(sender, using=None, **kwargs):
    if sender._meta.app_label in _content_apps():
        _invalidate(using)


def _on_m2m_changed(sender, action, using=None, **kwargs):
    if action.startswith("post_") and sender._meta.app_label in _content_apps():
        _invalidate(using)


def connect_signals():
    """Called from IadSiteConfig.ready(): content changes from anywhere (admin, shell, seed) invalidate."""
    post_save.connect(_on_save_or_delete, dispatch_uid="iad_page_cache_save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="iad_page_cache_delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="iad_page_cache_m2m")
