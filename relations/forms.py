"""The sister-city directory's filter and sort form: a plain GET form that works without JavaScript."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import RelationshipKind


class ListSelect(forms.Select):
    """A <select> written in Python, the same HTML as Django's: Django renders each option through a
    template, which with some 200 countries took longer than the rest of the directory page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html('<select name="{}"{}>\n{}\n</select>', widget["name"], flatatt(widget["attrs"]), options)


class DirectoryFilterForm(forms.Form):
    SORT_CHOICES = [("", _("The office's order")), ("name", _("Name")), ("year", _("Year established"))]

    country = forms.ChoiceField(label=_("Country"), required=False, widget=ListSelect)
    relationship = forms.ChoiceField(
        label=_("Kind of relationship"),
        required=False,
        choices=[("", _("All kinds")), *RelationshipKind.choices],
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Alphabetical in the reader's language (names fall back to Thai where English is missing).
        options = sorted((country.name, country.iso_code) for country in countries)
        self.fields["country"].choices = [("", _("All countries"))] + [(code, name) for name, code in options]

    def filter(self, queryset, language):
        """The queryset narrowed and ordered as asked; invalid choices are ignored rather than failing."""
        data = self.cleaned_data if self.is_valid() else {}
        return (
            queryset.in_country(data.get("country"))
            .of_kind(data.get("relationship"))
            .sorted_by(data.get("sort"), language)
        )
