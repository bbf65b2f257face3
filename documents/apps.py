from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """The document library: the files the office publishes (laws, annual reports, manuals, newsletters, plans)."""

    name = "documents"
    verbose_name = _("Documents")
