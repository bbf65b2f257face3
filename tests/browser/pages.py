"""Every public page type, in both languages: the one list the browser suite, the HTML check and
Lighthouse walk.

Page types are named at collection time; each one's address is looked up in the database (loaded by
`manage.py seed`) when a test or script runs, so a detail page is always a real, published object.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils import translation

LANGUAGES = ["th", "en"]


def _named(url_name, **kwargs):
    return lambda: reverse(url_name, kwargs=kwargs or None)


def _first_published(app_label, model_name):
    def resolve():
        obj = apps.get_model(app_label, model_name).objects.published().first()
        if obj is None:
            raise LookupError(f"No published {app_label}.{model_name} to visit: did `manage.py seed` run?")
        return obj.get_absolute_url()

    return resolve


@dataclass(frozen=True)
class PageType:
    name: str
    resolve: Callable[[], str]
    status: int = 200


PAGE_TYPES = [
    PageType("home", _named("pages:home")),
    PageType("city_list", _named("relations:city_list")),
    PageType("city_detail", _first_published("relations", "SisterCity")),
    PageType("network_list", _named("relations:network_list")),
    PageType("network_detail", _first_published("relations", "CityNetwork")),
    PageType("embassy_list", _named("relations:embassy_list")),
    PageType("plan_list", _named("pages:plan_list")),
    PageType("office", _named("pages:office")),
    PageType("not_found", lambda: f"/{translation.get_language()}/no-such-page/", status=404),
]

PAGE_TYPES_BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}


def path_for(page_type_name, language):
    """The address of one page type in one language, e.g. ("city_detail", "en") -> /en/sister-cities/tokyo/."""
    with translation.override(language):
        return PAGE_TYPES_BY_NAME[page_type_name].resolve()


def all_pages():
    """(page type, language, path, expected status) for every public page type in both languages."""
    return [
        (page_type.name, language, path_for(page_type.name, language), page_type.status)
        for page_type in PAGE_TYPES
        for language in LANGUAGES
    ]
