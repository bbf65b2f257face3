from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ItaConfig(AppConfig):
    """The public-information index for the yearly Integrity and Transparency Assessment (ITA)."""

    name = "ita"
    verbose_name = _("Public information (ITA)")
