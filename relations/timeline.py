"""The partnership timeline on the sister-city directory: every published city by the year its relationship
was established, drawn on the server as SVG (no JavaScript), marked by kind of relationship, each mark a
link to the city's page; the cities whose date is not known are listed beside it, and a table under it
says what the chart shows (templates/relations/_timeline.html).

One column per year that has a partnership, a mark per city stacked in it, the year under it in the
reader's calendar; a gap between columns grows with the years between them, up to GAP_YEARS. Marks are
24 px and 30 px apart at the chart's natural size, which is how it is drawn (a phone scrolls it sideways):
big enough to tap (WCAG 2.5.8).

Past MAX_CITY_MARKS cities a mark per city would make the directory heavy, so each year gets one mark per
kind of relationship with its number of cities, linking to the directory of that kind sorted by year, and
the table gives those numbers: the page's size then depends on the number of years, not of cities.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from iad_site.core.dates import DatePrecision, display_year, format_date

from .models import RelationshipKind

MAX_CITY_MARKS = 100
COLUMN = 44  # width of a year's column
GAP_YEAR = 8  # extra room for each year without a partnership between two columns...
GAP_YEARS = 4  # ...counted up to this many
STEP = 30  # from one mark to the next up a column
MARGIN = 16
TOP = 8
LABELS = 28  # room under the axis for the years

# Shape and colour of each kind's marks, each colour at least 3:1 against the white page (WCAG 1.4.11).
STYLES = {
    RelationshipKind.SISTER_CITY: ("circle", "#14532d"),
    RelationshipKind.FRIENDSHIP: ("square", "#b45309"),
    RelationshipKind.MOU: ("diamond", "#0b5394"),
}
SHAPES = {
    "circle": '<circle cx="{x}" cy="{y}" r="12" fill="{fill}"/>',
    "square": '<rect x="{left}" y="{top}" width="22" height="22" rx="2" fill="{fill}"/>',
    "diamond": '<polygon points="{x},{up} {right},{y} {x},{down} {far_left},{y}" fill="{fill}"/>',
}


def shape(kind, x, y):
    name, fill = STYLES[kind]
    return SHAPES[name].format(
        x=x, y=y, left=x - 11, top=y - 11, up=y - 13, down=y + 13, right=x + 13, far_left=x - 13, fill=fill
    )


@dataclass
class Mark:
    year: int
    kind: str
    url: str
    label: str
    count: int = 0  # shown inside the mark when it stands for several cities


def is_dated(city):
    return city.established_on is not None and city.established_precision != DatePrecision.UNKNOWN


def city_marks(cities):
    marks = []
    for city in cities:
        kind = RelationshipKind(city.relationship)
        since = format_date(city.established_on, city.established_precision)
        label = _("%(city)s, %(country)s: %(kind)s since %(date)s") % {
            "city": city.name,
            "country": city.country.name,
            "kind": kind.label,
            "date": since,
        }
        marks.append(Mark(city.established_on.year, kind, city.get_absolute_url(), label))
    return marks


def year_marks(rows):
    """One mark per (year, kind) from rows of year, relationship and count."""
    directory = reverse("relations:city_list")
    marks = []
    for row in rows:
        kind = RelationshipKind(row["relationship"])
        label = ngettext("%(year)s: %(count)d city, %(kind)s", "%(year)s: %(count)d cities, %(kind)s", row["count"]) % {
            "year": display_year(row["year"]),
            "count": row["count"],
            "kind": kind.label,
        }
        url = f"{directory}?{urlencode({'relationship': kind.value, 'sort': 'year'})}"
        marks.append(Mark(row["year"], kind, url, label, row["count"]))
    return marks


def draw(marks):
    """The chart's size and its SVG content (marks, axis and year labels) for marks in date order."""
    years = sorted({mark.year for mark in marks})
    columns, x = {}, MARGIN + COLUMN // 2
    for previous, year in zip([None, *years], years, strict=False):
        if previous is not None:
            x += COLUMN + GAP_YEAR * min(year - previous - 1, GAP_YEARS)
        columns[year] = x
    stacks = {year: [mark for mark in marks if mark.year == year] for year in years}
    tallest = max(len(stack) for stack in stacks.values())
    axis = TOP + tallest * STEP + 4
    width = x + COLUMN // 2 + MARGIN
    parts = []
    for year, stack in stacks.items():
        for position, mark in enumerate(stack):
            y = axis - STEP // 2 - 4 - position * STEP
            count = (
                format_html(
                    '<text x="{}" y="{}" dy="0.35em" text-anchor="middle" font-size="11" fill="#ffffff">{}</text>',
                    columns[year],
                    y,
                    mark.count,
                )
                if mark.count
                else ""
            )
            parts.append(
                format_html(
                    '<a class="timeline__mark" href="{}"><title>{}</title>{}{}</a>',
                    mark.url,
                    mark.label,
                    mark_safe(shape(mark.kind, columns[year], y)),
                    count,
                )
            )
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        ((x, axis + 20, display_year(year)) for year, x in columns.items()),
    )
    ticks = "".join(f"M{x} {axis}v6" for x in columns.values())
    return {
        "width": width,
        "height": axis + LABELS,
        "axis_path": f"M{MARGIN} {axis}H{width - MARGIN}{ticks}",
        "marks_svg": mark_safe("\n".join(parts)),
        "labels_svg": labels,
        "first_year": display_year(years[0]),
        "last_year": display_year(years[-1]),
    }


def legend(kinds):
    """(label, a mark's shape drawn in a 28 x 28 box) for each kind of relationship present, in order."""
    return [(kind.label, mark_safe(shape(kind, 14, 14))) for kind in RelationshipKind if kind in kinds]


def partnership_timeline(published, total):
    """What _timeline.html draws for the published cities (`published`, `total` of them); None while no
    city's date is known. One query either way."""
    if total <= MAX_CITY_MARKS:
        cities = list(
            published.select_related("country").order_by(F("established_on").asc(nulls_last=True), "sort_order", "pk")
        )
        dated = [city for city in cities if is_dated(city)]
        if not dated:
            return None
        marks = city_marks(dated)
        return {
            "per_city": True,
            "chart": draw(marks),
            "legend": legend({mark.kind for mark in marks}),
            "rows": dated,
            "unknown": [city for city in cities if not is_dated(city)],
        }
    known = Q(established_on__isnull=False) & ~Q(established_precision=DatePrecision.UNKNOWN)
    rows = list(
        published.filter(known)
        .annotate(year=ExtractYear("established_on"))
        .values("year", "relationship")
        .annotate(count=Count("pk"))
        .order_by("year", "relationship")
    )
    if not rows:
        return None
    marks = year_marks(rows)
    return {
        "per_city": False,
        "chart": draw(marks),
        "legend": legend({mark.kind for mark in marks}),
        "rows": marks,
        "unknown_count": total - sum(row["count"] for row in rows),
    }
