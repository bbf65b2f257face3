"""Bangkok's partners abroad: sister cities, city networks, their activities, and embassies in Bangkok.

Human-language fields are translated by django-modeltranslation (see translation.py): each has `_th`
and `_en` columns, Thai required, English optional (English pages fall back to the Thai text).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from iad_site.core.collation import thai_order
from iad_site.core.dates import DatePrecision
from iad_site.core.links import slug_url
from iad_site.core.models import Publishable, PublishableQuerySet, ScheduledPublication, ScheduledQuerySet, due
from iad_site.core.uploads import PDF_VALIDATORS, ResponsiveImageField
from iad_site.core.validators import LATEST_PLAUSIBLE_CE_YEAR, reject_buddhist_era_year

from .anniversaries import round_anniversary

LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]


class CountryQuerySet(models.QuerySet):
    def with_published_cities(self):
        """The countries that have published sister cities, each with their number (`city_count`) and the
        average `latitude` and `longitude` of those whose location is known (None if none is): the map's
        markers when there are too many cities to mark one by one. Read from the index
        sistercity_published_country alone, without the cities' rows."""
        located = Q(sister_cities__latitude__isnull=False, sister_cities__longitude__isnull=False)
        return (
            self.filter(Q(sister_cities__is_published=True) & due("sister_cities__"))
            .annotate(
                city_count=models.Count("*"),  # the joined cities; Count("sister_cities") would read their rows
                latitude=models.Avg("sister_cities__latitude", filter=located),
                longitude=models.Avg("sister_cities__longitude", filter=located),
            )
            .order_by(thai_order("name_th"), "pk")
        )


