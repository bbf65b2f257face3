"""Visit requests in the staff inbox (iad_site.inbox.admin), and the office's list of kinds and how-to page.

A change of status is the workflow: under review, scheduled (needs the date and time), completed, declined (needs
the reason the requester reads). Each change queues an email to the requester in their language, once the save
is committed, and shows on their status page. The official letter is downloaded through a view here that
checks the staff member may view the request: it has no public address. Once the visit is completed, its
published summary (an inline) becomes the partner's exchange or activity (visits.models.VisitSummary). The
list links a month calendar of the visits with a date (visits.month).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from iad_site.core.admin import ContentAdmin, OrderedAdminMixin
from iad_site.core.dates import DatePrecision, format_date
from iad_site.core.richtext import RichTextAdminMixin
from iad_site.inbox import mail
from iad_site.inbox.admin import AgeListFilter, PublicRequestAdmin

from .models import ANSWERING_STATUSES, VisitGuide, VisitKind, VisitRequest, VisitStatus, VisitSummary
from .views import notify_requester


@admin.register(VisitKind)
class VisitKindAdmin(OrderedAdminMixin, ContentAdmin):
    list_display = ("name", "is_published")
    list_filter = ("is_published",)
    search_fields = ("name",)
    fields = ("name", "is_published", "sort_order")


@admin.register(VisitGuide)
class VisitGuideAdmin(RichTextAdminMixin, ContentAdmin):
    rich_text_fields = ("body",)
    list_display = ("__str__", "is_published", "updated_at")
    fields = ("body", "is_published")


class VisitRequestAdminForm(forms.ModelForm):
    """The admin builds the fields from the fieldsets; this adds what a step needs before it is taken."""

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == VisitStatus.SCHEDULED and not cleaned.get("scheduled_at"):
            self.add_error("scheduled_at", _("Enter the date and time of the visit to schedule it."))
        if status == VisitStatus.DECLINED and not (cleaned.get("decline_reason") or "").strip():
            self.add_error("decline_reason", _("Write the reason the requester will read."))
        return cleaned


class VisitSummaryInline(TranslationStackedInline):
    """The published summary, written once the visit is completed: it becomes the partner's exchange or activity."""

    model = VisitSummary
    fields = ("title", "text", "is_published", "partner_page")
    readonly_fields = ("partner_page",)
    max_num = 1
    # Unpublish rather than delete: the partner's activity stays linked to its visit.
    can_delete = False

    @admin.display(description=_("on the partner's page"))
    def partner_page(self, obj):
        if obj is None or obj.activity is None:
            return "—"
        url = reverse("admin:relations_activity_change", args=[obj.activity.pk])
        label = gettext("Published") if obj.activity.is_published else gettext("Not published")
        return format_html('<a href="{}">{}</a>', url, label)


@admin.register(VisitRequest)
class VisitRequestAdmin(PublicRequestAdmin):
    form = VisitRequestAdminForm
    inlines = (VisitSummaryInline,)
    visitor_fields = (
        "kind",
        "name",
        "email",
        "phone",
        "organisation",
        "country",
        "head_of_delegation",
        "head_position",
        "number_of_people",
        "proposed_dates",
        "purpose",
        "topics",
        "meeting_language",
        "interpreter_needed",
        "letter",
    )
    # The requester's answer to the survey after the visit: read, never edited, by staff.
    survey_fields = ("satisfaction", "satisfaction_comment", "survey_answered_at")
    list_display = ("reference_display", "kind", "status", "country", "scheduled_at", "assignee", "received_at", "age")
    list_filter = ("status", "kind", "language", AgeListFilter, "assignee", "interpreter_needed")
    search_fields = ("name", "email", "organisation", "head_of_delegation")
    list_select_related = ("kind", "country", "assignee")
    # "Closed" is not a step of a visit: completed or declined say how it ended.
    actions = ("mark_in_progress", "mark_spam")
    # Reversion's list (recover deleted) with the staff member's calendar feed link on top.
    change_list_template = "admin/visits/visitrequest/change_list.html"
    fieldsets = (
        (_("From the requester"), {"fields": ("reference_display", "received_at", "language", *visitor_fields)}),
        (
            _("The office's work"),
            {"fields": ("status", "assignee", "scheduled_at", "scheduled_place", "bma_host", "decline_reason")},
        ),
        (_("Partner"), {"fields": ("sister_city", "city_network", "embassy")}),
        (_("Satisfaction survey"), {"fields": survey_fields}),
        (_("Internal"), {"fields": ("internal_notes", "status_page")}),
        (
            _("Record"),
            {
                "fields": ("status_changed_at", "answered_at", "answered_by", "personal_data_removed_at"),
                "classes": ("collapse",),
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.survey_fields)

    @admin.display(description=_("proposed dates"))
    def proposed_dates(self, obj):
        return "; ".join(
            format_date(start) if start == end else f"{format_date(start)} – {format_date(end)}"
            for start, end in obj.proposed_ranges()
        )

    @admin.display(description=_("official letter"))
    def letter(self, obj):
        if not obj.pk or not obj.official_letter:
            return "—"
        url = reverse("admin:visits_visitrequest_letter", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download the letter (PDF)"))

    def get_urls(self):
        letter = path(
            "<path:object_id>/letter/",
            self.admin_site.admin_view(self.letter_view),
            name="visits_visitrequest_letter",
        )
        month = path(
            "calendar/",
            self.admin_site.admin_view(self.calendar_view),
            name="visits_visitrequest_calendar",
        )
        return [letter, month, *super().get_urls()]

    def calendar_view(self, request):
        """The month calendar of visits with a date, for whoever may see the visit requests."""
        from .month import month_calendar, month_from

        if not self.has_view_permission(request):
            raise PermissionDenied
        month = month_calendar(month_from(request.GET.get("month")))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Calendar of visits: %(month)s")
            % {"month": format_date(month.first, DatePrecision.MONTH)},
            "month": month,
            "today": timezone.localdate(),
        }
        return TemplateResponse(request, "admin/visits/visitrequest/calendar.html", context)

    def letter_view(self, request, object_id):
        visit = self.get_object(request, object_id)
        if visit is None or not visit.official_letter:
            raise Http404
        if not self.has_view_permission(request, visit):
            raise PermissionDenied
        response = FileResponse(
            visit.official_letter.open("rb"),
            as_attachment=True,
            filename=f"{visit.reference()}.pdf",
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def changelist_view(self, request, extra_context=None):
        from .calendar import feed_url

        extra_context = {
            **(extra_context or {}),
            "calendar_feed_url": request.build_absolute_uri(feed_url(request.user)),
        }
        return super().changelist_view(request, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A change to the visit alone (its partner, its status) reaches the partner's activity too.
        summary = VisitSummary.objects.filter(visit=form.instance).first()
        if summary is not None:
            summary.save()

    def save_model(self, request, obj, form, change):
        status_changed = "status" in form.changed_data
        if status_changed and obj.status in ANSWERING_STATUSES and obj.answered_at is None:
            obj.answered_at = timezone.now()
            obj.answered_by = request.user
        super().save_model(request, obj, form, change)
        if status_changed and obj.status != VisitStatus.SPAM:
            origin = mail.site_origin(request)
            # Queued once the save is committed: the requester is never told of a change that was rolled back.
            transaction.on_commit(lambda: notify_requester(obj, origin))
            self.message_user(
                request,
                gettext("The requester of %(reference)s will be emailed about the new status.")
                % {"reference": obj.reference()},
                messages.SUCCESS,
            )
