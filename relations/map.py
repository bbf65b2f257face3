"""A world map of Bangkok and its partner cities, drawn on the server as inline SVG: no JavaScript, no
map tiles, nothing fetched from another site.

Country outlines are Natural Earth's 1:110m countries (public domain), shipped in data/countries-110m.json
(see data/README.md). The projection is equirectangular (x = longitude, y = -latitude, in tenths of a
degree), the simplest one that keeps every partner recognisable at this scale. The outlines are a static
file, static/img/world-land.svg (`manage.py draw_world_map` writes it from the data), which each map
draws as an image under its markers: browsers keep it for good (its name changes with its content),
and a page carries only its markers and the part of the world to show.

Each city has a marker of its own up to MAX_CITY_MARKERS cities. Past that, a marker per city would make
the page heavy and the map unreadable, so each country gets one marker instead, with its number of
cities, linking to the directory filtered by that country: the page's size and cost then depend on the
number of countries, not of cities.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

DATA_FILE = Path(__file__).resolve().parent / "data" / "countries-110m.json"

# The map never shows more than this: Antarctica is left out of the data, the far north is empty.
NORTH, SOUTH, WEST, EAST = 84, -57, -180, 180
# Around the markers: room for the marker itself and enough land to recognise where it is.
MARGIN_LON, MARGIN_LAT = 14, 10
MIN_WIDTH_DEGREES = 90

BANGKOK = (Decimal("13.7563"), Decimal("100.5018"))
# More cities than this are marked per country (see the module docstring).
MAX_CITY_MARKERS = 100


def project(latitude, longitude):
    """SVG user units (tenths of a degree) of a point: x grows east, y grows south from NORTH."""
    return round((float(longitude) - WEST) * 10), round((NORTH - float(latitude)) * 10)


LAND_SVG = Path(__file__).resolve().parent.parent / "static" / "img" / "world-land.svg"
LAND_SIZE = project(SOUTH, EAST)  # the whole world drawn, in SVG units: (3600, 1410)


def land_path():
    """Every country outline as one SVG path: relative moves, integer units."""
    data = json.loads(DATA_FILE.read_text())
    parts = []
    for country in data["countries"]:
        for ring in country["rings"]:
            if len(ring) < 6:  # fewer than three points: nothing to draw
                continue
            x, y = project(ring[1] / 10, ring[0] / 10)
            deltas = " ".join(f"{dx} {-dy}" for dx, dy in zip(ring[2::2], ring[3::2], strict=True))
            parts.append(f"M{x} {y}l{deltas}z")
    return "".join(parts)


def land_svg():
    """The static file LAND_SVG: every country outline, the whole world from (0, 0) to LAND_SIZE."""
    width, height = LAND_SIZE
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        # Borders 1.5 units wide (a tenth of a degree each): under a pixel on the whole world, about two in
        # the close-up. (vector-effect, which kept them at one pixel inline, is not SVG 1.1.)
        f'<path d="{land_path()}" fill="#dfe7e2" stroke="#ffffff" stroke-width="1.5"/></svg>\n'
    )


@dataclass
class Marker:
    label: str
    url: str
    latitude: Decimal
    longitude: Decimal

    def __post_init__(self):
        self.x, self.y = project(self.latitude, self.longitude)

    def route_from(self, x, y):
        """A gentle curve from (x, y) to the marker, bowed north like a flight path on a flat map."""
        mid_x, mid_y = (x + self.x) / 2, (y + self.y) / 2
        lift = (abs(self.x - x) + abs(self.y - y)) / 5
        return f"M{x} {y}Q{round(mid_x)} {round(mid_y - lift)} {self.x} {self.y}"


def view_box(points):
    """The part of the world that holds every point with a margin, at least MIN_WIDTH_DEGREES wide."""
    lats = [float(lat) for lat, _lon in points]
    lons = [float(lon) for _lat, lon in points]
    west, east = max(WEST, min(lons) - MARGIN_LON), min(EAST, max(lons) + MARGIN_LON)
    if east - west < MIN_WIDTH_DEGREES:
        middle = (east + west) / 2
        west, east = max(WEST, middle - MIN_WIDTH_DEGREES / 2), min(EAST, middle + MIN_WIDTH_DEGREES / 2)
    north, south = min(NORTH, max(lats) + MARGIN_LAT), max(SOUTH, min(lats) - MARGIN_LAT)
    left, top = project(north, west)
    right, bottom = project(south, east)
    return left, top, right - left, bottom - top


# A close-up where partner cities crowd together at world scale: China, Japan, Korea and South-East Asia.
CLOSE_UP = {"west": 80, "east": 146, "north": 47, "south": -10}


# Markers and routes are written here rather than in _map.html: with hundreds of markers (one per country)
# the template engine would take longer over them than over the rest of the page.
MARKER_SVG = (
    '<a class="world-map__marker" href="{}" aria-label="{}"><title>{}</title><circle cx="{}" cy="{}" r="{}" '
    'fill="#b45309" stroke="#ffffff" stroke-width="1.5" vector-effect="non-scaling-stroke"/></a>'
)
ROUTE_SVG = '<path d="{}" vector-effect="non-scaling-stroke"/>'


def _frame(title, box, markers, is_close_up=False):
    left, top, width, height = box
    bangkok_x, bangkok_y = project(*BANGKOK)
    size = max(12, width // 100)
    # Sizes follow the width shown, so markers stay visible on a phone and modest on a desktop.
    radius = max(8, width // 150)
    return {
        "title": title,
        "is_close_up": is_close_up,
        "view_box": f"{left} {top} {width} {height}",
        "markers": markers,
        "markers_svg": format_html_join(
            "\n", MARKER_SVG, ((m.url, m.label, m.label, m.x, m.y, radius) for m in markers)
        ),
        "routes_svg": format_html_join(
            "", ROUTE_SVG, ((marker.route_from(bangkok_x, bangkok_y),) for marker in markers)
        ),
        "bangkok": {
            "x": bangkok_x,
            "y": bangkok_y,
            "diamond": diamond(bangkok_x, bangkok_y, size),
            "label_x": bangkok_x - size * 2,
        },
        "font_size": max(20, width // (30 if is_close_up else 50)),
    }


def city_markers(cities):
    """One marker per city that has coordinates. `cities` are SisterCity objects with their country."""
    return [
        Marker(f"{city.name}, {city.country.name}", city.get_absolute_url(), city.latitude, city.longitude)
        for city in cities
        if city.has_location
    ]


def country_markers(countries):
    """One marker per country, at the middle of its located cities, linking to the directory filtered
    by that country. `countries` come from CountryQuerySet.with_published_cities(); each gets the
    `directory_url` and `cities_label` ("52 partner cities") that the list of countries shows too."""
    directory = reverse("relations:city_list")
    markers = []
    for country in countries:
        country.directory_url = f"{directory}?{urlencode({'country': country.iso_code})}"
        count = country.city_count
        country.cities_label = ngettext("%(count)d partner city", "%(count)d partner cities", count) % {"count": count}
        if country.latitude is not None and country.longitude is not None:
            label = f"{country.name}: {country.cities_label}"
            markers.append(Marker(label, country.directory_url, country.latitude, country.longitude))
    return markers


def world_map(markers, per_country=False):
    """What templates/relations/_map.html draws: one or two frames (the whole set of partners, and a
    close-up where they crowd), each over the outlines (LAND_SVG) with Bangkok and the linked markers, one
    per city or, `per_country`, one per country."""
    overview = view_box([BANGKOK] + [(marker.latitude, marker.longitude) for marker in markers])
    frames = [_frame(_("Map of Bangkok and its partner cities"), overview, markers)]
    left, top = project(CLOSE_UP["north"], CLOSE_UP["west"])
    right, bottom = project(CLOSE_UP["south"], CLOSE_UP["east"])
    crowded = [m for m in markers if left < m.x < right and top < m.y < bottom]
    # Worth a second drawing only when the overview is much wider and several cities are in the close-up.
    if len(crowded) >= 3 and overview[2] > 2 * (right - left):
        frames.append(
            _frame(_("Close-up: East and South-East Asia"), (left, top, right - left, bottom - top), crowded, True)
        )
    return {
        "land_size": LAND_SIZE,
        "frames": frames,
        "per_country": per_country,
        "bangkok_label": _("Bangkok"),
    }


def diamond(x, y, size):
    return f"{x},{y - size} {x + size},{y} {x},{y + size} {x - size},{y}"


class CityMapView(TemplateView):
    """/sister-cities/map/: the map on a page of its own, with the list of cities as its text version."""

    template_name = "relations/city_map.html"

    def get_context_data(self, **kwargs):
        from relations.models import Country, SisterCity

        published = SisterCity.objects.published()
        city_count = published.count()
        if city_count <= MAX_CITY_MARKERS:
            cities = list(published.for_directory())
            return super().get_context_data(cities=cities, world_map=world_map(city_markers(cities)), **kwargs)
        countries = list(Country.objects.with_published_cities())
        return super().get_context_data(
            countries=countries,
            city_count=city_count,
            world_map=world_map(country_markers(countries), per_country=True),
            **kwargs,
        )
