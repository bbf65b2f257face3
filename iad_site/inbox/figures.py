"""Service figures (ITA item "service statistics"): per Thai fiscal year, requests received and answered and the
median number of days to an answer, computed from the requests themselves.

The Thai government's fiscal year N (Buddhist Era) runs from 1 October of N-1 to 30 September of N: fiscal year
2569 is October 2025 to September 2026. A request counts in the fiscal year it arrived in; "answered" counts
those of them answered so far, and the median is over their days from arrival to answer. Spam is left out.
Figures survive the retention command: it deletes personal data, never the dates.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.utils import timezone

from iad_site.core.dates import BUDDHIST_ERA_OFFSET, DatePrecision, format_date

FIRST_MONTH = 10  # October


def fiscal_year_of(moment, zone=None):
    """The Buddhist Era fiscal year of a date or an aware datetime (in the site's time zone). Counting many,
    pass `zone` (timezone.get_current_timezone()), read once: looking it up took half the figures' time."""
    if isinstance(moment, datetime.datetime):
        moment = moment.astimezone(zone or timezone.get_current_timezone()).date()
    day = moment
    return day.year + BUDDHIST_ERA_OFFSET + (1 if day.month >= FIRST_MONTH else 0)


def fiscal_year_dates(fiscal_year_be):
    """(first day, last day) of a fiscal year, as Common Era dates: 2569 -> (2025-10-01, 2026-09-30)."""
    end_year = fiscal_year_be - BUDDHIST_ERA_OFFSET
    return datetime.date(end_year - 1, FIRST_MONTH, 1), datetime.date(end_year, FIRST_MONTH - 1, 30)


@dataclass(frozen=True)
class FiscalYearFigures:
    fiscal_year: int  # Buddhist Era
    received: int
    answered: int
    median_days: float | None

    @property
    def first_day(self):
        return fiscal_year_dates(self.fiscal_year)[0]

    @property
    def last_day(self):
        return fiscal_year_dates(self.fiscal_year)[1]

    def period(self):
        """'ตุลาคม 2568 – กันยายน 2569' / 'October 2025 – September 2026' in the active language."""
        return f"{format_date(self.first_day, DatePrecision.MONTH)} – {format_date(self.last_day, DatePrecision.MONTH)}"


def days_between(start, end):
    return (end - start).total_seconds() / 86400


def service_figures(queryset):
    """One FiscalYearFigures per fiscal year with requests, the latest first. One query."""
    years, zone = {}, timezone.get_current_timezone()
    for received_at, answered_at in queryset.not_spam().values_list("received_at", "answered_at"):
        year = years.setdefault(fiscal_year_of(received_at, zone), {"received": 0, "days": []})
        year["received"] += 1
        if answered_at is not None:
            year["days"].append(days_between(received_at, answered_at))
    return [
        FiscalYearFigures(
            fiscal_year=fiscal_year,
            received=year["received"],
            answered=len(year["days"]),
            median_days=round(statistics.median(year["days"]), 1) if year["days"] else None,
        )
        for fiscal_year, year in sorted(years.items(), reverse=True)
    ]
