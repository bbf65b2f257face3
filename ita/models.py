"""The public-information index for the yearly Integrity and Transparency Assessment (ITA, the "OIT" items):
per Thai fiscal year, the items the office publishes, each with its code and where it is.

The assessment renumbers its items from year to year, so an item's code is free text the office types. An
item points at one target: a fixed page of this site (a page type of the registry), an object of this site
(anything the site search finds: a plan, a static page, a library document...), or an outside address (the
items that sit at the level of the Bangkok Metropolitan Administration). A target on this site that is gone or
unpublished is flagged to staff (`target_problem`) and shown to the public as text, never as a dead link.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from iad_site.core import sections
from iad_site.core.dates import display_year, fiscal_year_bounds
from iad_site.core.models import Publishable, PublishableQuerySet
from iad_site.search.engine import spec_for
from pages.models import fiscal_year_label, fiscal_year_validators


def site_page_choices():
    """The fixed pages of the registry staff may point an item at: (page type name, its address and name)."""
    return [
        (page_type.name, f"{reverse(page_type.url_name)} ({page_type.name})")
        for page_type in sections.page_types()
        if page_type.url_name and not page_type.model and not page_type.query and page_type.status == 200
    ]


def fixed_page(name):
    """The registry's fixed page of that name, or None if the site no longer has it."""
    return next((choice for choice in sections.page_types() if choice.name == name and choice.url_name), None)


class ItaYearQuerySet(PublishableQuerySet):
    def latest_published(self):
        return self.published().order_by("-fiscal_year").first()


class ItaYear(Publishable):
    """One fiscal year's index: the list the office answers the assessment with."""

    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (Buddhist Era)"),
        unique=True,
        validators=fiscal_year_validators,
        help_text=_("The Buddhist Era fiscal year assessed, e.g. 2570 (October 2569 to September 2570)."),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional. Shown above the list. A blank line starts a new paragraph."),
    )

    objects = ItaYearQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("ITA year")
        verbose_name_plural = _("ITA years")

    def __str__(self):
        return str(_("ITA index, fiscal year %(year)s") % {"year": self.fiscal_year})

    def get_absolute_url(self):
        return reverse("ita:year", kwargs={"fiscal_year": self.fiscal_year})

    @property
    def label(self):
        """'ปีงบประมาณ 2570 (ตุลาคม 2569 – กันยายน 2570)' / 'Fiscal year 2027 (October 2026 – September 2027)'."""
        return fiscal_year_label(self.fiscal_year)

    @property
    def short_label(self):
        """'ปีงบประมาณ 2570' / 'Fiscal year 2027': the year as the reader counts it."""
        return _("Fiscal year %(year)s") % {"year": display_year(self.bounds[1])}

    @property
    def bounds(self):
        return fiscal_year_bounds(self.fiscal_year)

    @transaction.atomic
    def copy_to(self, fiscal_year):
        """A new, unpublished year with this year's items (codes, texts, targets and order), for staff to edit."""
        if ItaYear.objects.filter(fiscal_year=fiscal_year).exists():
            raise ValidationError(_("Fiscal year %(year)s already has an index.") % {"year": fiscal_year})
        copy = ItaYear.objects.create(
            fiscal_year=fiscal_year,
            is_published=False,
            **{f"introduction_{code}": getattr(self, f"introduction_{code}") for code in sections.languages()},
        )
        items = list(self.items.all())
        for item in items:
            item.pk, item.year = None, copy
        ItaItem.objects.bulk_create(items)
        return copy


class ItaItemQuerySet(models.QuerySet):
    def with_targets(self):
        """Each item with its target resolved (`item.target_url`, `item.target_problem`), in a number of
        queries that depends on the kinds of object pointed at, not on the number of items."""
        items = list(self.select_related("target_type"))
        resolve_targets(items)
        return items


class ItaItem(models.Model):
    """One item of a year's index."""

    year = models.ForeignKey(ItaYear, on_delete=models.CASCADE, related_name="items", verbose_name=_("year"))
    code = models.CharField(
        _("code"),
        max_length=20,
        blank=True,
        help_text=_("As this year's assessment numbers the item, e.g. O1. The numbering changes from year to year."),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Optional. Shown under the title."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    page = models.CharField(
        _("page of this site"),
        max_length=60,
        blank=True,
        choices=site_page_choices,
        help_text=_("One of the site's own pages."),
    )
    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of content"),
    )
    target_id = models.PositiveIntegerField(_("content number"), null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    url = models.URLField(
        _("outside address"),
        max_length=500,
        blank=True,
        help_text=_("For an item published elsewhere, e.g. on the Bangkok Metropolitan Administration's site."),
    )

    objects = ItaItemQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def clean(self):
        chosen = [bool(self.page), bool(self.target_type_id or self.target_id), bool(self.url)]
        if sum(chosen) != 1:
            raise ValidationError(
                _("Choose exactly one target: a page of this site, content of this site, or an outside address.")
            )
        if chosen[1] and not (self.target_type_id and self.target_id):
            raise ValidationError(_("Choose the content this item points at."))

    def resolve(self):
        """Works out this one item's target (the public index resolves many at once: with_targets)."""
        resolve_targets([self])
        return self


def _published_objects(content_type, ids):
    """id -> the published object, for the ids asked, in one query; published as the model itself defines it
    (an activity is public only while its city is), with the related rows its address needs (the search index's select_related)."""
    model = content_type.model_class()
    if model is None:
        return {}
    spec = spec_for(model)
    queryset = model.objects.published().select_related(*(spec.select_related if spec else ()))
    return {obj.pk: obj for obj in queryset.filter(pk__in=ids)}


def _object_url(obj):
    spec = spec_for(type(obj))
    return spec.url(obj) if spec and spec.url else obj.get_absolute_url()


def resolve_targets(items):
    """Sets `target_url` (where the item links, "" if nowhere) and `target_problem` (why not, for staff; ""
    when the target is fine) on each item."""
    wanted = {}
    for item in items:
        if item.target_type_id and item.target_id:
            wanted.setdefault(item.target_type_id, (item.target_type, set()))[1].add(item.target_id)
    found = {type_id: _published_objects(content_type, ids) for type_id, (content_type, ids) in wanted.items()}
    existence = {}
    for item in items:
        item.target_url, item.target_problem = "", ""
        if item.url:
            item.target_url = item.url
        elif item.page:
            page_type = fixed_page(item.page)
            if page_type is None:
                item.target_problem = _("The page no longer exists on this site.")
                continue
            if page_type.name not in existence:
                existence[page_type.name] = page_type.exists()
            if not existence[page_type.name]:
                item.target_problem = _("The page is not published.")
                continue
            try:
                item.target_url = reverse(page_type.url_name)
            except NoReverseMatch:
                item.target_problem = _("The page no longer exists on this site.")
        elif item.target_type_id and item.target_id:
            obj = found[item.target_type_id].get(item.target_id)
            if obj is not None:
                item.target_url = _object_url(obj)
            elif item.target_type.model_class() is None or not _exists(item.target_type, item.target_id):
                item.target_problem = _("The content no longer exists.")
            else:
                item.target_problem = _("The content is not published.")
        else:
            item.target_problem = _("No target is chosen.")


def _exists(content_type, pk):
    # Asked only for a target that is not public, to tell staff whether it is gone or only unpublished.
    return content_type.model_class()._default_manager.filter(pk=pk).exists()
