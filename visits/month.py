"""The staff's month calendar of visits: the weeks of one month, each of its days with the visits that have a date
on it (the days of the months before and after that fill the first and last weeks stay empty).

The month is named in the address as ?month=2026-12 (Common Era, as typed by no one: the previous and next links
carry it); the page shows it in the reader's calendar (ธันวาคม 2569 in the Thai admin). Weeks start on the day the
active language's formats say (FIRST_DAY_OF_WEEK: Sunday in Thai and English). One query for the whole month.
"""

import calendar
import datetime
import re
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS_ABBR

from .models import VisitRequest

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def month_from(text, today=None):
    """The first day of the month named by '2026-12', or of the current month (Bangkok time) if it names none."""
    today = today or timezone.localdate()
    match = MONTH.match(text or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 1900 < year < 2400 and 1 <= month <= 12:
            return datetime.date(year, month, 1)
    return today.replace(day=1)


def next_month(first):
    return (first + datetime.timedelta(days=32)).replace(day=1)


def previous_month(first):
    return (first - datetime.timedelta(days=1)).replace(day=1)


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    visits: list = field(default_factory=list)


@dataclass
class Month:
    first: datetime.date
    weekdays: list  # abbreviated names, in the order of the columns
    weeks: list  # lists of seven Days

    @property
    def previous(self):
        return previous_month(self.first)

    @property
    def next(self):
        return next_month(self.first)


def month_calendar(first, queryset=None):
    """The Month starting on `first`, its days holding the visits with a date on them (Bangkok time)."""
    # Django counts weekdays from Sunday (0), Python's calendar from Monday (0).
    first_weekday = (int(formats.get_format("FIRST_DAY_OF_WEEK")) - 1) % 7
    grid = calendar.Calendar(first_weekday).monthdatescalendar(first.year, first.month)
    days = {day: Day(day, day.month == first.month) for week in grid for day in week}
    start, end = (
        timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)) for day in (first, next_month(first))
    )
    queryset = VisitRequest.objects.all() if queryset is None else queryset
    for visit in queryset.on_calendar_between(start, end):
        days[timezone.localtime(visit.scheduled_at).date()].visits.append(visit)
    weekdays = [WEEKDAYS_ABBR[(first_weekday + offset) % 7] for offset in range(7)]
    return Month(first, weekdays, [[days[day] for day in week] for week in grid])
