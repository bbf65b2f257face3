"""sitemap.xml and robots.txt: every public page in Thai and English, each with its hreflang
alternates and an x-default (the page without a language prefix, which sends a browser to its
language). Search results and feeds are left out: they are not pages to land on from a search engine."""

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(BilingualSitemap):
    """The pages that exist without any content: home, directories, the office's pages."""

    changefreq = "weekly"
    URL_NAMES = [
        "pages:home",
        "relations:city_list",
        "relations:city_map",
        "relations:network_list",
        "relations:embassy_list",
        "pages:plan_list",
        "pages:office",
        "pages:history",
        "pages:structure",
    ]

    def items(self):
        return self.URL_NAMES

    def location(self, item):
        return reverse(item)


class PublishedSitemap(BilingualSitemap):
    """The detail page of every published object of one model."""

    model_label = ""

    def items(self):
        return apps.get_model(self.model_label).objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def published(label):
    return type(f"{label.split('.')[1]}Sitemap", (PublishedSitemap,), {"model_label": label})


SITEMAPS = {
    "sections": SectionSitemap,
    "cities": published("relations.SisterCity"),
    "networks": published("relations.CityNetwork"),
    "plans": published("pages.Plan"),
    "pages": published("pages.StaticPage"),
}


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        # Result pages of every possible query: endless and of no use in a search engine.
        "Disallow: /th/search/",
        "Disallow: /en/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
