"""Admin for the ITA index: a year with its items inline, each target checked and flagged; copy a year to the
next and export a year as CSV (for Thai Excel: UTF-8 with a byte-order mark, the Thai pages' addresses)."""

import csv

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from iad_site.core import sections
from iad_site.core.admin import HTTPS_URLS, ContentAdmin
from iad_site.search.engine import specs

from .models import ItaItem, ItaYear

AUDIT_FIELDSET = (_("Record"), {"fields": ("updated_at",), "classes": ("collapse",)})


def content_choices():
    """Everything the site search finds, grouped by kind, as 'content type id:object id' choices: one query
    per kind, once per form page."""
    groups = []
    for spec in specs():
        model = spec.model_class()
        content_type = ContentType.objects.get_for_model(model)
        objects = model._default_manager.order_by("pk")
        groups.append((spec.label, [(f"{content_type.pk}:{obj.pk}", str(obj)) for obj in objects]))
    return [("", "—"), *groups]


class ItaItemForm(forms.ModelForm):
    """The content target as one list of everything the site search finds, instead of a type and a number."""

    content = forms.ChoiceField(
        label=_("content of this site"),
        required=False,
        help_text=_("A plan, a page, a document... Choose one target only: a page, content or an outside address."),
    )
    content_choices = ()

    class Meta:
        model = ItaItem
        fields = ("code", "title", "description", "page", "content", "url", "sort_order")

        def formfield_callback(field, **kwargs):
            return field.formfield(**HTTPS_URLS.get(type(field), {}), **kwargs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].choices = self.content_choices
        if self.instance.target_type_id and self.instance.target_id:
            self.initial["content"] = f"{self.instance.target_type_id}:{self.instance.target_id}"

    def clean(self):
        cleaned = super().clean()
        content = cleaned.get("content")
        if content:
            type_id, object_id = (int(part) for part in content.split(":"))
            self.instance.target_type_id, self.instance.target_id = type_id, object_id
        else:
            self.instance.target_type, self.instance.target_id = None, None
        return cleaned


class ItaItemInline(TranslationStackedInline):
    model = ItaItem
    form = ItaItemForm
    formfield_overrides = HTTPS_URLS
    extra = 0
    fields = ("code", "title", "description", "page", "content", "url", "target_status", "sort_order")
    readonly_fields = ("target_status",)

    def get_formset(self, request, obj=None, **kwargs):
        # The list of content is read once for the whole page, not once per item.
        kwargs["form"] = type("ItaItemForm", (ItaItemForm,), {"content_choices": content_choices()})
        return super().get_formset(request, obj, **kwargs)

    @admin.display(description=_("target"))
    def target_status(self, item):
        if item.pk is None:
            return "—"
        item.resolve()
        if item.target_problem:
            return format_html('<strong class="errornote">{}</strong>', item.target_problem)
        return format_html('<a href="{}">{}</a>', item.target_url, item.target_url)


def _problems(year):
    return [item for item in year.items.with_targets() if item.target_problem]


@admin.register(ItaYear)
class ItaYearAdmin(ContentAdmin):
    list_display = ("__str__", "fiscal_year", "item_count", "items_to_check", "is_published", "updated_at")
    list_filter = ("is_published",)
    search_fields = ("fiscal_year", "items__title", "items__code")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("fiscal_year", "introduction")}),
        (_("Publishing"), {"fields": ("is_published",)}),
        AUDIT_FIELDSET,
    )
    inlines = [ItaItemInline]
    actions = ["copy_to_next_year", "export_csv"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_total=models.Count("items"))

    @admin.display(description=_("items"), ordering="item_total")
    def item_count(self, year):
        return year.item_total

    @admin.display(description=_("items to check"))
    def items_to_check(self, year):
        problems = _problems(year)
        if not problems:
            return "—"
        return format_html('<strong class="errornote">{}</strong>', ", ".join(str(item) for item in problems))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        year = self.get_object(request, object_id)
        if year is not None and request.method == "GET":
            for item in _problems(year):
                self.message_user(
                    request,
                    gettext("%(item)s: %(problem)s The public page shows it as text, without a link.")
                    % {"item": item, "problem": item.target_problem},
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Copy to the next fiscal year (unpublished, to edit)"))
    def copy_to_next_year(self, request, queryset):
        for year in queryset.order_by("fiscal_year"):
            try:
                copy = year.copy_to(year.fiscal_year + 1)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                continue
            self.message_user(
                request,
                ngettext(
                    "Copied %(count)d item to fiscal year %(year)s. Check it, then publish it.",
                    "Copied %(count)d items to fiscal year %(year)s. Check them, then publish the year.",
                    copy.items.count(),
                )
                % {"count": copy.items.count(), "year": copy.fiscal_year},
                messages.SUCCESS,
            )

    @admin.action(description=_("Export as CSV (opens in Excel)"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        years = list(queryset.order_by("fiscal_year"))
        name = "-".join(str(year.fiscal_year) for year in years)
        response["Content-Disposition"] = f'attachment; filename="ita-{name}.csv"'
        # The byte-order mark tells Excel the file is UTF-8; without it Thai shows as mojibake.
        response.write("\ufeff")
        writer = csv.writer(response)
        languages = sections.languages()
        names = {code: translation.get_language_info(code)["name_translated"] for code in languages}
        writer.writerow(
            [
                gettext("fiscal year"),
                gettext("code"),
                *(gettext("title (%(language)s)") % {"language": names[code]} for code in languages),
                *(gettext("description (%(language)s)") % {"language": names[code]} for code in languages),
                gettext("address"),
                gettext("to check"),
            ]
        )
        for year in years:
            # The addresses of the Thai pages (the default language), whatever the admin's language.
            with translation.override(settings.LANGUAGE_CODE):
                items = year.items.with_targets()
            for item in items:
                address = request.build_absolute_uri(item.target_url) if item.target_url else ""
                writer.writerow(
                    [
                        year.fiscal_year,
                        item.code,
                        *(getattr(item, f"title_{code}") or "" for code in languages),
                        *(getattr(item, f"description_{code}") or "" for code in languages),
                        address,
                        item.target_problem,
                    ]
                )
        return response
