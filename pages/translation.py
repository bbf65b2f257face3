"""Thai and English columns for every text a visitor reads (django-modeltranslation).

Thai is required wherever the field itself is (required_languages); English is optional: pages fall back to Thai.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    ContactDetails,
    Executive,
    HomePage,
    Milestone,
    MilestoneUnit,
    OfficeDuty,
    OfficeUnit,
    OrganisationChart,
    Plan,
    PlanDocument,
    PlanProject,
    StaticPage,
)


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("motto", "welcome")
    required_languages = ("th",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("th",)


@register(MilestoneUnit)
class MilestoneUnitTranslation(TranslationOptions):
    fields = ("name", "duties")
    required_languages = ("th",)


@register(OfficeUnit)
class OfficeUnitTranslation(TranslationOptions):
    fields = ("name", "duties")
    required_languages = ("th",)


@register(OfficeDuty)
class OfficeDutyTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("th",)


@register(OrganisationChart)
class OrganisationChartTranslation(TranslationOptions):
    fields = ("title", "alt_text")
    required_languages = ("th",)


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("th",)


@register(PlanProject)
class PlanProjectTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("th",)


@register(PlanDocument)
class PlanDocumentTranslation(TranslationOptions):
    # Not required: an entry may take the title of the library document it links to (PlanDocument.clean).
    fields = ("title",)


@register(StaticPage)
class StaticPageTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("th",)


@register(Executive)
class ExecutiveTranslation(TranslationOptions):
    fields = ("name", "position", "photo_alt")
    required_languages = ("th",)


@register(ContactDetails)
class ContactDetailsTranslation(TranslationOptions):
    # Every value is optional: an address not yet confirmed is left empty rather than guessed.
    fields = ("address", "office_hours")
