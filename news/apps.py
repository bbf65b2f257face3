from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The office's news: articles with photos, tagged with the partners abroad they concern."""

    name = "news"
    verbose_name = _("News")
