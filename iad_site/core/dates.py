"""Dates as the visitor expects them: Buddhist Era years on Thai pages, Common Era years on English ones.

One helper for the whole site. Django's Thai formats print the Common Era year, so the year is added
here (BE = CE + 543) while the month names come from Django's own translations.
"""

from django.db import models
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

BUDDHIST_ERA_OFFSET = 543


class DatePrecision(models.TextChoices):
    """How much of a date is known. A date known only to the year is stored as 1 January of it."""

    DAY = "day", _("Day, month and year")
    MONTH = "month", _("Month and year")
    YEAR = "year", _("Year only")
    UNKNOWN = "unknown", _("Unknown")


def uses_buddhist_era(language=None):
    return (language or translation.get_language() or "th").startswith("th")


def display_year(year, language=None):
    """A Common Era year as the reader counts it: 1995 in English, 2538 in Thai."""
    if year is None:
        return ""
    return str(year + BUDDHIST_ERA_OFFSET if uses_buddhist_era(language) else year)


def format_date(value, precision=DatePrecision.DAY, language=None):
    """'28 สิงหาคม 2538' in Thai, '28 August 1995' in English; less when less is known.

    Returns an empty string for an unknown date, so templates can say "unknown" in their own words.
    """
    if value is None or precision == DatePrecision.UNKNOWN:
        return ""
    language = language or translation.get_language() or "th"
    year = display_year(value.year, language)
    if precision == DatePrecision.YEAR:
        return year
    if language == translation.get_language():
        month = str(MONTHS[value.month])
    else:
        with translation.override(language):
            month = str(MONTHS[value.month])
    if precision == DatePrecision.MONTH:
        return f"{month} {year}"
    return f"{value.day} {month} {year}"


def format_moment(value):
    """'15 มกราคม 2570, 09:00' on Thai pages, '15 January 2027, 09:00' on English ones, in Bangkok time."""
    local = timezone.localtime(value)
    return f"{format_date(local.date())}, {local:%H:%M}"


def fiscal_year_bounds(fiscal_year_be):
    """Thai government fiscal year N (BE) runs from 1 October of N-1 to 30 September of N (CE years)."""
    end_year = fiscal_year_be - BUDDHIST_ERA_OFFSET
    return end_year - 1, end_year
