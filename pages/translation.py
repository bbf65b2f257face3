"""Thai and English columns for every text a visitor reads (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
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


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(MilestoneUnit)
class MilestoneUnitTranslation(TranslationOptions):
    fields = ("name", "duties")


@register(OfficeUnit)
class OfficeUnitTranslation(TranslationOptions):
    fields = ("name", "duties")


@register(OfficeDuty)
class OfficeDutyTranslation(TranslationOptions):
    fields = ("text",)


@register(OrganisationChart)
class OrganisationChartTranslation(TranslationOptions):
    fields = ("title", "alt_text")


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(PlanProject)
class PlanProjectTranslation(TranslationOptions):
    fields = ("title", "description")


@register(PlanDocument)
class PlanDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(StaticPage)
class StaticPageTranslation(TranslationOptions):
    fields = ("title", "body")
