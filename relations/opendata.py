"""Open data: the columns of the published sister cities, city networks and embassies, each record in
both languages (name_th, name_en, ...). The columns are listed once here and documented in
docs/open-data.md; a test checks that the two agree. iad_site.opendata writes them as CSV and JSON at
/data/sister-cities.csv, .json, and the same for city-networks and embassies.
"""

from django.utils import timezone, translation

from iad_site.core import sections
from iad_site.core.dates import DatePrecision

from .models import CityNetwork, Embassy, SisterCity


def _text(value):
    """Stored text, or None where nothing was written (an empty cell in CSV, null in JSON)."""
    value = (value or "").strip() if isinstance(value, str) else value
    return value if value not in ("", None) else None


def _number(value):
    return float(value) if value is not None else None


def _in_languages(name, getter):
    """Columns name_th and name_en from getter(language)."""
    columns = []
    for language in sections.languages():

        def get(obj, language=language):
            with translation.override(language):
                return getter(obj, language)

        columns.append((f"{name}_{language}", get))
    return columns


def _translated_field(field):
    return _in_languages(field, lambda obj, language: _text(getattr(obj, f"{field}_{language}")))


def _page_urls(request):
    return _in_languages("url", lambda obj, language: request.build_absolute_uri(obj.get_absolute_url()))


def _established_on(city):
    """The known part of the date, in ISO 8601: 1962-02-19, 1993-06 or 1993."""
    if city.established_on is None or city.established_precision == DatePrecision.UNKNOWN:
        return None
    formats = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m"}
    return city.established_on.strftime(formats.get(city.established_precision, "%Y-%m-%d"))


def _updated_at(obj):
    return timezone.localtime(obj.updated_at).isoformat(timespec="seconds")


def sister_city_columns(request):
    return [
        ("slug", lambda c: c.slug),
        *_translated_field("name"),
        ("country_iso", lambda c: c.country.iso_code),
        *_in_languages("country", lambda c, language: _text(getattr(c.country, f"name_{language}"))),
        ("relationship", lambda c: c.relationship),
        *_in_languages("relationship", lambda c, language: str(c.get_relationship_display())),
        ("established_on", _established_on),
        ("established_precision", lambda c: c.established_precision),
        ("latitude", lambda c: _number(c.latitude)),
        ("longitude", lambda c: _number(c.longitude)),
        ("website", lambda c: _text(c.website)),
        *_translated_field("profile"),
        *_page_urls(request),
        ("updated_at", _updated_at),
    ]


def network_columns(request):
    return [
        ("slug", lambda n: n.slug),
        *_translated_field("name"),
        ("acronym", lambda n: _text(n.acronym)),
        ("founded_year", lambda n: n.founded_year),
        *_translated_field("secretariat"),
        *_translated_field("description"),
        *_translated_field("membership"),
        ("website", lambda n: _text(n.website)),
        *_page_urls(request),
        ("updated_at", _updated_at),
    ]


def embassy_columns(request):
    return [
        ("country_iso", lambda e: e.country.iso_code),
        *_in_languages("country", lambda e, language: _text(getattr(e.country, f"name_{language}"))),
        *_translated_field("name"),
        *_translated_field("address"),
        ("phone", lambda e: _text(e.phone)),
        ("email", lambda e: _text(e.email)),
        ("website", lambda e: _text(e.website)),
        ("latitude", lambda e: _number(e.latitude)),
        ("longitude", lambda e: _number(e.longitude)),
        ("updated_at", _updated_at),
    ]


# Registered in relations/section.py; served by iad_site.opendata.
DATASETS = {
    "sister-cities": (lambda: SisterCity.objects.published().for_directory(), sister_city_columns),
    "city-networks": (lambda: CityNetwork.objects.published().for_directory(), network_columns),
    "embassies": (lambda: Embassy.objects.published().for_directory(), embassy_columns),
}
