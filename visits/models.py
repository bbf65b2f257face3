"""Requests to visit the office (ITA e-service): courtesy calls, meetings, study visits, partner-city delegations.

A VisitRequest is a public request (iad_site.inbox.models.PublicRequest): reference number (V-2569-0001), private
status page, the visitor's language and contact, the staff assignee and notes. Its status is the visit's own
workflow; the inbox's "new" and "in progress" values stand for "received" and "under review", so the inbox's
open-request counts and its "in progress" and "spam" actions work unchanged. "Answered" is the office's first
reply that settles the request (scheduled or declined): the figures' days to an answer count to it.

An official letter is kept out of the public media folder (nginx serves MEDIA_ROOT to anyone): it is stored in
PRIVATE_MEDIA_ROOT under a random name, and staff download it through the admin, which checks permissions.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from iad_site.core.models import Publishable, PublishableQuerySet
from iad_site.core.richtext import HELP_TEXT as RICH_TEXT_HELP
from iad_site.core.sections import languages
from iad_site.core.uploads import PDF_VALIDATORS
from iad_site.inbox.models import PublicRequest, PublicRequestQuerySet

MAX_TEXT_CHARS = 4000
MAX_PEOPLE = 500


class VisitStatus(models.TextChoices):
    RECEIVED = "new", _("Received")
    UNDER_REVIEW = "in_progress", _("Under review")
    SCHEDULED = "scheduled", _("Scheduled")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the requester")
    SPAM = "spam", _("Spam")


# The office's reply that settles a request: the figures count days from arrival to the first of these.
ANSWERING_STATUSES = (VisitStatus.SCHEDULED, VisitStatus.DECLINED)
# Nothing more to do: the retention period runs from these (iad_site.inbox.retention).
FINISHED_STATUSES = (VisitStatus.COMPLETED, VisitStatus.DECLINED, VisitStatus.WITHDRAWN, VisitStatus.SPAM)
# The requester may withdraw while nothing is settled for good.
WITHDRAWABLE_STATUSES = (VisitStatus.RECEIVED, VisitStatus.UNDER_REVIEW, VisitStatus.SCHEDULED)


class Satisfaction(models.IntegerChoices):
    VERY_DISSATISFIED = 1, _("1: very dissatisfied")
    DISSATISFIED = 2, _("2: dissatisfied")
    NEUTRAL = 3, _("3: neither satisfied nor dissatisfied")
    SATISFIED = 4, _("4: satisfied")
    VERY_SATISFIED = 5, _("5: very satisfied")


class MeetingLanguage(models.TextChoices):
    THAI = "th", _("Thai")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Another language (with an interpreter)")


class PrivateStorage(FileSystemStorage):
    """Files with no public address: under PRIVATE_MEDIA_ROOT, read only through views that check permissions,
    and on the server by the site's own user alone (as a restore writes them back: iad_site/backups)."""

    def __init__(self, **kwargs):
        super().__init__(file_permissions_mode=0o600, directory_permissions_mode=0o700, **kwargs)

    @cached_property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    def url(self, name):
        raise ValueError("Private files have no public URL; staff download them through the admin.")


private_storage = PrivateStorage()


def letter_name(instance, filename):
    # A random name: the visitor's file name (often the organisation's) is never kept, and no name can be guessed.
    return f"visit-letters/{timezone.now():%Y}/{secrets.token_hex(16)}.pdf"


class VisitKindQuerySet(PublishableQuerySet):
    def offered(self):
        return self.published().order_by("sort_order", "pk")


