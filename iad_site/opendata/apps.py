from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """/data/: every section's open datasets as CSV and JSON."""

    name = "iad_site.opendata"
    label = "opendata"
    verbose_name = _("Open data")
