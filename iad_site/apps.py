from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IadSiteConfig(AppConfig):
    """The frame and the plumbing every app shares, including the site search index."""

    name = "iad_site"
    verbose_name = _("Site")

    def ready(self):
        from iad_site import signals
        from iad_site.cache import connect_signals as connect_page_cache

        signals.connect()
        # Keep: any content save/delete drops the cached public pages (iad_site/cache.py).
        connect_page_cache()
