"""The office's news (ข่าวประชาสัมพันธ์): articles with a lead photo, an optional gallery and a body, tagged with
the sister cities, city networks and embassies they concern.

News and "exchanges and activities" (relations.Activity) are two kinds of entry with a clear line between
them: an activity is one partner's short timeline entry (a date, a few sentences, a photo), typed on that
partner's own form; a news article is the office's own publication, with a page of its own, written under
News and tagged with any number of partners. Each partner's page shows both in one timeline, by date.

Translated fields are registered in translation.py; dates are stored in the Common Era and shown through
iad_site.core.dates; the list is filtered by Thai fiscal year (Buddhist Era, October to September).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, ExpressionWrapper, IntegerField, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from iad_site.core.dates import BUDDHIST_ERA_OFFSET
from iad_site.core.links import slug_url
from iad_site.core.models import Publishable, ScheduledPublication, ScheduledQuerySet
from iad_site.core.richtext import HELP_TEXT as RICH_TEXT_HELP
from iad_site.core.uploads import ResponsiveImageField
from iad_site.core.validators import reject_buddhist_era_year
from iad_site.inbox.figures import FIRST_MONTH, fiscal_year_dates, fiscal_year_of

PHOTO_DESCRIPTION_HELP_TEXT = _(
    "What the photo shows, for people who cannot see it. Required in Thai when there is a photo."
)


class ArticleQuerySet(ScheduledQuerySet):
    def latest(self, *fields):
        """Newest first.

        Called with field names it is Django's own QuerySet.latest() (one object), which this name shadows.
        """
        if fields:
            return super().latest(*fields)
        return self.order_by("-published_on", "-pk")

    def in_fiscal_year(self, fiscal_year):
        """The articles dated in a Thai fiscal year (Buddhist Era): 2569 is 1 October 2025 to 30 September 2026."""
        return self.filter(published_on__range=fiscal_year_dates(fiscal_year)) if fiscal_year else self

    def fiscal_years(self):
        """The fiscal years these articles are dated in, the latest first, counted by the database: one row a
        year, however many articles."""
        year = ExpressionWrapper(
            ExtractYear("published_on")
            + Value(BUDDHIST_ERA_OFFSET)
            + Case(When(published_on__month__gte=FIRST_MONTH, then=Value(1)), default=Value(0)),
            output_field=IntegerField(),
        )
        rows = self.order_by().annotate(fiscal_year=year)
        return list(rows.values_list("fiscal_year", flat=True).distinct().order_by("-fiscal_year"))


class Article(ScheduledPublication, Publishable):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("web address"),
        max_length=100,
        unique=True,
        help_text=_(
            "Letters a–z, digits and hyphens, from the English title (c40-forum-bangkok). The same in Thai and English."
        ),
    )
    published_on = models.DateField(
        _("date"),
        validators=[reject_buddhist_era_year],
        help_text=_("The date of the news, in the Common Era (2025, not 2568). The list is newest first."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Optional. One or two sentences shown in the news list, on the home page and in the feed."),
    )
    body = models.TextField(_("text"), blank=True, help_text=RICH_TEXT_HELP)
    photo = ResponsiveImageField(
        _("lead photo"), upload_to="news/", blank=True, width_field="photo_width", height_field="photo_height"
    )
    # Stored when the photo is saved, so pages give <img> its size without opening the file.
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, blank=True, editable=False)
    photo_alt = models.CharField(
        _("photo description"), max_length=250, blank=True, help_text=PHOTO_DESCRIPTION_HELP_TEXT
    )
    cities = models.ManyToManyField(
        "relations.SisterCity",
        blank=True,
        related_name="news",
        verbose_name=_("sister cities"),
        help_text=_("The news appears on each chosen city's page, beside its exchanges and activities."),
    )
    networks = models.ManyToManyField(
        "relations.CityNetwork",
        blank=True,
        related_name="news",
        verbose_name=_("city networks"),
        help_text=_("The news appears on each chosen network's page, beside its exchanges and activities."),
    )
    embassies = models.ManyToManyField(
        "relations.Embassy",
        blank=True,
        related_name="news",
        verbose_name=_("embassies"),
        help_text=_("The news is listed under each chosen embassy in the embassy directory."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news")
        ordering = ["-published_on", "-pk"]
        # The list, the home page and the feed read the newest straight off this index.
        indexes = [models.Index(fields=["-published_on", "-id"], name="article_newest_first")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("news:detail", self.slug)

    @property
    def fiscal_year(self):
        return fiscal_year_of(self.published_on)

    @property
    def timeline_date(self):
        """The date a partner's timeline sorts it by, beside the partner's activities."""
        return self.published_on

    def clean(self):
        if self.photo and not getattr(self, "photo_alt_th", ""):
            raise ValidationError({"photo_alt_th": _("Describe the photo in Thai for people who cannot see it.")})


class ArticlePhoto(models.Model):
    """A photo of an article's gallery, shown under its text."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="photos", verbose_name=_("article"))
    photo = ResponsiveImageField(_("photo"), upload_to="news/", width_field="photo_width", height_field="photo_height")
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, blank=True, editable=False)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(
        _("caption"), max_length=300, blank=True, help_text=_("Optional. Shown under the photo.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.photo_alt
