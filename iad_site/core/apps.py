from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from .collation import register_sqlite_collation


class CoreConfig(AppConfig):
    """What every section builds on: publishable models, the content admin, uploads, dates, links, template
    tags, Thai alphabetical order (collation.py), and the registry of sections (sections.py)."""

    name = "iad_site.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        connection_created.connect(register_sqlite_collation, dispatch_uid="thai_collation")
