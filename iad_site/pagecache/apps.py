from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """Whole public pages cached for anonymous visitors, dropped on any content change (cache.py)."""

    name = "iad_site.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from iad_site.pagecache.cache import connect_signals

        # Any save or delete of a content section's models drops the cached public pages.
        connect_signals()
