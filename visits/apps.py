from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    """Visits, courtesy calls and study visits requested online, tracked by staff to the end, counted in public."""

    name = "visits"
    verbose_name = _("Visits and delegations")
