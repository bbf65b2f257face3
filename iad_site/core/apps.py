from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every section builds on: publishable models, the content admin, uploads, dates, links, template
    tags, and the registry of sections (sections.py)."""

    name = "iad_site.core"
    label = "core"
    verbose_name = _("Site")
