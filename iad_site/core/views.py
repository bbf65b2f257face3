"""Views and mixins shared by the apps."""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.views.decorators.cache import never_cache

from iad_site.core.uploads import MAX_IMAGE_BYTES, MAX_PDF_BYTES

logger = logging.getLogger(__name__)


class PublishedOrPreviewMixin:
    """Restricts a list or detail view to what the visitor may see: published items, or all for staff."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


def health(request):
    """For load balancers and uptime checks: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def unreachable_services():
    """What this server cannot reach of what it needs to serve pages: every database and every cache."""
    problems = []
    for connection in connections.all():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception:  # whatever the driver raises, the database cannot be used
            logger.exception("Readiness: database %r unreachable", connection.alias)
            problems.append(f"database {connection.alias!r}")
    for alias in settings.CACHES:
        try:
            caches[alias].get("iad:ready")
        except Exception:  # the cache client's own errors (redis.ConnectionError...)
            logger.exception("Readiness: cache %r unreachable", alias)
            problems.append(f"cache {alias!r}")
    return problems


@never_cache
def ready(request):
    """For the load balancer: 200 when this server reaches its database and cache, 503 naming what it cannot
    (so traffic goes to another server). /health/ stays the liveness check, which touches neither."""
    problems = unreachable_services()
    if problems:
        return HttpResponse(f"not ready: {', '.join(problems)} unreachable", content_type="text/plain", status=503)
    return HttpResponse("ready", content_type="text/plain")


def request_too_large(request):
    """What the front server shows instead of its own page when a request is over its size limit
    (deploy/nginx/iad.conf, error_page 413). It passes the refused request's address as X-Original-URI, so the
    page is in the language of the page the upload came from; admin addresses carry none, and the staff
    member's own language (cookie or browser) applies."""
    language = translation.get_language_from_path(request.headers.get("X-Original-URI", ""))
    with translation.override(language or translation.get_language()):
        return render(
            request,
            "413.html",
            {"image_limit": filesizeformat(MAX_IMAGE_BYTES), "pdf_limit": filesizeformat(MAX_PDF_BYTES)},
            status=413,
        )
