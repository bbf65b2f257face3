"""Thai and English columns for what a visitor reads (django-modeltranslation). Thai is required where the
field is, English optional: pages fall back to the Thai text."""

from modeltranslation.translator import TranslationOptions, register

from .models import Article, ArticlePhoto


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "photo_alt")
    required_languages = {"th": ("title",)}


@register(ArticlePhoto)
class ArticlePhotoTranslation(TranslationOptions):
    fields = ("photo_alt", "caption")
    required_languages = {"th": ("photo_alt",)}
