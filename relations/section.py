"""What the partners-abroad section adds to the site: its pages, navigation, feed, search, open data and the
embassy list loaded with the seed."""

import io
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iad_site.core.sections import FeedLink, NavItem, PageType, Section
from iad_site.search.engine import IndexSpec, translated

from .opendata import DATASETS


def _country(obj, language):
    return translated(obj.country, "name", language)[0]


def _relationship(obj, language):
    return str(obj.get_relationship_display())


def _parent_name(obj, language):
    parent = obj.city or obj.network
    return translated(parent, "name", language)[0]


def _embassy_url(obj):
    # The directory is paginated: filtered to the embassy's country, it is always on the first page.
    return reverse("relations:embassy_list") + f"?country={obj.country.iso_code}#embassy-{obj.pk}"


# The embassies shipped with the site, compiled from public sources (fixtures/embassies-README.md).
EMBASSY_LIST = "embassies.csv"


def load_embassy_list(directories, verbosity):
    """The shipped embassy list, through the import staff use: uncertain rows unpublished, and the embassies
    the office has confirmed since left as the office made them."""
    for directory in directories:
        path = Path(directory) / EMBASSY_LIST
        if path.exists():
            out = None if verbosity else io.StringIO()
            call_command("import_embassies", str(path), skip_confirmed=True, stdout=out)


section = Section(
    page_types=(
        PageType("city_list", "relations:city_list"),
        PageType("city_list_filtered", "relations:city_list", query="country=JP"),
        PageType("city_map", "relations:city_map"),
        PageType("city_detail", model="relations.SisterCity"),
        PageType("network_list", "relations:network_list"),
        PageType("network_detail", model="relations.CityNetwork"),
        PageType("embassy_list", "relations:embassy_list"),
    ),
    nav=(
        NavItem(20, "relations:city_list", _("Sister cities")),
        NavItem(30, "relations:network_list", _("City networks")),
        NavItem(40, "relations:embassy_list", _("Embassies")),
    ),
    feeds=(FeedLink("relations:feed", _("Exchanges and activities (Atom feed)")),),
    search_specs=(
        IndexSpec(
            "city",
            _("Sister city"),
            "relations.SisterCity",
            "name",
            body=(_country, _relationship, "profile"),
            keywords=(_country,),
            select_related=("country",),
        ),
        IndexSpec(
            "network",
            _("City network"),
            "relations.CityNetwork",
            "name",
            body=("acronym", "description", "secretariat", "membership"),
        ),
        IndexSpec(
            "embassy",
            _("Embassy"),
            "relations.Embassy",
            "name",
            body=(_country, "address"),
            keywords=(_country,),
            select_related=("country",),
            url=_embassy_url,
        ),
        IndexSpec(
            "activity",
            _("Exchange or activity"),
            "relations.Activity",
            "title",
            body=("summary", _parent_name),
            select_related=("city", "network"),
        ),
    ),
    search_dependents={
        "relations.Country": lambda country: [*country.sister_cities.all(), *country.embassies.all()],
        # An activity is public only while its city or network is.
        "relations.SisterCity": lambda city: city.activities.all(),
        "relations.CityNetwork": lambda network: network.activities.all(),
    },
    open_data=DATASETS,
    # relations.0007 replaced the stored Thai sort key with a collation.
    dropped_fields={"relations.sistercity": ("name_sort_key",)},
    seed_loaders=(load_embassy_list,),
)
