"""Thai and English columns for what the public reads: the kinds of visit, the how-to page and the summaries
published on partners' pages. A request itself is kept as the visitor wrote it."""

from modeltranslation.translator import TranslationOptions, register

from .models import VisitGuide, VisitKind, VisitSummary


@register(VisitKind)
class VisitKindTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("th",)


@register(VisitGuide)
class VisitGuideTranslation(TranslationOptions):
    fields = ("body",)
    required_languages = ("th",)


@register(VisitSummary)
class VisitSummaryTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"th": ("title",)}
