from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """`manage.py backup` and `manage.py restore`: every record and uploaded file in one archive."""

    name = "iad_site.backups"
    label = "backups"
    verbose_name = _("Backups")