class VisitKind(Publishable):
    """What is asked for (a courtesy call, a study visit...): the office's own list, chosen on the form."""

    name = models.CharField(_("name"), max_length=120, help_text=_("As visitors see it in the list on the form."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = VisitKindQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("kind of visit")
        verbose_name_plural = _("kinds of visit")

    def __str__(self):
        return self.name


class VisitGuide(Publishable):
    """The "How to request a visit" page, in the office's own words. Shipped unpublished with headings only."""

    body = models.TextField(
        _("text"),
        help_text=RICH_TEXT_HELP,
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("how to request a visit")
        verbose_name_plural = _("how to request a visit")

    def __str__(self):
        return str(_("How to request a visit"))

    def get_absolute_url(self):
        return reverse("visits:guide")


class VisitRequestQuerySet(PublicRequestQuerySet):
    def for_inbox(self):
        return self.select_related("kind", "country", "assignee")

    def completed(self):
        return self.filter(status=VisitStatus.COMPLETED)

    def on_calendar_between(self, start, end):
        """Visits with a date, scheduled or since completed, from the aware datetime `start` up to `end`: the
        staff's month calendar, earliest first."""
        return self.filter(
            status__in=(VisitStatus.SCHEDULED, VisitStatus.COMPLETED), scheduled_at__gte=start, scheduled_at__lt=end
        ).order_by("scheduled_at", "pk")

    def scheduled_for(self, user):
        """The scheduled visits a staff member is assigned to, earliest first: their calendar feed."""
        return self.filter(status=VisitStatus.SCHEDULED, assignee=user, scheduled_at__isnull=False).order_by(
            "scheduled_at"
        )


class VisitRequest(PublicRequest):
    reference_prefix = "V"
    status_url_name = "visits:status"
    finished_statuses = FINISHED_STATUSES
    personal_fields = (
        *PublicRequest.personal_fields,
        "organisation",
        "phone",
        "head_of_delegation",
        "head_position",
        "purpose",
        "topics",
        "decline_reason",
        "satisfaction_comment",
    )

    status = models.CharField(_("status"), max_length=16, choices=VisitStatus.choices, default=VisitStatus.RECEIVED)
    kind = models.ForeignKey(VisitKind, on_delete=models.PROTECT, related_name="requests", verbose_name=_("kind"))
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.ForeignKey(
        "relations.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_requests",
        verbose_name=_("country"),
    )
    phone = models.CharField(_("telephone"), max_length=40)
    head_of_delegation = models.CharField(_("head of the delegation"), max_length=200)
    head_position = models.CharField(_("position of the head of the delegation"), max_length=200)
    number_of_people = models.PositiveSmallIntegerField(
        _("number of people"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE)]
    )
    first_choice_start = models.DateField(_("first choice: from"))
    first_choice_end = models.DateField(_("first choice: to"))
    second_choice_start = models.DateField(_("second choice: from"))
    second_choice_end = models.DateField(_("second choice: to"))
    third_choice_start = models.DateField(_("third choice: from"), null=True, blank=True)
    third_choice_end = models.DateField(_("third choice: to"), null=True, blank=True)
    purpose = models.TextField(_("purpose of the visit"), max_length=MAX_TEXT_CHARS)
    topics = models.TextField(_("topics or BMA agencies of interest"), max_length=MAX_TEXT_CHARS, blank=True)
    meeting_language = models.CharField(
        _("language of the meeting"), max_length=8, choices=MeetingLanguage.choices, default=MeetingLanguage.THAI
    )
    interpreter_needed = models.BooleanField(_("asks the office for an interpreter"), default=False)
    official_letter = models.FileField(
        _("official letter"),
        upload_to=letter_name,
        storage=private_storage,
        validators=PDF_VALIDATORS,
        blank=True,
        max_length=200,
    )

    sister_city = models.ForeignKey(
        "relations.SisterCity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_requests",
        verbose_name=_("sister city"),
        help_text=_("The partner this visit concerns, if any."),
    )
    city_network = models.ForeignKey(
        "relations.CityNetwork",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_requests",
        verbose_name=_("city network"),
    )
    embassy = models.ForeignKey(
        "relations.Embassy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_requests",
        verbose_name=_("embassy"),
    )
    scheduled_at = models.DateTimeField(
        _("scheduled date and time"), null=True, blank=True, help_text=_("Bangkok time. Needed to schedule.")
    )
    scheduled_place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Shown to the requester on their status page.")
    )
    bma_host = models.CharField(
        _("BMA host"),
        max_length=300,
        blank=True,
        help_text=_("Who receives the delegation, as the requester should read it (name and position)."),
    )
    reminder_sent_at = models.DateTimeField(
        _("reminder sent"), null=True, blank=True, editable=False, help_text=_("When the host was reminded.")
    )
    decline_reason = models.TextField(
        _("reason for declining"),
        max_length=MAX_TEXT_CHARS,
        blank=True,
        help_text=_("The requester reads this, in the email and on their status page. Needed to decline."),
    )
    # The satisfaction survey (ITA O15), answered once by the requester after the visit: both questions optional.
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"), choices=Satisfaction.choices, null=True, blank=True, editable=False
    )
    satisfaction_comment = models.TextField(
        _("comment on the visit"), max_length=MAX_TEXT_CHARS, blank=True, editable=False
    )
    survey_answered_at = models.DateTimeField(_("survey answered"), null=True, blank=True, editable=False)

    objects = VisitRequestQuerySet.as_manager()

    class Meta(PublicRequest.Meta):
        verbose_name = _("visit request")
        verbose_name_plural = _("visit requests")

    def proposed_ranges(self):
        """(start, end) of each proposed period, in the order of preference."""
        pairs = (
            (self.first_choice_start, self.first_choice_end),
            (self.second_choice_start, self.second_choice_end),
            (self.third_choice_start, self.third_choice_end),
        )
        return [(start, end or start) for start, end in pairs if start]

    def remove_personal_data(self, when=None):
        # The letter's file goes with the row's personal data: emptying the field alone would leave it on disk.
        if self.official_letter:
            self.official_letter.delete(save=False)
        super().remove_personal_data(when)

    @property
    def can_withdraw(self):
        return self.status in WITHDRAWABLE_STATUSES and not self.personal_data_removed_at

    def get_survey_url(self):
        return reverse("visits:survey", kwargs={"token": self.status_token})

    @property
    def survey_is_open(self):
        """The requester may still answer the survey: the visit took place, they have not answered yet, and the
        request is still kept (after the retention period there is no one to ask)."""
        return (
            self.status == VisitStatus.COMPLETED
            and self.survey_answered_at is None
            and self.personal_data_removed_at is None
        )

    def answer_survey(self, satisfaction, comment):
        """Stores the requester's one answer; False, storing nothing, if there already is one. One conditional
        UPDATE, so two answers sent at once (a double click, two tabs) still keep only the first."""
        now = timezone.now()
        stored = (
            type(self)
            .objects.filter(
                pk=self.pk,
                status=VisitStatus.COMPLETED,
                survey_answered_at__isnull=True,
                personal_data_removed_at__isnull=True,
            )
            .update(satisfaction=satisfaction, satisfaction_comment=comment, survey_answered_at=now)
        )
        if stored:
            self.satisfaction, self.satisfaction_comment, self.survey_answered_at = satisfaction, comment, now
        return bool(stored)

    def withdraw(self):
        self.set_status(VisitStatus.WITHDRAWN)
        self.save(update_fields=["status", "status_changed_at"])


