from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search: its index table, how text is segmented and ranked, and the search page."""

    name = "iad_site.search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self):
        from iad_site.search import signals

        signals.connect()
