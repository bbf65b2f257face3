"""What every content admin shares: language tabs, revision history, "English missing", preview and ordering.

Apps build their admins on `ContentAdmin` (reversion's VersionAdmin + modeltranslation's tabbed admin):

    @admin.register(SisterCity)
    class SisterCityAdmin(OrderedAdminMixin, ContentAdmin):
        list_display = ("name", "thumbnail", "country", "is_published")  # + "public_link", "move_buttons"
        thumbnail_fields = ("photo", "photo_alt")

Registering reversion through the admin (not with the decorator in models.py) matters: by the time the admin
loads, modeltranslation has added the `_th`/`_en` columns, so every language is saved in each version and
"Recover deleted" brings both back, with the inlines' rows too (VersionAdmin follows them).
"""

import functools
import operator

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, When
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import NotRegistered, translator
from reversion.admin import VersionAdmin

from .conflicts import ConflictCheckMixin
from .dates import format_date, format_moment
from .keepalive import FormRescueMixin
from .models import ScheduledPublication

# The site's own names in the admin header and the browser tab.
admin.site.site_header = _("Bangkok International Affairs Office: site administration")
admin.site.site_title = _("Site administration")
admin.site.index_title = _("Content of the public website")

# django-reversion ships no Thai catalogue: its own messages are listed here so that `makemessages` puts them
# in ours (Django merges every catalogue, and LOCALE_PATHS wins), and the history pages read in Thai.
REVERSION_MESSAGES = (
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Initial version."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("There are no deleted objects to recover."),
)

