"""Every public page type, in both languages: the one list the browser suite, the HTML check and
Lighthouse walk.

Page types are named at collection time; each one's address is looked up in the database (loaded by
`manage.py seed`) when a test or script runs, so a detail page is always a real, published object.
"""

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse
from django.utils import translation

LANGUAGES = ["th", "en"]
ROOT = Path(__file__).resolve().parent.parent.parent


def _named(url_name, query="", **kwargs):
    return lambda: reverse(url_name, kwargs=kwargs or None) + query


def _first_published(app_label, model_name, **filters):
    def resolve():
        model = apps.get_model(app_label, model_name)
        obj = model.objects.published().filter(**filters).distinct().first()
        if obj is None:
            raise LookupError(
                f"No published {app_label}.{model_name} {filters or ''} to visit: did `manage.py seed` run?"
            )
        return obj.get_absolute_url()

    return resolve


def _search(query_by_language):
    return lambda: reverse("search:search") + "?" + urlencode({"q": query_by_language[translation.get_language()]})


@dataclass(frozen=True)
class PageType:
    name: str
    resolve: Callable[[], str]
    status: int = 200
    # Asks search engines not to index it (<meta name="robots" content="noindex">), on purpose.
    noindex: bool = False


def _static_page_slugs():
    """The static pages (/page/<slug>/) the seed publishes, read from its fixtures when tests are collected."""
    slugs = []
    for fixture in sorted((ROOT / "fixtures").glob("*.json")):
        for record in json.loads(fixture.read_text()):
            if record["model"] == "pages.staticpage" and record["fields"].get("is_published", True):
                slugs.append(record["fields"]["slug"])
    return slugs


PAGE_TYPES = [
    PageType("home", _named("pages:home")),
    PageType("city_list", _named("relations:city_list")),
    PageType("city_list_filtered", _named("relations:city_list", query="?country=JP")),
    PageType("city_map", _named("relations:city_map")),
    PageType("city_detail", _first_published("relations", "SisterCity")),
    PageType("network_list", _named("relations:network_list")),
    PageType("network_detail", _first_published("relations", "CityNetwork")),
    PageType("embassy_list", _named("relations:embassy_list")),
    PageType("plan_list", _named("pages:plan_list")),
    PageType("plan_detail", _first_published("pages", "Plan")),
    PageType("plan_detail_documents", _first_published("pages", "Plan", documents__isnull=False)),
    PageType("office", _named("pages:office")),
    PageType("history", _named("pages:history")),
    PageType("structure", _named("pages:structure")),
    *(PageType(f"page_{slug}", _named("pages:static_page", slug=slug)) for slug in _static_page_slugs()),
    # Search pages are kept out of search engines' indexes (endless query URLs, thin content).
    PageType("search", _named("search"), noindex=True),
    PageType("search_results", _search({"th": "ปักกิ่ง", "en": "Beijing"}), noindex=True),
    PageType("search_no_results", _search({"th": "ฆฆฆฆ", "en": "qqqzzz"}), noindex=True),
    PageType("not_found", lambda: f"/{translation.get_language()}/no-such-page/", status=404),
]

PAGE_TYPES_BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}


def write_test_embassies(path):
    """A CSV for `manage.py import_embassies`: one made-up embassy per seeded country, for test databases only.

    The seed has no embassies (the office imports its list), so without these the embassy directory would
    be checked only in its empty state. Every other row has no English, to check the lang="th" fallback;
    one has a long address, e-mail and web address, to check that they wrap on a phone.
    """
    codes = []
    for fixture in sorted((ROOT / "fixtures").glob("*.json")):
        codes += [r["fields"]["iso_code"] for r in json.loads(fixture.read_text()) if r["model"] == "relations.country"]
    long = "very-long-department-name-for-international-cooperation"
    rows = [
        {
            "country_code": code,
            "name_th": f"สถานเอกอัครราชทูตทดสอบ {code}",
            "name_en": "" if number % 2 else f"Test embassy {code}",
            "address_th": f"เลขที่ {number} ถนนทดสอบ แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร 10330",
            "address_en": "" if number % 2 else f"{number} Test Road, Lumphini, Pathum Wan, Bangkok 10330",
            "phone": f"+66 2 000 {number:04d}",
            "email": f"{long}@example.org" if number == 0 else f"embassy-{code.lower()}@example.org",
            "website": f"https://www.example.org/{long}/{code.lower()}/" if number == 0 else "https://example.org/",
            "latitude": "13.7367",
            "longitude": "100.5431",
        }
        for number, code in enumerate(codes)
    ]
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def path_for(page_type_name, language):
    """The address of one page type in one language, e.g. ("city_detail", "en") -> /en/sister-cities/washington-dc/."""
    with translation.override(language):
        return PAGE_TYPES_BY_NAME[page_type_name].resolve()


def all_pages():
    """(page type, language, path, expected status, noindex) for every public page type in both languages."""
    return [
        (page_type.name, language, path_for(page_type.name, language), page_type.status, page_type.noindex)
        for page_type in PAGE_TYPES
        for language in LANGUAGES
    ]
