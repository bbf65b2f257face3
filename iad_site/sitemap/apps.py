from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitemapConfig(AppConfig):
    """sitemap.xml and robots.txt, from every section's page types."""

    name = "iad_site.sitemap"
    label = "sitemap"
    verbose_name = _("Sitemap")
