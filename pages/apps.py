from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The office's own story: home page, history, structure, plans and static pages."""

    name = "pages"
    verbose_name = _("The office")
