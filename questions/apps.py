from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    """Questions from the public, answered by staff in the admin, and the FAQ published from them."""

    name = "questions"
    verbose_name = _("Questions and answers")
