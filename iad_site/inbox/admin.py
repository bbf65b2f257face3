"""The staff inbox for any kind of public request, built on django-reversion's VersionAdmin (history, revert).

    @admin.register(Question)
    class QuestionAdmin(PublicRequestAdmin):
        visitor_fields = ("name", "email", "organisation", "country", "topic", "question")
        answer_field = "answer"
        answer_mail_template = "questions/mail/answer"

What staff get: status (new, in progress, answered, closed, spam), assignee and internal notes; filters by status,
language, age and assignee; search by reference number in either era (Q-2569-0042 or Q-2026-0042), name or
email; one-click actions (mark as spam, in progress, closed). Saving a new or changed answer records who answered
and when, marks the request answered and queues the answer to the visitor, in their language.

Only staff with the model's permissions (the Editors group, superusers) see any of it: requests hold personal
data, and their history pages need the same permissions. A request's name in the admin log and in messages is
its reference, never the visitor's name.
"""

import datetime

from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from post_office.models import EmailTemplate
from reversion.admin import VersionAdmin

from . import mail
from .models import OPEN_STATUSES, RequestStatus, parse_reference

# The mail queue's own templates are unused here (messages are rendered from this site's template files,
# iad_site/inbox/mail.py), and their form carries an inline script the Content-Security-Policy blocks.
admin.site.unregister(EmailTemplate)

# Age bands for the filter: (parameter value, label, lower bound in days, upper bound in days).
AGE_BANDS = (
    ("week", _("Less than a week"), 0, 7),
    ("month", _("1 to 4 weeks"), 7, 28),
    ("older", _("More than 4 weeks"), 28, None),
)


class AgeListFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [(value, label) for value, label, _low, _high in AGE_BANDS]

    def queryset(self, request, queryset):
        for value, _label, low, high in AGE_BANDS:
            if self.value() == value:
                now = timezone.now()
                queryset = queryset.filter(received_at__lte=now - datetime.timedelta(days=low))
                if high is not None:
                    queryset = queryset.filter(received_at__gt=now - datetime.timedelta(days=high))
                return queryset
        return queryset


class PublicRequestAdmin(VersionAdmin):
    # What the visitor sent: shown to staff, never edited by them.
    visitor_fields = ("name", "email")
    # The field staff write the reply in, and the mail templates (iad_site.inbox.mail) that send it.
    answer_field = ""
    answer_mail_template = ""
    record_fields = (
        "reference_display",
        "language",
        "received_at",
        "status_changed_at",
        "answered_at",
        "answered_by",
        "personal_data_removed_at",
        "status_page",
    )

    list_display = ("reference_display", "status", "language", "assignee", "received_at", "age")
    list_filter = ("status", "language", AgeListFilter, "assignee")
    search_fields = ("name", "email")
    list_select_related = ("assignee",)
    actions = ("mark_in_progress", "mark_closed", "mark_spam")
    history_latest_first = True
    date_hierarchy = "received_at"

    def get_readonly_fields(self, request, obj=None):
        return (*self.record_fields, *self.visitor_fields)

    def has_add_permission(self, request):
        # Requests come from the public form only.
        return False

    @admin.display(description=_("reference"), ordering="received_at")
    def reference_display(self, obj):
        return obj.reference()

    @admin.display(description=_("days waiting"))
    def age(self, obj):
        end = obj.answered_at or timezone.now()
        return (end - obj.received_at).days

    @admin.display(description=_("status page"))
    def status_page(self, obj):
        if not obj.pk or obj.personal_data_removed_at:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.get_status_url(), gettext("What the visitor sees"))

    def get_search_results(self, request, queryset, search_term):
        """A reference number (in either era) finds its request; anything else searches name and email."""
        if parse_reference(search_term):
            return queryset.with_reference(search_term), False
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.status_changed_at = timezone.now()
        answered = bool(
            self.answer_field and self.answer_field in form.changed_data and getattr(obj, self.answer_field)
        )
        if answered:
            obj.answered_at = timezone.now()
            obj.answered_by = request.user
            if obj.status in OPEN_STATUSES:
                obj.set_status(RequestStatus.ANSWERED, obj.answered_at)
        super().save_model(request, obj, form, change)
        if answered and self.answer_mail_template:
            # Queued once the save is committed: the visitor is never told of an answer that was rolled back.
            origin = mail.site_origin(request)
            transaction.on_commit(lambda: self.send_answer(obj, origin))
            self.message_user(
                request,
                gettext("The answer to %(reference)s was queued for sending to the visitor.")
                % {"reference": obj.reference()},
                messages.SUCCESS,
            )

    def send_answer(self, obj, origin):
        context = {"request": obj, "site_origin": origin}
        mail.queue_mail(self.answer_mail_template, obj.email, obj.language, context, name=obj.name)

    def _set_status(self, request, queryset, status, text):
        now = timezone.now()
        changed = 0
        for obj in queryset:
            if obj.status != status:
                obj.set_status(status, now)
                obj.save(update_fields=["status", "status_changed_at"])
                self.log_change(
                    request, obj, [{"changed": {"fields": [str(obj._meta.get_field("status").verbose_name)]}}]
                )
                changed += 1
        self.message_user(request, text(changed) % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(
            request,
            queryset,
            RequestStatus.SPAM,
            lambda n: ngettext("%(count)d request marked as spam.", "%(count)d requests marked as spam.", n),
        )

    @admin.action(description=_("Mark as in progress"), permissions=["change"])
    def mark_in_progress(self, request, queryset):
        self._set_status(
            request,
            queryset,
            RequestStatus.IN_PROGRESS,
            lambda n: ngettext("%(count)d request marked in progress.", "%(count)d requests marked in progress.", n),
        )

    @admin.action(description=_("Mark as closed"), permissions=["change"])
    def mark_closed(self, request, queryset):
        self._set_status(
            request,
            queryset,
            RequestStatus.CLOSED,
            lambda n: ngettext("%(count)d request closed.", "%(count)d requests closed.", n),
        )
