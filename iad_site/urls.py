"""The site's URLs: public pages under a language prefix (/th/, /en/), everything else without one."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from iad_site.admin import translation_completeness
from iad_site.search_views import SearchView
from iad_site.sitemaps import SITEMAPS, robots_txt
from iad_site.views import health
from relations.feeds import LatestActivitiesFeed

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
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Open data: sister cities, networks and embassies as CSV and JSON, both languages in each file.
    path("data/", include("relations.opendata")),
]

urlpatterns += i18n_patterns(
    path("search/", SearchView.as_view(), name="search"),
    path("feed/", LatestActivitiesFeed(), name="feed"),
    path("", include("pages.urls")),
    path("", include("relations.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
