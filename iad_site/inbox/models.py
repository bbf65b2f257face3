"""The parts every request sent through a public form shares (a question, a visit request): an abstract model.

A concrete request model lives in its section (questions.Question) and inherits `PublicRequest`:

    class Question(PublicRequest):
        reference_prefix = "Q"
        personal_fields = (*PublicRequest.personal_fields, "organisation", "question", "answer")
        question = models.TextField(...)

What the base holds: a reference number readable over the telephone (Q-2569-0042: the kind's letter, the year
the request arrived, in the Buddhist Era on Thai pages and the Common Era on English ones, and a number
counted from 1 each year), an unguessable status token (the private status page's address: no login), the
visitor's language, name and email, the status with its timestamps, who answered and when, the staff's
assignee and notes, and the fingerprint that makes a double post store one request.

Visitors write these rows, and no cached public page shows them (the status page is never cached), so a save
leaves the page cache alone (`page_cache_ignores_saves`, read by iad_site.pagecache).
"""

import re
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iad_site.core.dates import BUDDHIST_ERA_OFFSET, display_year

# Reference numbers as a visitor may type them back: "Q-2569-0042", "q 2026 42", "Q25690042" is not accepted.
REFERENCE = re.compile(r"^\s*([A-Za-z]{1,3})\s*[-\s]\s*(\d{4})\s*[-\s]\s*(\d{1,6})\s*$")


class RequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    SPAM = "spam", _("Spam")


# Waiting for the office: counted on the admin home page.
OPEN_STATUSES = (RequestStatus.NEW, RequestStatus.IN_PROGRESS)
# Nothing more to do: personal data goes once these are older than the retention period (iad_site.inbox.retention).
FINISHED_STATUSES = (RequestStatus.ANSWERED, RequestStatus.CLOSED, RequestStatus.SPAM)


def new_status_token():
    # 32 random bytes: a status address nobody can guess or count through.
    return secrets.token_urlsafe(32)


def parse_reference(text):
    """(prefix, Common Era year, number) from a reference typed in either era, or None.

    Buddhist Era years (25xx) and Common Era years (20xx) never overlap, so the year says its own era."""
    match = REFERENCE.match(str(text or ""))
    if not match:
        return None
    prefix, year, number = match.group(1).upper(), int(match.group(2)), int(match.group(3))
    if year > 2400:
        year -= BUDDHIST_ERA_OFFSET
    return prefix, year, number


class PublicRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def not_spam(self):
        return self.exclude(status=RequestStatus.SPAM)

    def with_reference(self, text):
        """The request a reference names (in either era), or none; another kind's prefix finds nothing."""
        parsed = parse_reference(text)
        if parsed is None or parsed[0] != self.model.reference_prefix:
            return self.none()
        _prefix, year, number = parsed
        return self.filter(reference_year=year, reference_number=number)


class PublicRequest(models.Model):
    """A request a visitor sent through a public form. Abstract: each kind is a model of its own section."""

    # The letter in front of each reference number: one per kind of request, never changed once in use.
    reference_prefix = ""
    # URL name of the private status page, which takes the token as `token`.
    status_url_name = ""
    # Fields holding the visitor's personal data: emptied by the retention command. Kinds add their own.
    personal_fields = ("name", "email", "internal_notes")
    # Statuses after which nothing more is done: the retention period runs from them. A kind with its own
    # workflow (a visit: completed, declined, withdrawn) names its own.
    finished_statuses = FINISHED_STATUSES
    page_cache_ignores_saves = True

    reference_year = models.PositiveSmallIntegerField(_("year of the reference number"), editable=False)
    reference_number = models.PositiveIntegerField(_("number in the year"), editable=False)
    status_token = models.CharField(
        _("status page token"), max_length=64, unique=True, default=new_status_token, editable=False
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language the visitor wrote in; emails to them are sent in it."),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)

    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.NEW)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(_("status last changed"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
        help_text=_("The staff member who takes care of it."),
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("For staff only: never shown or sent to the visitor.")
    )
    # A hash of the form as sent (its signed start time included): a double click or a reload of the
    # confirmation posts the same fingerprint, and the unique constraint keeps one row.
    fingerprint = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    personal_data_removed_at = models.DateTimeField(
        _("personal data deleted"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the retention period ended and the visitor's personal data was deleted."),
    )

    objects = PublicRequestQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference_year", "reference_number"], name="%(app_label)s_%(class)s_unique_reference"
            )
        ]

    def __str__(self):
        # The reference only: admin history and messages never show a visitor's name.
        return self.reference()

    def reference(self, language=None):
        """Q-2569-0042 on Thai pages, Q-2026-0042 on English ones (the same request)."""
        if self.reference_number is None:
            return ""
        return f"{self.reference_prefix}-{display_year(self.reference_year, language)}-{self.reference_number:04d}"

    def get_status_url(self):
        return reverse(self.status_url_name, kwargs={"token": self.status_token})

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def set_status(self, status, when=None):
        if status != self.status:
            self.status = status
            self.status_changed_at = when or timezone.now()

    def save_new(self):
        """Stores a new request with the next reference number of its year, committed at once.

        Returns (request, created). Two posts with the same fingerprint (a double click) store one row: the
        second returns the first. Two different requests arriving together may pick the same number; the
        loser of the unique constraint takes the next one."""
        model = type(self)
        if self.fingerprint:
            existing = model._default_manager.filter(fingerprint=self.fingerprint).first()
            if existing is not None:
                return existing, False
        self.reference_year = timezone.localtime(self.received_at).year
        for _attempt in range(10):
            last = model._default_manager.filter(reference_year=self.reference_year).aggregate(
                n=Max("reference_number")
            )
            self.reference_number = (last["n"] or 0) + 1
            try:
                with transaction.atomic():
                    self.save(force_insert=True)
                return self, True
            except IntegrityError:
                self.pk = None
                if self.fingerprint:
                    existing = model._default_manager.filter(fingerprint=self.fingerprint).first()
                    if existing is not None:
                        return existing, False
        raise IntegrityError(f"No free reference number for {model._meta.label} in {self.reference_year}")

    def remove_personal_data(self, when=None):
        """Empties every personal field; keeps what the anonymous figures need (dates, status, topic, language)."""
        for name in self.personal_fields:
            field = self._meta.get_field(name)
            setattr(self, name, None if field.null else "")
        self.fingerprint = None
        self.personal_data_removed_at = when or timezone.now()
        self.save()


def finished_before(queryset, cutoff):
    """Requests finished (in their kind's `finished_statuses`) whose status last changed before the cutoff, still
    holding data."""
    return queryset.filter(
        Q(status__in=queryset.model.finished_statuses),
        status_changed_at__lt=cutoff,
        personal_data_removed_at__isnull=True,
    )


def request_models():
    """Every concrete model of a public request, in INSTALLED_APPS order: what the retention command and the
    admin home's counts walk. A new kind of request is found here by inheriting PublicRequest."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, PublicRequest)]
