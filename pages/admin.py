"""Admin for the office's own pages: one tab per language on every translated form."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from iad_site.core.admin import ContentAdmin
from iad_site.core.richtext import RichTextAdminMixin

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

AUDIT_FIELDSET = (_("Record"), {"fields": ("updated_at",), "classes": ("collapse",)})


@admin.register(HomePage)
class HomePageAdmin(ContentAdmin):
    """A single set of texts: the list goes straight to it, and a second one cannot be added."""

    list_display = ("__str__", "updated_at")
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not HomePage.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        home = HomePage.current()
        if home is not None:
            return redirect(reverse("admin:pages_homepage_change", args=[home.pk]))
        return super().changelist_view(request, extra_context)


class MilestoneUnitInline(TranslationStackedInline):
    model = MilestoneUnit
    extra = 0
    fields = ("name", "duties", "sort_order")


@admin.register(Milestone)
class MilestoneAdmin(ContentAdmin):
    list_display = ("title", "happened_on", "is_published", "sort_order", "updated_at")
    list_editable = ("sort_order",)
    list_filter = ("is_published", "date_precision")
    search_fields = ("title_th", "title_en", "summary_th", "summary_en")
    date_hierarchy = "happened_on"
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("title", "happened_on", "date_precision", "summary")}),
        (_("Publishing"), {"fields": ("is_published", "sort_order")}),
        AUDIT_FIELDSET,
    )
    inlines = [MilestoneUnitInline]


@admin.register(OfficeUnit)
class OfficeUnitAdmin(ContentAdmin):
    list_display = ("name", "is_published", "sort_order", "updated_at")
    list_editable = ("sort_order",)
    list_filter = ("is_published",)
    search_fields = ("name_th", "name_en", "duties_th", "duties_en")
    readonly_fields = ("updated_at",)


@admin.register(OfficeDuty)
class OfficeDutyAdmin(ContentAdmin):
    list_display = ("__str__", "is_published", "sort_order", "updated_at")
    list_editable = ("sort_order",)
    list_filter = ("is_published",)
    search_fields = ("text_th", "text_en")
    readonly_fields = ("updated_at",)


@admin.register(OrganisationChart)
class OrganisationChartAdmin(ContentAdmin):
    thumbnail_fields = ("image", "alt_text")
    list_display = ("title", "thumbnail", "is_published", "sort_order", "updated_at")
    list_filter = ("is_published",)
    search_fields = ("title_th", "title_en", "alt_text_th", "alt_text_en")
    readonly_fields = ("updated_at",)

    @admin.display(boolean=True, description=_("image uploaded"))
    def has_image(self, chart):
        return bool(chart.image)


class PlanProjectInline(TranslationTabularInline):
    model = PlanProject
    extra = 0
    fields = ("title", "description", "sort_order")


class PlanDocumentInline(TranslationTabularInline):
    # The PDF itself is uploaded in the document library (documents/), the one place for the office's files.
    model = PlanDocument
    extra = 0
    fields = ("title", "document", "sort_order")
    autocomplete_fields = ("document",)


@admin.register(Plan)
class PlanAdmin(ContentAdmin):
    list_display = ("title", "kind", "fiscal_year", "is_published", "updated_at")
    list_filter = ("kind", "fiscal_year", "is_published")
    search_fields = ("title_th", "title_en", "summary_th", "summary_en", "projects__title_th", "projects__title_en")
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "fiscal_year", "last_fiscal_year", "summary")}),
        (_("Publishing"), {"fields": ("is_published", "sort_order")}),
        AUDIT_FIELDSET,
    )
    inlines = [PlanProjectInline, PlanDocumentInline]


@admin.register(Executive)
class ExecutiveAdmin(ContentAdmin):
    thumbnail_fields = ("photo", "photo_alt")
    list_display = ("name", "position", "thumbnail", "is_published", "sort_order", "updated_at")
    list_editable = ("sort_order",)
    list_filter = ("is_published",)
    search_fields = ("name", "position")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("name", "position", "photo", "photo_alt", "phone", "email")}),
        (
            _("Publishing"),
            {
                "fields": ("is_published", "sort_order"),
                "description": _("The executives page and its link on the office page appear once one is published."),
            },
        ),
        AUDIT_FIELDSET,
    )


@admin.register(ContactDetails)
class ContactDetailsAdmin(ContentAdmin):
    """A single set of details: the list goes straight to it, and a second one cannot be added."""

    list_display = ("__str__", "updated_at")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (
            None,
            {
                "fields": ("address", "postal_code", "phone", "fax", "email", "office_hours", "map_url"),
                "description": _(
                    "Shown on the contact page, in every page's footer and to search engines. Leave a value empty "
                    "until it is confirmed: an empty one is not shown anywhere."
                ),
            },
        ),
        (_("Social media"), {"fields": ContactDetails.SOCIAL_FIELDS}),
        AUDIT_FIELDSET,
    )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ContactDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        contact = ContactDetails.current()
        if contact is not None:
            return redirect(reverse("admin:pages_contactdetails_change", args=[contact.pk]))
        return super().changelist_view(request, extra_context)


@admin.register(StaticPage)
class StaticPageAdmin(RichTextAdminMixin, ContentAdmin):
    rich_text_fields = ("body",)
    list_display = ("title", "slug", "is_published", "updated_at")
    list_filter = ("is_published",)
    search_fields = ("title_th", "title_en", "body_th", "body_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "body")}),
        (_("Publishing"), {"fields": ("is_published", "publish_at", "sort_order")}),
        AUDIT_FIELDSET,
    )
