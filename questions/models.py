"""Questions from the public and the office's answers (ITA item "Q&A"), and the FAQ staff publish from them.

A Question is a public request (iad_site.inbox.models.PublicRequest): reference number, private status page,
the visitor's language and contact, status and who answered. Topics are the office's own list, staff-edited.
An FAQ entry is written by staff in both languages, from an answered question whose asker agreed to it, without
the asker's personal data.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iad_site.core.models import Publishable, PublishableQuerySet
from iad_site.inbox.models import PublicRequest, PublicRequestQuerySet

# Field sizes: generous for a real question, small enough that a flood cannot fill the database.
MAX_QUESTION_CHARS = 4000
MAX_ANSWER_CHARS = 10000


class TopicQuerySet(PublishableQuerySet):
    def offered(self):
        return self.published().order_by("sort_order", "pk")


class Topic(Publishable):
    """What a question is about, chosen by the visitor on the form; also the FAQ's headings."""

    name = models.CharField(_("name"), max_length=100, help_text=_("As visitors see it in the list on the form."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class QuestionQuerySet(PublicRequestQuerySet):
    def for_inbox(self):
        return self.select_related("topic", "assignee", "answered_by")


class Question(PublicRequest):
    reference_prefix = "Q"
    status_url_name = "questions:status"
    personal_fields = (*PublicRequest.personal_fields, "organisation", "country", "question", "answer")

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="questions", verbose_name=_("topic"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    question = models.TextField(_("question"), max_length=MAX_QUESTION_CHARS)
    publish_consent = models.BooleanField(
        _("agrees to publication as an FAQ"),
        default=False,
        help_text=_("The visitor ticked the box allowing the office to publish the question, without their name."),
    )
    answer = models.TextField(
        _("answer"),
        max_length=MAX_ANSWER_CHARS,
        blank=True,
        help_text=_(
            "Write in the visitor's language. Saving a new or changed answer emails it to the visitor and shows it "
            "on their status page."
        ),
    )

    objects = QuestionQuerySet.as_manager()

    class Meta(PublicRequest.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class FAQEntryQuerySet(PublishableQuerySet):
    def for_page(self):
        return self.published().filter(topic__is_published=True).select_related("topic")


class FAQEntry(Publishable):
    """A question and its answer as the public reads them on the FAQ page, in the office's words."""

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="faq_entries", verbose_name=_("topic"))
    question = models.TextField(_("question"), max_length=1000, help_text=_("Rewritten without anyone's name."))
    answer = models.TextField(
        _("answer"), max_length=MAX_ANSWER_CHARS, help_text=_("A blank line starts a new paragraph.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    source_question = models.ForeignKey(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faq_entries",
        verbose_name=_("made from question"),
        editable=False,
    )

    objects = FAQEntryQuerySet.as_manager()

    class Meta:
        ordering = ["topic__sort_order", "sort_order", "pk"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self):
        return self.question[:80]

    def get_absolute_url(self):
        return reverse("questions:faq") + f"#faq-{self.pk}"
