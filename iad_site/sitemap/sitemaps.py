"""sitemap.xml and robots.txt, drawn from the registry of page types (iad_site.core.sections).

Every public page in every language, each with its hreflang alternates and an x-default (the page without
a language prefix, which sends a browser to its language): each fixed page (the home page first), then the
detail page of every published object of each model with one. Pages with a query string, not-found pages
and pages marked noindex (search) are left out; robots.txt keeps search engines off the noindex ones.
"""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from iad_site.core import sections


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class FixedPagesSitemap(BilingualSitemap):
    """The pages that exist without any content: home, directories, the office's pages."""

    changefreq = "weekly"

    def items(self):
        names = [p.url_name for p in sections.page_types() if p.in_sitemap and not p.model and p.exists()]
        home = f"/{translation.get_language()}/"
        return sorted(names, key=lambda name: reverse(name) != home)

    def location(self, item):
        return reverse(item)


class PublishedSitemap(BilingualSitemap):
    """The detail page of every published object of one model."""

    page_type = None

    def items(self):
        return self.page_type.model_class().objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def sitemaps():
    """The sitemaps for django.contrib.sitemaps' view: fixed pages, then one per model with detail pages."""
    found = {"sections": FixedPagesSitemap}
    for page_type in sections.page_types():
        if page_type.in_sitemap and page_type.model:
            found[page_type.name] = type(f"{page_type.name}Sitemap", (PublishedSitemap,), {"page_type": page_type})
    return found


def noindex_paths():
    """Each noindex page's path without its query, in every language: endless and of no use to search engines."""
    paths = []
    for page_type in sections.page_types():
        if page_type.noindex:
            for language in sections.languages():
                with translation.override(language):
                    paths.append(reverse(page_type.url_name))
    return list(dict.fromkeys(paths))


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in noindex_paths()),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