# Django's admin ships a Thai catalogue without these (its sidebar, theme switch, list filters, password
# help): listed here so that `makemessages --no-obsolete` keeps their Thai in ours (tests/core/test_admin_thai.py
# finds any other). The admin's scripts read theirs from locale/th/LC_MESSAGES/djangojs.po.
ADMIN_MESSAGES = (
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Model name"),
    gettext_noop("Change or view list link"),
    gettext_noop("Add link"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Start typing to filter…"),
    gettext_noop("Sidebar"),
    gettext_noop("Filter navigation items"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("This object doesn't have a change history. It probably wasn't added via this admin site."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop(
        "Please enter your old password, for security’s sake, and then enter your new password twice so we can "
        "verify you typed it in correctly."
    ),
    gettext_noop("Enter the same password as before, for verification."),
    gettext_noop("Empty"),
    gettext_noop("Not empty"),
    # The home page's recent actions, said to screen readers only.
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    # Django's Thai has these as two separate messages; the change form asks for one with a plural.
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
)

# Every item is written in the site's default language (Thai); the other languages are the translations staff
# may still owe ("English missing").
SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def translated_fields(model):
    """Names of the model's fields that have Thai and English columns (empty if it has none)."""
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _blank(field_name):
    return Q(**{f"{field_name}__isnull": True}) | Q(**{field_name: ""})


def own_english_missing(model):
    """Rows with Thai text in some field whose English column is empty; None if nothing is translated."""
    condition = None
    for name in translated_fields(model):
        untranslated = functools.reduce(operator.or_, [_blank(f"{name}_{code}") for code in TARGET_LANGUAGES])
        missing = ~_blank(f"{name}_{SOURCE_LANGUAGE}") & untranslated
        condition = missing if condition is None else condition | missing
    return condition


def inline_models(model_admin):
    """(model, name of its foreign key to the admin's model) for each inline in the admin's form."""
    pairs = []
    for inline in model_admin.inlines:
        fk_name = inline.fk_name
        if not fk_name:
            fk_name = next(
                (
                    field.name
                    for field in inline.model._meta.get_fields()
                    if isinstance(field, models.ForeignKey) and issubclass(model_admin.model, field.remote_field.model)
                ),
                None,
            )
        if fk_name:
            pairs.append((inline.model, fk_name))
    return pairs


def english_missing(model, model_admin=None):
    """Items lacking English in their own fields or in a row of their inlines (links, documents…)."""
    condition = own_english_missing(model)
    for child, fk_name in inline_models(model_admin) if model_admin else []:
        child_missing = own_english_missing(child)
        if child_missing is None:
            continue
        children = child._default_manager.filter(child_missing, **{fk_name: OuterRef("pk")})
        condition = Exists(children) if condition is None else condition | Exists(children)
    return condition


class EnglishMissingListFilter(admin.SimpleListFilter):
    """ "English missing" / "English complete" in the sidebar of every translated content list."""

    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        self.condition = english_missing(model_admin.model, model_admin)
        return [("missing", _("English missing")), ("complete", _("English complete"))]

    def queryset(self, request, queryset):
        if self.condition is None:
            return queryset
        if self.value() == "missing":
            return queryset.filter(self.condition)
        if self.value() == "complete":
            return queryset.exclude(self.condition)
        return queryset


class ScheduledListFilter(admin.SimpleListFilter):
    """ "Scheduled for later" in the sidebar of every list of content that can be scheduled."""

    title = _("schedule")
    parameter_name = "scheduled"

    def lookups(self, request, model_admin):
        return [("yes", _("Scheduled for later"))]

    def queryset(self, request, queryset):
        return queryset.scheduled() if self.value() == "yes" else queryset


def _bilingual_lookup(model, lookup):
    """'name' -> ['name_th', 'name_en']; '^country__name' -> ['^country__name_th', '^country__name_en']."""
    prefix = lookup[0] if lookup[:1] in ("^", "=", "@") else ""
    parts = lookup[len(prefix) :].split("__")
    current = model
    for part in parts[:-1]:
        try:
            current = current._meta.get_field(part).related_model
        except FieldDoesNotExist:
            return [lookup]
        if current is None:
            return [lookup]
    if parts[-1] not in translated_fields(current):
        return [lookup]
    stem = "__".join([*parts[:-1], parts[-1]])
    return [f"{prefix}{stem}_{code}" for code in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)]


# A web address typed without its scheme is taken as https (Django 6's default), not http.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class ContentAdmin(FormRescueMixin, ConflictCheckMixin, VersionAdmin, TabbedTranslationAdmin):
    """The base of every content admin: language tabs, history, English-missing filter, bilingual search,
    a link to the public page (a preview for staff while unpublished), an optional thumbnail column, and a
    save refused when someone else saved the item after it was opened (iad_site/core/conflicts.py), and the
    session kept alive while typing, a failed save's text kept for after signing in (iad_site/core/keepalive.py)."""

    # ("photo", "photo_alt"): the image field and the field describing it, for the `thumbnail` column.
    thumbnail_fields = None
    history_latest_first = True
    formfield_overrides = HTTPS_URLS

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if translated_fields(self.model) and EnglishMissingListFilter not in filters:
            filters.append(EnglishMissingListFilter)
        if issubclass(self.model, ScheduledPublication) and ScheduledListFilter not in filters:
            filters.append(ScheduledListFilter)
        return filters

    def get_list_display(self, request):
        columns = [self._era_date_column(name) for name in super().get_list_display(request)]
        if issubclass(self.model, ScheduledPublication) and "scheduled_for" not in columns:
            columns.append("scheduled_for")
        if self.view_on_site and hasattr(self.model, "get_absolute_url") and "public_link" not in columns:
            columns.append("public_link")
        return columns

    def _era_date_column(self, name):
        """A date column shown as the reader counts years (2568 in Thai; Django's Thai format prints 2025),
        still sorted by the date itself."""
        try:
            field = self.opts.get_field(name) if isinstance(name, str) else None
        except FieldDoesNotExist:
            return name
        if not isinstance(field, models.DateField) or isinstance(field, models.DateTimeField):
            return name

        @admin.display(description=capfirst(field.verbose_name), ordering=name, empty_value="—")
        def column(obj):
            return format_date(getattr(obj, name)) or None

        column.__name__ = name
        return column

    def get_search_fields(self, request):
        fields = []
        for lookup in super().get_search_fields(request):
            for expanded in _bilingual_lookup(self.model, lookup):
                if expanded not in fields:
                    fields.append(expanded)
        return fields

    @admin.display(description=_("Scheduled for"), ordering="publish_at", empty_value="—")
    def scheduled_for(self, obj):
        return format_moment(obj.publish_at) if getattr(obj, "is_scheduled", False) else None

    @admin.display(description=_("On the public site"))
    def public_link(self, obj):
        url = self.get_view_on_site_url(obj)
        if not url:
            return "—"
        if getattr(obj, "is_scheduled", False):
            return format_html('<a href="{}">{}</a>', url, gettext("Preview (scheduled)"))
        if getattr(obj, "is_published", True):
            return format_html('<a href="{}">{}</a>', url, gettext("View on the site"))
        return format_html('<a href="{}">{}</a>', url, gettext("Preview (not published)"))

    @admin.display(description=_("Image"))
    def thumbnail(self, obj):
        if not self.thumbnail_fields:
            return "—"
        image_field, alt_field = self.thumbnail_fields
        image = getattr(obj, image_field)
        if not image:
            return "—"
        url = image.smallest_url if hasattr(image, "smallest_url") else image.url
        alt = getattr(obj, f"{alt_field}_{SOURCE_LANGUAGE}", None) or getattr(obj, alt_field, "") or ""
        return format_html('<img src="{}" alt="{}" class="iad-thumbnail" loading="lazy">', url, alt)


class OrderedAdminMixin:
    """Up and down buttons in the list, so staff reorder items without typing position numbers.

    The buttons submit the list's own form (which carries the CSRF token) to a small view, so they work
    with no JavaScript and under a strict Content-Security-Policy. The column is added to list_display.

    A move is a few UPDATE statements on the order field alone, however long the list: no save() per row,
    so no search re-indexing (the order is not indexed). The page cache is started afresh once, by
    iad_site.pagecache for every change posted through the admin.
    """

    order_field = "sort_order"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        move = path(
            "<path:object_id>/move/<str:direction>/",
            self.admin_site.admin_view(self.move_view),
            name="{}_{}_move".format(*info),
        )
        return [move, *super().get_urls()]

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if "move_buttons" not in columns and self.has_change_permission(request):
            # Right after the name (which stays the link to the form), so wide lists never hide the buttons.
            columns.insert(1, "move_buttons")
        return columns

    @admin.display(description=_("Move"))
    def move_buttons(self, obj):
        info = self.opts.app_label, self.opts.model_name
        name = "admin:{}_{}_move".format(*info)
        return format_html(
            '<span class="iad-move">'
            '<button type="submit" class="iad-move-button" formaction="{}" formmethod="post" '
            'title="{}" aria-label="{}">↑</button>'
            '<button type="submit" class="iad-move-button" formaction="{}" formmethod="post" '
            'title="{}" aria-label="{}">↓</button></span>',
            reverse(name, args=[quote(obj.pk), "up"]),
            gettext("Move up"),
            gettext("Move “%(item)s” up") % {"item": obj},
            reverse(name, args=[quote(obj.pk), "down"]),
            gettext("Move down"),
            gettext("Move “%(item)s” down") % {"item": obj},
        )

    def move_view(self, request, object_id, direction):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if direction not in ("up", "down"):
            raise Http404
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        with transaction.atomic():
            rows = self.model._default_manager.select_for_update()
            obj = rows.get(pk=obj.pk)  # its position now, not when the list was drawn
            neighbour = self._neighbour(rows, obj, direction)
            if neighbour is not None:
                earlier, later = (neighbour, obj) if direction == "up" else (obj, neighbour)
                self._put_before(later, earlier)
                change = [{"changed": {"fields": [str(self.opts.get_field(self.order_field).verbose_name)]}}]
                self.log_change(request, obj, change)
                text = _("“%(item)s” moved up.") if direction == "up" else _("“%(item)s” moved down.")
                self.message_user(request, text % {"item": obj}, messages.SUCCESS)
            else:
                text = _("“%(item)s” is already first.") if direction == "up" else _("“%(item)s” is already last.")
                self.message_user(request, text % {"item": obj}, messages.WARNING)
        return HttpResponseRedirect(self._back_to_list(request))

    def _neighbour(self, rows, obj, direction):
        """The item just before (up) or just after (down) `obj` in the list's order, or None at that end."""
        field, value = self.order_field, getattr(obj, self.order_field)
        if direction == "up":
            condition = Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": obj.pk})
            ordering = (f"-{field}", "-pk")
        else:
            condition = Q(**{f"{field}__gt": value}) | Q(**{field: value, "pk__gt": obj.pk})
            ordering = (field, "pk")
        return rows.filter(condition).order_by(*ordering).first()

    def _put_before(self, later, earlier):
        """Swaps two neighbours in the list's order (by the order field, ties by pk) with UPDATEs only."""
        field = self.order_field
        first, second = getattr(earlier, field), getattr(later, field)
        manager = self.model._default_manager
        shared = manager.filter(**{f"{field}__in": {first, second}}).exclude(pk__in=[earlier.pk, later.pk])
        if first != second and not shared.exists():
            # Nobody else holds either number: trading them moves these two rows and no other.
            manager.filter(pk__in=[earlier.pk, later.pk]).update(
                **{field: Case(When(pk=later.pk, then=first), When(pk=earlier.pk, then=second))}
            )
            return
        # Tied numbers (new items all start at 0), where trading would also jump over the ties: everything
        # from `earlier` on moves two down, and the pair takes the two numbers freed, in its new order.
        manager.filter(Q(**{f"{field}__gt": first}) | Q(**{field: first, "pk__gte": earlier.pk})).update(
            **{
                field: Case(
                    When(pk=later.pk, then=first + 1), When(pk=earlier.pk, then=first + 2), default=F(field) + 2
                )
            }
        )

    def _back_to_list(self, request):
        referer = request.headers.get("referer", "")
        if referer and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return referer
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")


def completeness_rows(request, site=admin.site):
    """Per kind of translated content the staff member may see: how many items, how many lack English."""
    rows = []
    for model, model_admin in site._registry.items():
        condition = english_missing(model, model_admin) if translated_fields(model) else None
        if condition is None or not model_admin.has_view_or_change_permission(request):
            continue
        counts = model._default_manager.aggregate(total=Count("pk"), missing=Count("pk", filter=condition))
        try:
            changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        except NoReverseMatch:
            continue
        rows.append(
            {
                "app": model._meta.app_config.verbose_name,
                "name": capfirst(model._meta.verbose_name_plural),
                "total": counts["total"],
                "missing": counts["missing"],
                "complete": counts["total"] - counts["missing"],
                "list_url": changelist,
                "missing_url": f"{changelist}?{EnglishMissingListFilter.parameter_name}=missing",
            }
        )
    rows.sort(key=lambda row: (-row["missing"], str(row["app"]), str(row["name"])))
    return rows


def translation_completeness(request):
    """The admin page listing, per kind of content, how many items still lack English, with links to them."""
    rows = completeness_rows(request)
    context = {
        **admin.site.each_context(request),
        "title": _("English translation status"),
        "rows": rows,
        "total_missing": sum(row["missing"] for row in rows),
    }
    return TemplateResponse(request, "admin/translation_completeness.html", context)
