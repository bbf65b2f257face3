"""Rules on the models: dates, photos, and the seed fixture itself."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation

from iad_site.core.dates import DatePrecision
from relations.models import Activity, CityLink, CityNetwork, Country, RelationshipKind, SisterCity

from .conftest import make_city, make_countries

pytestmark = pytest.mark.django_db


def test_buddhist_era_year_is_refused_on_the_established_date():
    city = make_city(make_countries(1)[0], 1)
    city.established_on = datetime.date(2555, 1, 1)
    city.established_precision = DatePrecision.DAY

    with translation.override("en"), pytest.raises(ValidationError, match="Buddhist Era"):
        city.full_clean()


def test_a_date_needs_to_say_how_much_of_it_is_known():
    city = make_city(make_countries(1)[0], 1)
    city.established_on = datetime.date(2012, 5, 18)

    with pytest.raises(ValidationError) as raised:
        city.full_clean()

    assert "established_precision" in raised.value.message_dict


def test_a_year_only_date_is_stored_as_the_first_of_january():
    city = make_city(make_countries(1)[0], 1)
    city.established_on = datetime.date(2012, 5, 18)
    city.established_precision = DatePrecision.YEAR

    city.full_clean()

    assert city.established_on == datetime.date(2012, 1, 1)


def test_a_photo_needs_a_thai_description():
    city = make_city(make_countries(1)[0], 1)
    city.photo = SimpleUploadedFile("city.jpg", b"not checked here")

    with pytest.raises(ValidationError) as raised:
        city.full_clean(exclude=["photo"])

    assert "photo_alt_th" in raised.value.message_dict


def test_an_activity_belongs_to_a_city_or_a_network():
    activity = Activity(title_th="กิจกรรม", happened_on=datetime.date(2020, 1, 1))

    with translation.override("en"), pytest.raises(ValidationError, match="Choose the sister city or the city network"):
        activity.full_clean()


def test_every_kind_of_relationship_has_an_explanation():
    assert all(RelationshipKind(kind).explanation for kind in RelationshipKind.values)


def test_seed_fixture_has_32_cities_in_17_countries_and_11_networks(seed):
    assert SisterCity.objects.published().count() == 32
    assert SisterCity.objects.published().country_count() == 17
    assert CityNetwork.objects.count() == 11


def test_seed_fixture_keeps_the_seeds_thai_spelling(seed):
    assert SisterCity.objects.get(slug="budapest").name_th == "กรุงปูดาเปสต์"
    assert Country.objects.get(iso_code="HU").name_th == "สาธารณรัฐฮังการี"


def test_seed_fixture_leaves_unknown_dates_unknown(seed):
    unknown = SisterCity.objects.filter(established_precision=DatePrecision.UNKNOWN)

    assert sorted(unknown.values_list("slug", flat=True)) == ["ankara", "hue", "lausanne", "lisbon"]
    assert not unknown.exclude(established_on=None).exists()


def test_loading_the_seed_twice_changes_nothing(seed):
    before = [
        SisterCity.objects.count(),
        Country.objects.count(),
        CityNetwork.objects.count(),
        CityLink.objects.count(),
    ]

    call_command("seed", verbosity=0)

    after = [SisterCity.objects.count(), Country.objects.count(), CityNetwork.objects.count(), CityLink.objects.count()]
    assert after == before