class VisitSummary(models.Model):
    """The office's short public account of a completed visit, written by staff in the visit's admin. Saved, it
    is the partner's exchange or activity (relations.Activity, created or updated here, shown in the partner's
    one timeline); published once the visit is completed. A visit that names only an embassy has no page to
    show it on: embassies have no activities."""

    visit = models.OneToOneField(
        VisitRequest, on_delete=models.CASCADE, related_name="summary", verbose_name=_("visit")
    )
    title = models.CharField(
        _("title"), max_length=250, help_text=_("As the partner's page shows it, above the summary.")
    )
    text = models.TextField(
        _("summary"),
        max_length=2000,
        blank=True,
        help_text=_("What happened, in a few sentences. Plain text. Nothing personal about the requester."),
    )
    is_published = models.BooleanField(
        _("published on the partner's page"),
        default=False,
        help_text=_("Only once the visit is completed, and only on a sister city's or city network's page."),
    )
    # The activity this summary is, on the partner's page; kept if staff delete it there (set to none).
    activity = models.OneToOneField(
        "relations.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="visit_summary",
    )

    class Meta:
        ordering = ["-visit__received_at"]
        verbose_name = _("published summary")
        verbose_name_plural = _("published summaries")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        with transaction.atomic():
            self.activity = self.synced_activity()
            super().save(*args, **kwargs)

    def clean(self):
        if not self.is_published:
            return
        if self.visit.status != VisitStatus.COMPLETED:
            raise ValidationError({"is_published": _("Publish the summary once the visit is completed.")})
        if not (self.visit.sister_city_id or self.visit.city_network_id):
            raise ValidationError(
                {
                    "is_published": _(
                        "Choose the sister city or city network the visit concerns: the summary appears on its page."
                    )
                }
            )

    @property
    def shows_publicly(self):
        visit = self.visit
        has_place = visit.sister_city_id or visit.city_network_id
        return bool(self.is_published and visit.status == VisitStatus.COMPLETED and has_place)

    def synced_activity(self):
        """The partner's activity with this summary's text in every language, published only while the summary
        may be shown; none while the visit names no sister city or city network and never did."""
        from relations.models import Activity

        visit = self.visit
        activity = self.activity or Activity()
        if visit.sister_city_id or visit.city_network_id:
            activity.city_id, activity.network_id = visit.sister_city_id, visit.city_network_id
        elif activity.pk is None:
            return None
        for language in languages():
            for source, target in (("title", "title"), ("text", "summary")):
                setattr(activity, f"{target}_{language}", getattr(self, f"{source}_{language}"))
        activity.happened_on = timezone.localdate(visit.scheduled_at or visit.status_changed_at)
        activity.is_published = self.shows_publicly
        activity.save()
        return activity
