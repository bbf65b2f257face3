"""Service figures for visits (ITA O14), per Thai fiscal year, from the requests themselves: received, answered
(scheduled or declined), completed and their share, the median days to an answer (iad_site.inbox.figures), and
the requests by kind and by country, and the satisfaction survey's answers and average rating (ITA O15), counted
in the fiscal year the request arrived in, like the rest. Counts only: nothing personal, and a country or kind is named only as the
office lists it. Spam is left out. A constant number of queries, however many requests there are.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iad_site.inbox.figures import FiscalYearFigures, fiscal_year_of, service_figures
from relations.models import Country

from .models import VisitKind, VisitStatus

NO_COUNTRY = _("Not given")


@dataclass(frozen=True)
class VisitYear:
    base: FiscalYearFigures
    completed: int
    by_kind: list = field(default_factory=list)  # [(name, count)], the office's order of kinds
    by_country: list = field(default_factory=list)  # [(name, count)], most requests first
    survey_answers: int = 0
    average_satisfaction: float | None = None  # over the answers that gave a rating, 1 to 5

    def __getattr__(self, name):
        # fiscal_year, received, answered, median_days, period(), first_day, last_day: the inbox's figures.
        return getattr(self.base, name)

    @property
    def completed_percent(self):
        return round(100 * self.completed / self.received) if self.received else None


def visit_figures(queryset):
    """One VisitYear per fiscal year with requests, the latest first. Four queries."""
    base = service_figures(queryset)
    completed, kinds, countries, answers, ratings = Counter(), Counter(), Counter(), Counter(), defaultdict(list)
    rows = queryset.not_spam().values_list(
        "received_at", "status", "kind_id", "country_id", "survey_answered_at", "satisfaction"
    )
    zone = timezone.get_current_timezone()
    for received_at, status, kind_id, country_id, answered_survey_at, satisfaction in rows:
        year = fiscal_year_of(received_at, zone)
        completed[year] += status == VisitStatus.COMPLETED
        answers[year] += answered_survey_at is not None
        if satisfaction is not None:
            ratings[year].append(satisfaction)
        kinds[year, kind_id] += 1
        countries[year, country_id] += 1
    kind_names = [(kind.pk, kind.name) for kind in VisitKind.objects.order_by("sort_order", "pk")]
    country_ids = {country_id for _year, country_id in countries if country_id is not None}
    country_names = dict(Country.objects.filter(pk__in=country_ids).values_list("pk", "name")) if country_ids else {}
    years = []
    for figures in base:
        year = figures.fiscal_year
        by_kind = [(name, kinds[year, pk]) for pk, name in kind_names if kinds[year, pk]]
        by_country = sorted(
            (
                (country_names.get(pk, NO_COUNTRY) if pk else NO_COUNTRY, count)
                for (y, pk), count in countries.items()
                if y == year
            ),
            key=lambda item: (-item[1], str(item[0])),
        )
        average = round(statistics.fmean(ratings[year]), 1) if ratings[year] else None
        years.append(VisitYear(figures, completed[year], by_kind, by_country, answers[year], average))
    return years


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    completed: int
    y: int
    width: float
    completed_width: float


def chart_bars(years, width=400, bar_height=24, gap=12):
    """Horizontal bars, one per fiscal year (the oldest on top): requests received, with those completed inside."""
    largest = max((year.received for year in years), default=0) or 1
    bars = []
    for index, year in enumerate(reversed(years)):
        bars.append(
            Bar(
                label=year.last_day.year,  # Common Era: the template shows it in the reader's era
                value=year.received,
                completed=year.completed,
                y=index * (bar_height + gap),
                width=round(width * year.received / largest, 1),
                completed_width=round(width * year.completed / largest, 1),
            )
        )
    return bars
