"""Thai and English columns for what the public reads: the kinds of visit and the how-to page. A request itself
is kept as the visitor wrote it."""

from modeltranslation.translator import TranslationOptions, register

from .models import VisitGuide, VisitKind


@register(VisitKind)
class VisitKindTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("th",)


@register(VisitGuide)
class VisitGuideTranslation(TranslationOptions):
    fields = ("body",)
    required_languages = ("th",)
