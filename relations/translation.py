"""Which fields are written in Thai and English (django-modeltranslation adds `_th` and `_en` columns).

Thai is required wherever the field itself is required; English is optional and falls back to Thai.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Activity, Agreement, CityLink, CityNetwork, Country, Embassy, SisterCity


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"th": ("name",)}


@register(SisterCity)
class SisterCityTranslation(TranslationOptions):
    fields = ("name", "profile", "photo_alt")
    required_languages = {"th": ("name",)}


@register(CityLink)
class CityLinkTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"th": ("title",)}


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"th": ("title",)}


@register(CityNetwork)
class CityNetworkTranslation(TranslationOptions):
    fields = ("name", "description", "secretariat", "membership")
    required_languages = {"th": ("name",)}


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "summary", "photo_alt")
    required_languages = {"th": ("title",)}


@register(Embassy)
class EmbassyTranslation(TranslationOptions):
    fields = ("name", "address")
    required_languages = {"th": ("name",)}
