"""The site's URLs: public pages under a language prefix (/th/, /en/), everything else without one.

A new section adds one include() to the i18n_patterns block; what else it offers (navigation, feeds,
search, sitemap, open data) it declares in its own section.py (iad_site.core.sections).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from iad_site.core.admin import translation_completeness
from iad_site.core.views import health, ready, request_too_large
from iad_site.sitemap.sitemaps import robots_txt, sitemaps

urlpatterns = [
    # The staff admin, at ADMIN_URL ("admin/" unless the environment moves it), with its page of
    # English-translation counts.
    path(
        f"{settings.ADMIN_URL}translations/",
        admin.site.admin_view(translation_completeness),
        name="admin_translation_completeness",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    # Django's set_language view: the admin's language buttons post here and a cookie keeps the choice.
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health, name="health"),
    path("ready/", ready, name="ready"),
    # Shown by nginx in place of its own page when an upload is over its limit (deploy/nginx/iad.conf).
    path("request-too-large/", request_too_large, name="request_too_large"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps()}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Open data: every section's datasets as CSV and JSON, all languages in each file.
    path("data/", include("iad_site.opendata.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("iad_site.search.urls")),
    path("", include("pages.urls")),
    path("", include("relations.urls")),
    path("", include("questions.urls")),
    path("", include("visits.urls")),
    path("", include("ita.urls")),
    path("", include("news.urls")),
    path("", include("documents.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
