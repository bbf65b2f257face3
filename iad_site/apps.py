from django.apps import AppConfig


class IadSiteConfig(AppConfig):
    """The frame every app shares (settings, plumbing, template tags)."""

    name = "iad_site"
    verbose_name = "IAD site"

    def ready(self):
        from iad_site.cache import connect_signals

        connect_signals()
