"""Round anniversaries of Bangkok's partnerships: every ANNIVERSARY_YEARS years from the year a city's
relationship was established, read from its stored date and how much of it is known; nothing for a city
whose date is not known.

"This year" is today's date in the site's time zone (timezone.localdate(), Asia/Bangkok), read when a page
is rendered. A page kept by the page cache (iad_site/pagecache) is at most PAGE_CACHE_SECONDS old, so on
1 January a cached page may name last year's anniversaries for that long (ten minutes unless set), and
no longer: every content save drops the cache at once as well.
"""

from django.db.models import F, IntegerField, Q, Value
from django.db.models.functions import ExtractYear, Mod
from django.utils import timezone

from iad_site.core.dates import DatePrecision

ANNIVERSARY_YEARS = 5


def round_anniversary(established_on, precision, today=None):
    """(years, year) of the round anniversary that falls this year or next, e.g. (65, 2027) for 1962, or None."""
    if established_on is None or precision == DatePrecision.UNKNOWN:
        return None
    this_year = (today or timezone.localdate()).year
    for year in (this_year, this_year + 1):
        years = year - established_on.year
        if years > 0 and years % ANNIVERSARY_YEARS == 0:
            return years, year
    return None


def celebrating(cities, year):
    """The cities (a SisterCity queryset) whose round anniversary falls in `year`, each with its number of
    `years`, the oldest partnership first."""
    return (
        cities.filter(Q(established_on__isnull=False) & ~Q(established_precision=DatePrecision.UNKNOWN))
        .annotate(years=Value(year, output_field=IntegerField()) - ExtractYear("established_on"))
        .filter(years__gt=0)
        .annotate(remainder=Mod(F("years"), ANNIVERSARY_YEARS))
        .filter(remainder=0)
        .order_by("established_on", "sort_order", "pk")
    )
