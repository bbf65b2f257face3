"""Thai and English columns for what the public reads: topic names and FAQ entries (django-modeltranslation).
A question itself is kept as the visitor wrote it, in one language."""

from modeltranslation.translator import TranslationOptions, register

from .models import FAQEntry, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("th",)


@register(FAQEntry)
class FAQEntryTranslation(TranslationOptions):
    fields = ("question", "answer")
    required_languages = ("th",)
