"""Thai and English columns for what a visitor reads (django-modeltranslation). Thai is required, English
optional: pages fall back to the Thai text."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Document


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"th": ("name",)}


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"th": ("title",)}
