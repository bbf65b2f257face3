"""Staff editing of partners abroad, on iad_site.core.admin.ContentAdmin: language tabs, history, English-missing
filter, preview links; cities and networks are reordered with up/down buttons. Lists by name are in Thai
alphabetical order (iad_site.core.collation): countries and embassies by default, any name column clicked."""

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from iad_site.core.admin import HTTPS_URLS, SOURCE_LANGUAGE, ContentAdmin, OrderedAdminMixin, translated_fields
from iad_site.core.collation import thai_order

from .admin_import import EmbassyImportMixin
from .models import Activity, Agreement, CityLink, CityNetwork, Country, Embassy, SisterCity


class ThaiOrderChangeList(ChangeList):
    """A translated column clicked (name, title) sorts in Thai alphabetical order, in the admin's language with
    the Thai text where that is missing, as the column shows it; Django would sort it by code point."""

    def get_ordering_field(self, field_name):
        order_field = super().get_ordering_field(field_name)
        if not isinstance(order_field, str) or order_field not in translated_fields(self.model):
            return order_field
        thai, language = f"{order_field}_{SOURCE_LANGUAGE}", translation.get_language()
        if language == SOURCE_LANGUAGE:
            return thai_order(thai)
        return thai_order(Coalesce(NullIf(f"{order_field}_{language}", models.Value("")), thai))


class ThaiOrderMixin:
    def get_changelist(self, request, **kwargs):
        return ThaiOrderChangeList


class CityLinkInline(TranslationTabularInline):
    formfield_overrides = HTTPS_URLS
    model = CityLink
    extra = 0


class AgreementInline(TranslationTabularInline):
    formfield_overrides = HTTPS_URLS
    model = Agreement
    extra = 0


class ActivityInline(TranslationStackedInline):
    formfield_overrides = HTTPS_URLS
    model = Activity
    extra = 0
    fields = ("title", "happened_on", "summary", "photo", "photo_alt", "is_published")


class CityActivityInline(ActivityInline):
    fk_name = "city"


class NetworkActivityInline(ActivityInline):
    fk_name = "network"


@admin.register(Country)
class CountryAdmin(ThaiOrderMixin, ContentAdmin):
    list_display = ("name", "iso_code")
    search_fields = ("name_th", "name_en", "iso_code")


@admin.register(SisterCity)
class SisterCityAdmin(ThaiOrderMixin, OrderedAdminMixin, ContentAdmin):
    thumbnail_fields = ("photo", "photo_alt")
    list_display = (
        "name",
        "thumbnail",
        "country",
        "relationship",
        "established_on",
        "established_precision",
        "is_published",
    )
    list_filter = ("is_published", "relationship", "established_precision", "country")
    search_fields = ("name_th", "name_en", "country__name_th", "country__name_en", "slug")
    list_select_related = ("country",)
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("country",)
    inlines = (CityLinkInline, AgreementInline, CityActivityInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "country", "relationship", "is_published", "publish_at", "sort_order")}),
        (_("Since when"), {"fields": ("established_on", "established_precision")}),
        (_("About the city"), {"fields": ("profile", "photo", "photo_alt", "website")}),
        (_("Location"), {"fields": ("latitude", "longitude")}),
    )


@admin.register(CityNetwork)
class CityNetworkAdmin(ThaiOrderMixin, OrderedAdminMixin, ContentAdmin):
    list_display = ("name", "acronym", "founded_year", "is_published")
    list_filter = ("is_published",)
    search_fields = ("name_th", "name_en", "acronym")
    prepopulated_fields = {"slug": ("acronym",)}
    inlines = (NetworkActivityInline,)
    fields = (
        "name",
        "acronym",
        "slug",
        "is_published",
        "publish_at",
        "sort_order",
        "description",
        "founded_year",
        "website",
        "secretariat",
        "membership",
    )


@admin.register(Activity)
class ActivityAdmin(ThaiOrderMixin, ContentAdmin):
    thumbnail_fields = ("photo", "photo_alt")
    list_display = ("title", "thumbnail", "happened_on", "city", "network", "is_published")
    list_filter = ("is_published", "city", "network")
    search_fields = ("title_th", "title_en", "summary_th", "summary_en")
    list_select_related = ("city", "network")
    date_hierarchy = "happened_on"
    autocomplete_fields = ("city", "network")


@admin.register(Embassy)
class EmbassyAdmin(EmbassyImportMixin, ThaiOrderMixin, ContentAdmin):
    list_display = ("name", "country", "phone", "email", "confirmed_on", "is_published")
    list_filter = ("is_published", ("confirmed_on", admin.EmptyFieldListFilter))
    search_fields = ("name_th", "name_en", "country__name_th", "country__name_en", "country__iso_code", "note")
    list_select_related = ("country",)
    autocomplete_fields = ("country",)
    fieldsets = (
        (None, {"fields": ("country", "name", "is_published", "publish_at")}),
        (_("Contact details"), {"fields": ("address", "phone", "email", "website", "latitude", "longitude")}),
        (
            _("Where the details come from"),
            {
                "fields": ("confirmed_on", "source", "sources_dated_from", "sources_dated_to", "note"),
                "description": _(
                    "The list shipped with the site comes from public sources. Check an entry against the "
                    "office's own records, correct it, then enter the day you did so: the directory stops "
                    "saying it comes from public sources."
                ),
            },
        ),
    )
