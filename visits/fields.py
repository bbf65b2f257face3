"""A date typed and shown as the visitor counts years: 15/01/2570 on Thai pages, 15/01/2027 on English ones.

Buddhist Era years (25xx) and Common Era years (19xx-20xx) do not overlap, so the year typed says its own era:
a Thai visitor who types the Common Era year is understood too. Stored in the Common Era.
"""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from iad_site.core.dates import BUDDHIST_ERA_OFFSET, uses_buddhist_era

# Day, month, year, separated by / . - or spaces; or an ISO date (2027-01-15), as a browser's date picker sends.
DAY_FIRST = re.compile(r"^\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})\s*$")
ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text):
    """The Common Era date a visitor typed in either era, or None if it is not a date."""
    match = ISO.match(text or "")
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = DAY_FIRST.match(text or "")
        if not match:
            return None
        day, month, year = (int(part) for part in match.groups())
    if year > 2400:
        year -= BUDDHIST_ERA_OFFSET
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def format_input_date(value, language=None):
    """15/01/2570 on Thai pages, 15/01/2027 on English ones."""
    year = value.year + BUDDHIST_ERA_OFFSET if uses_buddhist_era(language) else value.year
    return f"{value.day:02d}/{value.month:02d}/{year}"


class VisitorDateInput(forms.TextInput):
    def format_value(self, value):
        if isinstance(value, datetime.date):
            return format_input_date(value)
        return super().format_value(value)


class VisitorDateField(forms.DateField):
    widget = VisitorDateInput
    default_error_messages = {
        "invalid": _("Please enter a date as day/month/year, such as 15/01/2570 (Buddhist Era) or 15/01/2027."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed
