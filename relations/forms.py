"""The sister-city directory's filter and sort form: a plain GET form that works without JavaScript."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import RelationshipKind


class ListSelect(forms.Select):
    """A <select> of plain options written in Python, the same HTML as Django's: Django renders each
    option through a template, which with some 200 countries took longer than the rest of the page."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            ((option, " selected" if str(option) in selected else "", label) for option, label in self.choices),
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>\n{}\n</select>', name, attrs, options)


class DirectoryFilterForm(forms.Form):
    SORT_CHOICES = [("", _("The office's order")), ("name", _("Name")), ("year", _("Year established"))]

    country = forms.ChoiceField(label=_("Country"), required=False, widget=ListSelect)
    relationship = forms.ChoiceField(
        label=_("Kind of relationship"),
        required=False,
        choices=[("", _("All kinds")), *RelationshipKind.choices],
        widget=ListSelect,
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES, widget=ListSelect)

    def __init__(self, *args, country_choices=(), **kwargs):
        """country_choices: (ISO code, name) pairs in the order shown (SisterCityQuerySet.country_choices)."""
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *country_choices]

    def filter(self, queryset, language):
        """The queryset narrowed and ordered as asked; invalid choices are ignored rather than failing."""
        data = self.cleaned_data if self.is_valid() else {}
        return (
            queryset.in_country(data.get("country"))
            .of_kind(data.get("relationship"))
            .sorted_by(data.get("sort"), language)
        )