class Country(models.Model):
    iso_code = models.CharField(
        _("ISO country code"),
        max_length=2,
        unique=True,
        help_text=_("Two capital letters, as in ISO 3166-1: JP for Japan, CN for China, US for the United States."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("The country's name as the office writes it."))

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = [thai_order("name_th"), "pk"]
        # The embassy directory's order (by country) is read from the index country_name_order on PostgreSQL,
        # made in migration 0007: an index on the collated name cannot be declared here without making SQLite
        # need the collation in every program that opens the database.

    def __str__(self):
        return self.name

    def clean(self):
        self.iso_code = (self.iso_code or "").upper()
        if len(self.iso_code) != 2 or not self.iso_code.isalpha() or not self.iso_code.isascii():
            raise ValidationError({"iso_code": _("Enter two letters, such as JP or US.")})


class RelationshipKind(models.TextChoices):
    SISTER_CITY = "sister_city", _("Sister city")
    FRIENDSHIP = "friendship", _("Friendship agreement")
    MOU = "mou", _("Memorandum of understanding")

    @property
    def explanation(self):
        return RELATIONSHIP_EXPLANATIONS[self]


RELATIONSHIP_EXPLANATIONS = {
    RelationshipKind.SISTER_CITY: _(
        "A formal, lasting partnership between two cities to work together and exchange people and ideas."
    ),
    RelationshipKind.FRIENDSHIP: _(
        "An agreement to keep friendly relations and cooperate in chosen fields, often a first step "
        "towards a sister-city partnership."
    ),
    RelationshipKind.MOU: _(
        "A memorandum of understanding: a written record of what both cities intend to do together."
    ),
}


CITY_NAME_LENGTH = 150


class SisterCityQuerySet(ScheduledQuerySet):
    def for_directory(self):
        """What a list of cities shows: each city with its country, in the office's own order."""
        return self.select_related("country").order_by("sort_order", "pk")

    def in_country(self, iso_code):
        return self.filter(country__iso_code=iso_code.upper()) if iso_code else self

    def of_kind(self, relationship):
        return self.filter(relationship=relationship) if relationship else self

    def sorted_by(self, key, language="th"):
        """'name' sorts by the name in the reader's language (Thai in Thai alphabetical order, read from the
        index sistercity_thai_name_order on PostgreSQL); 'year' oldest first, unknown dates last."""
        if key == "name" and language != "en":
            return self.order_by(thai_order("name_th"), "sort_order", "pk")
        if key == "name":
            return self.order_by(
                models.functions.Coalesce(models.functions.NullIf("name_en", models.Value("")), "name_th")
            )
        if key == "year":
            return self.order_by(models.F("established_on").asc(nulls_last=True), "sort_order")
        return self.order_by("sort_order", "pk")

    def country_count(self):
        """How many countries these cities are in (read from the index sistercity_published_country)."""
        return self.order_by().values("country").distinct().count()

    def country_choices(self):
        """(ISO code, name) of the countries with at least one of these cities, alphabetical in the reader's
        language, names falling back to Thai where English is missing: the directory's country filter.
        Plain values rather than Country objects, which cost more to make than the query with 200 countries."""
        countries = Country.objects.filter(pk__in=self.order_by().values("country"))
        if translation.get_language() != "en":
            return list(countries.values_list("iso_code", "name_th"))  # in Country's order: Thai alphabetical
        rows = countries.values_list("iso_code", "name_th", "name_en")
        choices = [(code, name_en or name_th) for code, name_th, name_en in rows]
        return sorted(choices, key=lambda choice: choice[::-1])


class SisterCity(ScheduledPublication, Publishable):
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_(
            "Letters a–z, digits and hyphens, from the English name (washington-dc). The same in Thai and English."
        ),
    )
    name = models.CharField(
        _("name"), max_length=CITY_NAME_LENGTH, help_text=_("The city's name as the office writes it.")
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="sister_cities", verbose_name=_("country")
    )
    relationship = models.CharField(
        _("kind of relationship"),
        max_length=20,
        choices=RelationshipKind.choices,
        default=RelationshipKind.SISTER_CITY,
        help_text=_("The kind of agreement Bangkok signed with this city."),
    )
    established_on = models.DateField(
        _("established on"),
        null=True,
        blank=True,
        validators=[reject_buddhist_era_year],
        help_text=_(
            "Common Era date (2012, not 2555). If only the month is known enter its first day; if only the "
            "year, 1 January; then choose how much of the date is known below. Leave empty if unknown."
        ),
    )
    established_precision = models.CharField(
        _("how much of the date is known"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
        help_text=_("The public page shows only the part of the date that is known."),
    )
    profile = models.TextField(_("profile"), blank=True, help_text=_("A few paragraphs about the city. Plain text."))
    photo = ResponsiveImageField(
        _("photo"), upload_to="sister-cities/", blank=True, width_field="photo_width", height_field="photo_height"
    )
    # Stored when the photo is saved, so pages give <img> its size without opening the file.
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, blank=True, editable=False)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Required in Thai when there is a photo."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )
    website = models.URLField(_("official website"), blank=True)
    sort_order = models.PositiveIntegerField(
        _("position in the list"), default=0, help_text=_("Smaller numbers come first in the directory.")
    )

    objects = SisterCityQuerySet.as_manager()

    class Meta:
        verbose_name = _("sister city")
        verbose_name_plural = _("sister cities")
        ordering = ["sort_order", "pk"]
        # The directory's order: a page of 50 out of thousands is read from the index, not sorted each time
        # (its Thai name order from sistercity_thai_name_order on PostgreSQL, made in migration 0007).
        indexes = [
            models.Index(fields=["sort_order", "id"], name="sistercity_directory_order"),
            # Counts of published cities and of their countries, and the map's per-country markers, read
            # from this index alone (PostgreSQL; SQLite ignores `include`).
            models.Index(
                fields=["is_published", "country"],
                include=["latitude", "longitude", "publish_at"],
                name="sistercity_published_country",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:city_detail", self.slug)

    @property
    def relationship_explanation(self):
        return RelationshipKind(self.relationship).explanation

    @property
    def established_datetime(self):
        """The known part of the date for <time datetime>: 1962-02-19, 2006-06 or 1993."""
        if self.established_on is None or self.established_precision == DatePrecision.UNKNOWN:
            return ""
        length = {DatePrecision.YEAR: 4, DatePrecision.MONTH: 7}.get(self.established_precision, 10)
        return self.established_on.isoformat()[:length]

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        errors = {}
        if self.established_on is None and self.established_precision != DatePrecision.UNKNOWN:
            errors["established_on"] = _("Enter the date, or choose “Unknown” for how much of it is known.")
        if self.established_on is not None and self.established_precision == DatePrecision.UNKNOWN:
            errors["established_precision"] = _("A date is entered: choose how much of it is known.")
        if self.photo and not getattr(self, "photo_alt_th", ""):
            errors["photo_alt_th"] = _("Describe the photo in Thai for people who cannot see it.")
        if errors:
            raise ValidationError(errors)
        # Store partial dates one way only, so sorting by year is reliable.
        if self.established_on and self.established_precision == DatePrecision.YEAR:
            self.established_on = self.established_on.replace(month=1, day=1)
        elif self.established_on and self.established_precision == DatePrecision.MONTH:
            self.established_on = self.established_on.replace(day=1)

    def round_anniversary(self):
        """(years, year) of the relationship's round anniversary this year or next, or None."""
        return round_anniversary(self.established_on, self.established_precision)


class CityLink(models.Model):
    city = models.ForeignKey(SisterCity, on_delete=models.CASCADE, related_name="links", verbose_name=_("city"))
    title = models.CharField(_("title"), max_length=200, help_text=_("What the visitor finds there."))
    url = models.URLField(_("web address"), max_length=500)
    sort_order = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title


class Agreement(models.Model):
    city = models.ForeignKey(SisterCity, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("city"))
    title = models.CharField(_("title"), max_length=250)
    signed_on = models.DateField(
        _("signed on"),
        null=True,
        blank=True,
        validators=[reject_buddhist_era_year],
        help_text=_("Common Era date (2012, not 2555). Leave empty if unknown."),
    )
    file = models.FileField(
        _("PDF file"),
        upload_to="agreements/",
        validators=PDF_VALIDATORS,
        help_text=_("The signed agreement as a PDF."),
    )

    class Meta:
        verbose_name = _("signed agreement")
        verbose_name_plural = _("signed agreements")
        ordering = [models.F("signed_on").asc(nulls_last=True), "pk"]

    def __str__(self):
        return self.title


class CityNetworkQuerySet(ScheduledQuerySet):
    def for_directory(self):
        return self.order_by("sort_order", "pk")


class CityNetwork(ScheduledPublication, Publishable):
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_("Letters a–z, digits and hyphens, from the English name or acronym. The same in Thai and English."),
    )
    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, help_text=_("Such as C40 or ICLEI."))
    description = models.TextField(_("what it is"), blank=True, help_text=_("A few sentences. Plain text."))
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(LATEST_PLAUSIBLE_CE_YEAR)],
        help_text=_("Common Era year (1985, not 2528). Leave empty if unknown."),
    )
    website = models.URLField(_("official website"), blank=True)
    secretariat = models.CharField(
        _("secretariat"), max_length=250, blank=True, help_text=_("Where its secretariat is, such as Fukuoka, Japan.")
    )
    membership = models.TextField(
        _("Bangkok's membership and role"),
        blank=True,
        help_text=_("Since when Bangkok is a member and what it does in the network."),
    )
    sort_order = models.PositiveIntegerField(
        _("position in the list"), default=0, help_text=_("Smaller numbers come first in the list.")
    )

    objects = CityNetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("city network")
        verbose_name_plural = _("city networks and organisations")
        ordering = ["sort_order", "pk"]
        indexes = [models.Index(fields=["sort_order", "id"], name="citynetwork_directory_order")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:network_detail", self.slug)


class ActivityQuerySet(PublishableQuerySet):
    def published(self):
        """Published activities whose city or network is published too (never a link to a hidden page)."""
        return (
            self.published_or_scheduled()
            .filter(Q(city__isnull=True) | due("city__"))
            .filter(Q(network__isnull=True) | due("network__"))
        )

    def published_or_scheduled(self):
        """Also those of a city or network scheduled for later, which appear with it."""
        return (
            super()
            .published()
            .filter(Q(city__isnull=True) | Q(city__is_published=True))
            .filter(Q(network__isnull=True) | Q(network__is_published=True))
        )

    def scheduled(self):
        return self.published_or_scheduled().filter(Q(city__publish_at__gt=Now()) | Q(network__publish_at__gt=Now()))

    def latest(self, *fields):
        """Newest first, with the city or network each one links to.

        Called with field names it is Django's own QuerySet.latest() (one object), which this name shadows.
        """
        if fields:
            return super().latest(*fields)
        return self.select_related("city", "network").order_by("-happened_on", "-pk")


class Activity(Publishable):
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True, help_text=_("What happened, in a few sentences. Plain text."))
    happened_on = models.DateField(
        _("date"), validators=[reject_buddhist_era_year], help_text=_("Common Era date (2012, not 2555).")
    )
    city = models.ForeignKey(
        SisterCity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("sister city"),
    )
    network = models.ForeignKey(
        CityNetwork,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("city network"),
    )
    photo = ResponsiveImageField(
        _("photo"), upload_to="activities/", blank=True, width_field="photo_width", height_field="photo_height"
    )
    # Stored when the photo is saved, so pages give <img> its size without opening the file.
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, blank=True, editable=False)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Required in Thai when there is a photo."),
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("exchange or activity")
        verbose_name_plural = _("exchanges and activities")
        ordering = ["-happened_on", "-pk"]
        # The latest activities (home page, feed) come straight off this index: 1 ms with 50,000 rows, not 150.
        indexes = [models.Index(fields=["-happened_on", "-id"], name="activity_newest_first")]
        constraints = [
            models.CheckConstraint(
                condition=Q(city__isnull=False) | Q(network__isnull=False),
                name="activity_has_city_or_network",
                violation_error_message=_("Choose the sister city or the city network this activity belongs to."),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"activity-{self.pk}"

    def get_absolute_url(self):
        parent = self.city or self.network
        return f"{parent.get_absolute_url()}#{self.anchor}"

    def clean(self):
        if self.photo and not getattr(self, "photo_alt_th", ""):
            raise ValidationError({"photo_alt_th": _("Describe the photo in Thai for people who cannot see it.")})


class EmbassyQuerySet(ScheduledQuerySet):
    def for_directory(self):
        # Ties (none: one embassy per country) by the country's id, as in the index country_name_order, so that
        # PostgreSQL reads the first page off that index without sorting anything.
        return self.select_related("country").order_by(*Embassy._meta.ordering)

    def in_country(self, iso_code):
        return self.filter(country__iso_code=iso_code.upper()) if iso_code else self


class Embassy(ScheduledPublication, Publishable):
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="embassies",
        verbose_name=_("country"),
        help_text=_("Each country has one embassy in the directory; the CSV import matches embassies by it."),
    )
    name = models.CharField(_("name"), max_length=250, help_text=_("Such as Embassy of Japan."))
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=100, blank=True, help_text=_("Such as +66 2 123 4567."))
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )
    # Where the details come from, until the office has checked them itself (the list shipped with the site
    # was compiled from public sources: fixtures/embassies-README.md).
    source = models.TextField(
        _("where the details come from"),
        blank=True,
        help_text=_(
            "The public sources these details were taken from (web addresses, Wikidata items). Filled in by the "
            "import; not shown on the site. Empty for details the office entered itself."
        ),
    )
    sources_dated_from = models.PositiveSmallIntegerField(
        _("sources dated from (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(LATEST_PLAUSIBLE_CE_YEAR)],
        help_text=_(
            "Common Era year of the oldest of those sources (2022, not 2565), as the import read it from them. "
            "Shown on the site until the office confirms the entry. Leave empty if the sources give no date."
        ),
    )
    sources_dated_to = models.PositiveSmallIntegerField(
        _("sources dated to (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(LATEST_PLAUSIBLE_CE_YEAR)],
        help_text=_("Common Era year of the newest of those sources: the same as the oldest if there is one only."),
    )
    confirmed_on = models.DateField(
        _("confirmed by the office on"),
        null=True,
        blank=True,
        validators=[reject_buddhist_era_year],
        help_text=_(
            "Common Era date (2026, not 2569) on which the office checked these details itself. Until then the "
            "directory says they come from public sources and how old those are."
        ),
    )
    note = models.TextField(
        _("note for staff"),
        blank=True,
        help_text=_("What to check or what is missing. Never shown on the site."),
    )

    objects = EmbassyQuerySet.as_manager()

    class Meta:
        verbose_name = _("embassy")
        verbose_name_plural = _("embassies")
        ordering = [thai_order("country__name_th"), "country_id"]
        constraints = [models.UniqueConstraint(fields=["country"], name="one_embassy_per_country")]

    def __str__(self):
        return self.name

    @property
    def shows_public_sources(self):
        """Whether the directory says the entry comes from public sources: it does, and no one at the office
        has confirmed it yet."""
        return bool(self.source.strip()) and self.confirmed_on is None

    @property
    def sources_years(self):
        """(oldest, newest) year of the sources, either one standing for both when only one is known; (None,
        None) when the sources give no date."""
        first, last = self.sources_dated_from, self.sources_dated_to
        return (first or last, last or first)

    def clean(self):
        if self.sources_dated_from and self.sources_dated_to and self.sources_dated_to < self.sources_dated_from:
            raise ValidationError({"sources_dated_to": _("The newest source cannot be older than the oldest.")})
