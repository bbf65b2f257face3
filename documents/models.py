"""The document library: every file the office publishes, one PDF each, filed by category and Thai fiscal year.

A plan's documents are library documents too (pages.PlanDocument links to one): a PDF is uploaded here and
nowhere else. Translated fields are registered in translation.py; fiscal years are stored in the Buddhist Era,
as the office writes them, dates in the Common Era.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from iad_site.core.links import slug_url
from iad_site.core.models import Publishable, PublishableQuerySet
from iad_site.core.uploads import PDF_VALIDATORS
from iad_site.core.validators import reject_buddhist_era_year
from iad_site.inbox.figures import fiscal_year_of
from pages.models import fiscal_year_label, fiscal_year_validators


class CategoryQuerySet(PublishableQuerySet):
    def published(self):
        """Published categories that hold a published document: a category has a public page once there is
        something in it to read."""
        documents = Document.objects.filter(category=OuterRef("pk"), is_published=True)
        return super().published().filter(Exists(documents))

    def for_index(self):
        """What the library's first page shows: each category with its number of published documents and
        the latest fiscal year among them."""
        published = Q(documents__is_published=True)
        return self.annotate(
            document_count=Count("documents", filter=published),
            latest_fiscal_year=Max("documents__fiscal_year", filter=published),
        ).order_by("sort_order", "pk")


class Category(Publishable):
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_(
            "Letters a–z, digits and hyphens, from the English name (annual-reports). The same in Thai and English."
        ),
    )
    name = models.CharField(_("name"), max_length=150, help_text=_("Such as Annual reports."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("Optional. One or two sentences shown above the list. Plain text.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position in the list"), default=0, help_text=_("Smaller numbers come first in the list.")
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("document category")
        verbose_name_plural = _("document categories")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("documents:category", self.slug)


class DocumentQuerySet(PublishableQuerySet):
    def published(self):
        """Published documents of a published category."""
        return super().published().filter(category__is_published=True)

    def fiscal_years(self):
        """The fiscal years these documents are filed under, the latest first."""
        return list(self.order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct())

    def for_list(self):
        """Newest first within a fiscal year; a document without a date after those with one."""
        return self.order_by("-fiscal_year", models.F("published_on").desc(nulls_last=True), "-pk")


class Document(Publishable):
    title = models.CharField(_("title"), max_length=300)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="documents", verbose_name=_("category")
    )
    published_on = models.DateField(
        _("date"),
        null=True,  # documents moved from the plans had none; staff give one when they next edit them
        validators=[reject_buddhist_era_year],
        help_text=_("The date on the document, in the Common Era (2025, not 2568)."),
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (Buddhist Era)"),
        blank=True,
        validators=fiscal_year_validators,
        help_text=_(
            "The Buddhist Era fiscal year the document belongs to, e.g. 2568 for an annual report of October "
            "2567 to September 2568. Leave empty to use the fiscal year of its date."
        ),
    )
    file = models.FileField(
        _("PDF file"),
        upload_to="documents/",
        validators=PDF_VALIDATORS,
        help_text=_("The document as a PDF of up to 20 MB. The site shows its size before it is downloaded."),
    )
    file_size = models.PositiveBigIntegerField(_("file size in bytes"), default=0, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-fiscal_year", models.F("published_on").desc(nulls_last=True), "-pk"]
        # A category's page lists one fiscal year at a time, newest first.
        indexes = [models.Index(fields=["category", "-fiscal_year", "-published_on"], name="document_category_year")]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"document-{self.pk}"

    def get_absolute_url(self):
        # The document's entry in its category's list of its fiscal year, where its link and size are.
        return f"{self.category.get_absolute_url()}?year={self.fiscal_year}#{self.anchor}"

    @property
    def fiscal_year_label(self):
        return fiscal_year_label(self.fiscal_year)

    @property
    def file_format(self):
        """'PDF': the format a visitor needs to know before downloading."""
        return Path(self.file.name).suffix.lstrip(".").upper() if self.file else ""

    def clean(self):
        if self.fiscal_year is None and self.published_on is not None:
            self.fiscal_year = fiscal_year_of(self.published_on)
        if self.fiscal_year is None:
            raise ValidationError({"fiscal_year": _("Enter the fiscal year, or the document's date to use its year.")})

    # The name of the file as last read from the database: a different one is a new file to measure.
    _stored_file_name = ""

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        document._stored_file_name = document.__dict__.get("file") or ""
        return document

    def save(self, *args, **kwargs):
        # Measured once when a file arrives (uploaded, or stored by code), so listing documents never touches
        # the disk.
        if self.file and (not self.file._committed or self.file.name != self._stored_file_name):
            self.file_size = self.file.size
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name or ""
