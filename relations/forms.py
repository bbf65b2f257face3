"""The sister-city directory's filter and sort form: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import RelationshipKind


class DirectoryFilterForm(forms.Form):
    SORT_CHOICES = [("", _("The office's order")), ("name", _("Name")), ("year", _("Year established"))]

    country = forms.ChoiceField(label=_("Country"), required=False)
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
