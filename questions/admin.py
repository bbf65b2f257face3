"""The questions inbox, topics and FAQ entries in the admin.

Questions: the inbox of iad_site.inbox.admin (status, assignee, notes, filters, spam action; saving an answer
emails it), plus a topic filter and "Make an FAQ entry" for an answered question whose asker agreed to it: an
unpublished draft with the question and answer copied in, for staff to rewrite without personal data in both
languages before publishing.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from iad_site.core.admin import ContentAdmin, OrderedAdminMixin
from iad_site.inbox.admin import AgeListFilter, PublicRequestAdmin
from iad_site.inbox.models import RequestStatus

from .models import FAQEntry, Question, Topic


@admin.register(Topic)
class TopicAdmin(OrderedAdminMixin, ContentAdmin):
    list_display = ("name", "is_published")
    list_filter = ("is_published",)
    search_fields = ("name",)
    fields = ("name", "is_published", "sort_order")


@admin.register(Question)
class QuestionAdmin(PublicRequestAdmin):
    visitor_fields = ("name", "email", "organisation", "country", "question", "publish_consent")
    answer_field = "answer"
    answer_mail_template = "questions/mail/answer"
    list_display = ("reference_display", "topic", "status", "language", "assignee", "received_at", "age")
    list_filter = ("status", "topic", "language", AgeListFilter, "assignee")
    search_fields = ("name", "email", "organisation", "question")
    list_select_related = ("topic", "assignee")
    fieldsets = (
        (_("From the visitor"), {"fields": ("reference_display", "received_at", "language", *visitor_fields)}),
        (_("The office's work"), {"fields": ("topic", "status", "assignee", "internal_notes")}),
        (_("Answer"), {"fields": ("answer", "answered_at", "answered_by", "status_page")}),
        (_("Record"), {"fields": ("status_changed_at", "personal_data_removed_at"), "classes": ("collapse",)}),
    )
    change_form_template = "admin/questions/question/change_form.html"

    def get_urls(self):
        make_faq = path(
            "<path:object_id>/make-faq/",
            self.admin_site.admin_view(self.make_faq_view),
            name="questions_question_make_faq",
        )
        return [make_faq, *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_make_faq"] = bool(
            obj and obj.publish_consent and obj.answer and request.user.has_perm("questions.add_faqentry")
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def make_faq_view(self, request, object_id):
        """POST only, so the question's text never travels in a URL (and the server's access log)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        question = self.get_object(request, object_id)
        if question is None:
            raise Http404
        if not request.user.has_perm("questions.add_faqentry"):
            raise PermissionDenied
        if not (question.publish_consent and question.answer):
            self.message_user(
                request,
                gettext("Only an answered question whose asker agreed to publication can become an FAQ entry."),
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:questions_question_change", args=[question.pk]))
        entry = FAQEntry(topic=question.topic, source_question=question, is_published=False)
        setattr(entry, f"question_{question.language}", question.question)
        setattr(entry, f"answer_{question.language}", question.answer)
        entry.save()
        self.message_user(
            request,
            gettext(
                "An unpublished FAQ entry was made from %(reference)s. Rewrite it without the asker's name or anything "
                "that identifies them, in Thai and English, then publish it."
            )
            % {"reference": question.reference()},
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:questions_faqentry_change", args=[entry.pk]))


@admin.register(FAQEntry)
class FAQEntryAdmin(ContentAdmin):
    list_display = ("__str__", "topic", "is_published", "sort_order", "updated_at")
    list_filter = ("is_published", "topic")
    search_fields = ("question", "answer")
    list_select_related = ("topic",)
    readonly_fields = ("asker_consent", "updated_at")
    fields = ("topic", "question", "answer", "asker_consent", "is_published", "sort_order", "updated_at")

    @admin.display(description=_("the asker's consent"))
    def asker_consent(self, obj):
        source = obj.source_question if obj else None
        if source is None:
            return gettext("Written by staff: not made from a visitor's question.")
        if source.status == RequestStatus.SPAM or not source.publish_consent:
            return gettext("The asker of %(reference)s did NOT agree to publication.") % {
                "reference": source.reference()
            }
        return gettext(
            "The asker of %(reference)s agreed to publication as an FAQ, without their name or anything that "
            "identifies them."
        ) % {"reference": source.reference()}
