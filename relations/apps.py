from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    """Partners abroad: sister cities, city networks and embassies."""

    name = "relations"
    verbose_name = _("Partners abroad")
