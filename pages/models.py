"""The office's own story: the home page's texts, its history, its structure, its executives, its plans, its static
pages and its contact details.

Translated fields are registered in translation.py; dates are stored in the Common Era and shown through
iad_site.core.dates; fiscal years are stored in the Buddhist Era, as the office writes them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iad_site.core.dates import DatePrecision, display_year, fiscal_year_bounds, format_date
from iad_site.core.links import slug_url
from iad_site.core.models import Publishable, PublishableQuerySet, ScheduledPublication
from iad_site.core.richtext import HELP_TEXT as RICH_TEXT_HELP
from iad_site.core.uploads import ResponsiveImageField
from iad_site.core.validators import reject_buddhist_era_year

# Fiscal years are typed in the Buddhist Era; anything outside this range is a Common Era year or a typo.
EARLIEST_FISCAL_YEAR_BE = 2400
LATEST_FISCAL_YEAR_BE = 2700

fiscal_year_validators = [
    MinValueValidator(EARLIEST_FISCAL_YEAR_BE, _("Enter the fiscal year in the Buddhist Era, e.g. 2556, not 2013.")),
    MaxValueValidator(LATEST_FISCAL_YEAR_BE),
]


def fiscal_year_label(first, last=None):
    """'ปีงบประมาณ 2556 (ตุลาคม 2555 – กันยายน 2556)' / 'Fiscal year 2013 (October 2012 – September 2013)'.

    Fiscal years are stored in the Buddhist Era; the label counts years as the reader does.
    """
    start_year, end_year = fiscal_year_bounds(first)
    if last and last != first:
        end_year = fiscal_year_bounds(last)[1]
    params = {
        "first": display_year(fiscal_year_bounds(first)[1]),
        "last": display_year(end_year),
        "start": format_date(datetime.date(start_year, 10, 1), DatePrecision.MONTH),
        "end": format_date(datetime.date(end_year, 9, 30), DatePrecision.MONTH),
    }
    if last and last != first:
        return _("Fiscal years %(first)s–%(last)s (%(start)s – %(end)s)") % params
    return _("Fiscal year %(first)s (%(start)s – %(end)s)") % params


class HomePage(models.Model):
    """The texts at the top of the home page. There is only ever one row: the admin refuses a second."""

    motto = models.TextField(_("Bangkok's motto"), help_text=_("Shown at the top of the home page, as a quotation."))
    welcome = models.TextField(
        _("welcome message"),
        help_text=_("The office's greeting under the motto. A blank line starts a new paragraph."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("home page texts")
        verbose_name_plural = _("home page texts")

    def __str__(self):
        return str(_("Home page texts"))

    def get_absolute_url(self):
        return reverse("pages:home")

    def clean(self):
        if HomePage.objects.exclude(pk=self.pk).exists():
            raise ValidationError(_("The home page has one set of texts only. Edit the existing one instead."))

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()


class MilestoneQuerySet(PublishableQuerySet):
    def with_units(self):
        return self.prefetch_related("units")


class Milestone(Publishable):
    """A step in the office's history: usually a resolution that changed what the office was or did."""

    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("A short heading, e.g. 'Raised to the Foreign Affairs Division'."),
    )
    happened_on = models.DateField(
        _("date"),
        null=True,
        blank=True,
        validators=[reject_buddhist_era_year],
        help_text=_("Type the Common Era year: 28/08/1995, not 28/08/2538. Leave empty if the date is not known."),
    )
    date_precision = models.CharField(
        _("how much of the date is known"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("If only the year is known, type 1 January of that year and choose 'Year only'."),
    )
    summary = models.TextField(
        _("what changed"),
        help_text=_("The decision in the office's own words. A blank line starts a new paragraph."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Milestones are listed from the smallest number up.")
    )

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "happened_on", "pk"]
        verbose_name = _("history milestone")
        verbose_name_plural = _("history milestones")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:history") + f"#milestone-{self.pk}"

    def clean(self):
        if self.happened_on is None and self.date_precision != DatePrecision.UNKNOWN:
            self.date_precision = DatePrecision.UNKNOWN


class MilestoneUnit(models.Model):
    """A unit the office had after a milestone, with its duties at the time."""

    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="units", verbose_name=_("milestone")
    )
    name = models.CharField(_("unit"), max_length=200)
    duties = models.TextField(_("duties"), blank=True, help_text=_("What the unit was responsible for at the time."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("unit at the time")
        verbose_name_plural = _("units at the time")

    def __str__(self):
        return self.name


class OfficeUnit(Publishable):
    """One of the office's current units, shown on the structure page."""

    name = models.CharField(_("unit"), max_length=200)
    duties = models.TextField(
        _("duties"), blank=True, help_text=_("Optional. What the unit is responsible for, shown under its name.")
    )
    staff_positions = models.PositiveSmallIntegerField(
        _("staff positions"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. How many staff positions the unit has. Once any unit has a number, the structure page "
            "shows a staffing chart."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("current unit")
        verbose_name_plural = _("current units")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:structure")


class OfficeDuty(Publishable):
    """One of the office's duties (อำนาจหน้าที่) as currently defined, listed in order."""

    text = models.TextField(_("duty"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("duty of the office")
        verbose_name_plural = _("duties of the office")

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("pages:structure")


class OrganisationChart(Publishable):
    """An organisation chart on the structure page, shown once its image is uploaded (until then the page
    draws its charts from the units)."""

    title = models.CharField(_("title"), max_length=300)
    image = ResponsiveImageField(
        _("image"),
        upload_to="charts/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("Optional. A PNG or JPEG of the chart."),
    )
    # Stored when the image is saved, so the page gives <img> its size without opening the file.
    image_width = models.PositiveIntegerField(_("image width"), null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(_("image height"), null=True, blank=True, editable=False)
    alt_text = models.TextField(
        _("text alternative"),
        blank=True,
        help_text=_("Required with an image: describe the chart's boxes and lines for people who cannot see it."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("organisation chart")
        verbose_name_plural = _("organisation charts")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:structure")

    def clean(self):
        if self.image and not (self.alt_text_th or "").strip():
            raise ValidationError({"alt_text_th": _("Describe the chart: an image needs a text alternative.")})


class PlanQuerySet(PublishableQuerySet):
    def for_list(self):
        """What the plan list shows: each plan with its number of projects and documents, in one query."""
        return self.annotate(
            project_count=models.Count("projects", distinct=True),
            document_count=models.Count("documents", distinct=True),
        )

    def with_contents(self):
        entries = PlanDocument.objects.select_related("document__category")
        return self.prefetch_related("projects", models.Prefetch("documents", queryset=entries))


class Plan(Publishable):
    """An annual, multi-year or monthly plan, filed under the Buddhist Era fiscal year it starts in."""

    class Kind(models.TextChoices):
        PROJECTS = "projects", _("Annual projects plan")
        ADMINISTRATION = "administration", _("Administration plan")
        MONTHLY = "monthly", _("Monthly operation plan")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("web address"),
        max_length=100,
        unique=True,
        help_text=_("Latin letters, digits and hyphens, from the English title, e.g. 'projects-fy2556'."),
    )
    kind = models.CharField(_("kind of plan"), max_length=20, choices=Kind.choices)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (Buddhist Era)"),
        validators=fiscal_year_validators,
        help_text=_("The Buddhist Era fiscal year, e.g. 2556. A plan for several years: the first one."),
    )
    last_fiscal_year = models.PositiveSmallIntegerField(
        _("last fiscal year (Buddhist Era)"),
        null=True,
        blank=True,
        validators=fiscal_year_validators,
        help_text=_("Only for a plan covering several years, e.g. 2555 for a 2552-2555 plan."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("Optional. One or two sentences about the plan."))
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Order within the same fiscal year, smallest first.")
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "sort_order", "pk"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("pages:plan_detail", self.slug)

    def clean(self):
        if self.last_fiscal_year and self.last_fiscal_year < self.fiscal_year:
            raise ValidationError({"last_fiscal_year": _("The last fiscal year cannot come before the first.")})

    @property
    def fiscal_year_label(self):
        """The fiscal year the plan is filed under, e.g. for the list's headings."""
        return fiscal_year_label(self.fiscal_year)

    @property
    def period_label(self):
        """Every fiscal year the plan covers: one, or a range for a multi-year plan."""
        return fiscal_year_label(self.fiscal_year, self.last_fiscal_year)


class PlanProject(models.Model):
    """A project within a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="projects", verbose_name=_("plan"))
    title = models.CharField(_("project"), max_length=400)
    description = models.TextField(_("description"), blank=True, help_text=_("Optional. Shown under the project."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title


class PlanDocument(models.Model):
    """A document listed in a plan: one of the library's documents (documents.Document), where its PDF is
    uploaded like every other file the office publishes, or only its title while the file is not available."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="documents", verbose_name=_("plan"))
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("As the plan's page lists it. Leave empty to use the title of the document chosen below."),
    )
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_entries",
        verbose_name=_("document in the library"),
        help_text=_(
            "Upload the PDF under Documents first (category “Plans' documents”), then choose it here. Leave "
            "empty while the file is not available: the plan lists the title alone."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def clean(self):
        if not self.title_th and self.document is not None:
            # Kept on the entry, so the plan still names it if the library's document is deleted.
            self.title_th, self.title_en = self.document.title_th, self.document.title_en
        if not self.title_th:
            raise ValidationError({"title_th": _("Enter the title, or choose the document in the library.")})

    @property
    def public_document(self):
        """The library's document, while visitors may download it (it and its category are published)."""
        document = self.document
        if document is not None and document.is_published and document.category.is_published:
            return document
        return None


class StaticPage(ScheduledPublication, Publishable):
    """A page staff write in the admin: about, contact, accessibility, privacy."""

    slug = models.SlugField(
        _("web address"),
        max_length=100,
        unique=True,
        help_text=_(
            "Latin letters, digits and hyphens. The footer links to 'contact', 'accessibility' and 'privacy': "
            "do not change those."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        # Plain words: the admin prints help text as HTML, so a tag named here would be drawn, not shown.
        help_text=RICH_TEXT_HELP,
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("static page")
        verbose_name_plural = _("static pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("pages:static_page", self.slug)


def telephone_uri(number):
    """'tel:+6622241234' for '0 2224 1234': a Thai number written as staff write it, dialled from anywhere."""
    digits = "".join(character for character in number if character.isdigit() or character == "+")
    if digits.startswith("0"):
        digits = "+66" + digits[1:]
    return f"tel:{digits}" if digits else ""


class ExecutiveQuerySet(PublishableQuerySet):
    def for_page(self):
        return self.order_by("sort_order", "pk")


class Executive(Publishable):
    """One of the office's executives (ผู้บริหาร), on the executives page in order. The page and its link on
    the office page appear only while at least one is published."""

    name = models.CharField(_("name"), max_length=200, help_text=_("Title and full name, e.g. 'Mr Somchai Jaidee'."))
    position = models.CharField(_("position"), max_length=300, help_text=_("E.g. 'Director of the office'."))
    photo = ResponsiveImageField(
        _("photo"),
        upload_to="executives/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=_("Optional. A portrait, JPEG or PNG."),
    )
    # Stored when the photo is saved, so the page gives <img> its size without opening the file.
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, blank=True, editable=False)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Required in Thai when there is a photo."),
    )
    phone = models.CharField(
        _("telephone"), max_length=40, blank=True, help_text=_("Optional. One number, e.g. 0 2224 1234.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Optional. A work address."))
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Executives are listed from the smallest number up: the head first.")
    )

    objects = ExecutiveQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("executive")
        verbose_name_plural = _("executives")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:executives") + f"#executive-{self.pk}"

    def clean(self):
        if self.photo and not (self.photo_alt_th or "").strip():
            raise ValidationError({"photo_alt_th": _("Describe the photo in Thai for people who cannot see it.")})

    @property
    def phone_uri(self):
        return telephone_uri(self.phone)


# The static page the footer links to as the contact page; the contact details are shown on it.
CONTACT_PAGE_SLUG = "contact"


class ContactDetails(models.Model):
    """How to reach the office, shown on the contact page, in every page's footer and to search engines.
    There is only ever one row. A value left empty is not shown anywhere: nothing is guessed."""

    address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("As written on a letter, without the office's name. A new line starts a new line."),
    )
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    phone = models.CharField(
        _("telephone"), max_length=40, blank=True, help_text=_("One number, as it is dialled in Thailand: 0 2224 1234.")
    )
    fax = models.CharField(_("fax"), max_length=40, blank=True, help_text=_("One number: 0 2224 1235."))
    email = models.EmailField(_("email"), blank=True)
    office_hours = models.CharField(
        _("office hours"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Monday to Friday, 8.30 to 16.30, except public holidays'."),
    )
    map_url = models.URLField(
        _("map"), blank=True, help_text=_("The address of the office on a map (Google Maps, OpenStreetMap...).")
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    x_url = models.URLField(_("X (Twitter) account"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    line_url = models.URLField(_("LINE official account"), blank=True, help_text=_("Its https://lin.ee/ address."))
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    SOCIAL_FIELDS = ("facebook_url", "youtube_url", "x_url", "instagram_url", "line_url")

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self):
        return str(_("Contact details"))

    def get_absolute_url(self):
        return slug_url("pages:static_page", CONTACT_PAGE_SLUG)

    def clean(self):
        if ContactDetails.objects.exclude(pk=self.pk).exists():
            raise ValidationError(_("The office has one set of contact details only. Edit the existing one."))

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()

    @classmethod
    def for_request(cls, request):
        """The current details (or None), read once per request however many parts of the page show them."""
        if not hasattr(request, "_contact_details"):
            request._contact_details = cls.current()
        return request._contact_details

    @property
    def phone_uri(self):
        return telephone_uri(self.phone)

    @property
    def social_accounts(self):
        """(name, address) of each account the office has, in the form's order."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.SOCIAL_FIELDS
            if getattr(self, name)
        ]

    @property
    def has_contact_points(self):
        """Whether any way to reach the office other than its social accounts is known."""
        return any([self.address, self.phone, self.fax, self.email, self.office_hours, self.map_url])

    def structured_data(self):
        """The schema.org properties of the office these details give (iad_site.core.structured_data leaves
        the empty ones out)."""
        address = {}
        if self.address:
            address = {
                "@type": "PostalAddress",
                "streetAddress": ", ".join(line.strip() for line in self.address.splitlines() if line.strip()),
                "postalCode": self.postal_code,
                "addressLocality": _("Bangkok"),
                "addressCountry": "TH",
            }
        contact_point = {}
        if self.phone or self.email or self.fax:
            contact_point = {
                "@type": "ContactPoint",
                "contactType": _("General enquiries"),
                "telephone": self.phone_uri.removeprefix("tel:"),
                "faxNumber": telephone_uri(self.fax).removeprefix("tel:"),
                "email": self.email,
            }
        return {
            "address": address,
            "contactPoint": [contact_point],
            "sameAs": [url for _name, url in self.social_accounts],
        }
