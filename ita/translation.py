"""Thai and English columns for the index's texts (django-modeltranslation); English falls back to Thai."""

from modeltranslation.translator import TranslationOptions, register

from .models import ItaItem, ItaYear


@register(ItaYear)
class ItaYearTranslation(TranslationOptions):
    fields = ("introduction",)


@register(ItaItem)
class ItaItemTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("th",)
