"""The embassy directory says which entries come from public sources and how old those are, until the office
confirms them; the staff note of an entry never reaches the public."""

import datetime

import pytest

from relations.models import Embassy

from .conftest import main_text

pytestmark = pytest.mark.django_db

WIKIDATA = "Wikidata Q1 via database-of-embassies (2022-11-16, generated from Wikidata)"


def card(response, embassy):
    """The text of one embassy's card in the directory."""
    text = main_text(response)
    return text.split(f'id="embassy-{embassy.pk}"', 1)[1].split("</li>", 1)[0]


def from_sources(embassy, **fields):
    Embassy.objects.filter(pk=embassy.pk).update(source=WIKIDATA, **fields)
    return Embassy.objects.get(pk=embassy.pk)


def test_an_unconfirmed_entry_says_it_comes_from_public_sources_of_their_year(client, embassy):
    embassy = from_sources(embassy, sources_dated_from=2022, sources_dated_to=2022)

    text = card(client.get("/en/embassies/"), embassy)

    assert "From public sources dated 2022, not yet confirmed by the office." in text


def test_sources_of_several_years_are_given_as_a_range_in_the_readers_era(client, embassy):
    embassy = from_sources(embassy, sources_dated_from=2015, sources_dated_to=2022)

    assert "dated 2015–2022," in card(client.get("/en/embassies/"), embassy)
    assert "2558–2565" in card(client.get("/th/embassies/"), embassy)


def test_sources_that_give_no_date_are_named_without_one(client, embassy):
    embassy = from_sources(embassy)

    text = card(client.get("/en/embassies/"), embassy)

    assert "From public sources, not yet confirmed by the office." in text


def test_a_confirmed_entry_says_when_the_office_confirmed_it_and_no_longer_names_public_sources(client, embassy):
    embassy = from_sources(embassy, sources_dated_from=2022, confirmed_on=datetime.date(2026, 3, 2))

    text = card(client.get("/en/embassies/"), embassy)

    assert "Confirmed by the office on 2 March 2026." in text
    assert "public sources" not in text


def test_an_entry_staff_typed_themselves_claims_no_public_source(client, embassy):
    text = card(client.get("/en/embassies/"), embassy)

    assert "public sources" not in text
    assert "Confirmed by the office" not in text


NOTE = "residency inferred from one news report"


@pytest.fixture
def noted(embassy):
    embassy.source, embassy.note = WIKIDATA, NOTE
    embassy.save()  # as staff save it in the admin, which indexes it for the site search
    return embassy


@pytest.mark.parametrize("path", ["/en/embassies/", "/th/embassies/", "/data/embassies.csv", "/data/embassies.json"])
def test_the_staff_note_is_never_public(client, noted, path):
    response = client.get(path)

    assert response.status_code == 200
    assert NOTE not in response.content.decode()


def test_the_site_search_does_not_find_an_embassy_by_its_staff_note(client, noted):
    html = client.get("/en/search/?q=inferred").content.decode()

    assert "Embassy of Japan" not in html
