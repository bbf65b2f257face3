"""manage.py import_embassies: a good file is imported; a bad one is refused whole, naming its rows; each
embassy keeps where its details come from; the seed loads the list shipped with the site through it."""

import csv
import datetime
import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from relations.models import Country, Embassy

pytestmark = pytest.mark.django_db

GOOD = """country_code,name_th,name_en,country_name_th,country_name_en,phone,email,website,latitude,longitude
JP,สถานเอกอัครราชทูตญี่ปุ่น,Embassy of Japan,ประเทศญี่ปุ่น,Japan,+66 2 207 8500,info@example.jp,https://www.th.emb-japan.go.jp/,13.7367,100.5431
FR,สถานเอกอัครราชทูตฝรั่งเศส,Embassy of France,สาธารณรัฐฝรั่งเศส,France,,,,,
"""

BAD = """country_code,name_th,country_name_th,email,latitude
JPN,สถานทูต,ประเทศญี่ปุ่น,,
JP,,ประเทศญี่ปุ่น,not-an-email,95
ZZ,สถานทูต,,,abc
FR,สถานเอกอัครราชทูตฝรั่งเศส,สาธารณรัฐฝรั่งเศส,,
"""


@pytest.fixture
def write_csv(tmp_path):
    def write(text, name="embassies.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def run(path):
    call_command("import_embassies", path, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_good_file_is_imported(write_csv):
    run(write_csv(GOOD))

    japan = Embassy.objects.get(country__iso_code="JP")
    assert japan.name_th == "สถานเอกอัครราชทูตญี่ปุ่น"
    assert japan.name_en == "Embassy of Japan"
    assert str(japan.latitude) == "13.736700"
    assert Country.objects.get(iso_code="FR").name_en == "France"


def test_importing_the_same_file_twice_adds_nothing(write_csv):
    path = write_csv(GOOD)
    run(path)
    run(path)

    assert Embassy.objects.count() == 2
    assert Country.objects.count() == 2


def test_reimport_updates_an_embassy_in_place(write_csv):
    run(write_csv(GOOD))
    embassy_pk = Embassy.objects.get(country__iso_code="JP").pk

    run(write_csv(GOOD.replace("+66 2 207 8500", "+66 2 999 9999"), "second.csv"))

    japan = Embassy.objects.get(country__iso_code="JP")
    assert (japan.pk, japan.phone) == (embassy_pk, "+66 2 999 9999")


def test_bad_file_names_every_bad_row_by_line_number(write_csv):
    with pytest.raises(CommandError) as raised:
        run(write_csv(BAD))

    message = str(raised.value)
    assert "line 2: country_code must be two letters" in message
    assert "line 3: name_th is empty" in message
    assert "line 3: email: Enter a valid email address." in message
    assert "line 3: latitude must be between -90 and 90" in message
    assert "line 4: country ZZ is not in the database yet" in message
    assert "line 4: latitude must be a number" in message
    assert "line 5" not in message


def test_bad_file_imports_nothing_not_even_its_good_rows(write_csv):
    with pytest.raises(CommandError):
        run(write_csv(GOOD + "DE,,,,,,,,,\n"))

    assert not Embassy.objects.exists()
    assert not Country.objects.exists()


def test_a_country_listed_twice_is_refused(write_csv):
    with pytest.raises(CommandError, match="line 3: country_code JP is already used on line 2"):
        run(write_csv("country_code,name_th,country_name_th\nJP,หนึ่ง,ญี่ปุ่น\nJP,สอง,ญี่ปุ่น\n"))


def test_missing_and_unknown_columns_are_named(write_csv):
    with pytest.raises(CommandError, match="missing column\\(s\\): name_th; unknown column\\(s\\): fax"):
        run(write_csv("country_code,fax\nJP,123\n"))


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("country_code,name_th\nFR,Ambassade de France é\n".encode("cp1252"))

    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(path))


SOURCED = """country_code,name_th,country_name_th,source,certainty,note
JP,สถานเอกอัครราชทูตญี่ปุ่น,ญี่ปุ่น,"Wikidata Q1 via a dataset (2022-11-16, generated from Wikidata) ; https://example.org/a (2015 embassy notice)",sourced,no street address found
KH,สถานเอกอัครราชทูตกัมพูชา,กัมพูชา,"https://example.org/kh (Cambodia opened its embassy in 1997)",uncertain,residency from one news report
"""


def test_source_and_note_are_stored_with_each_embassy(write_csv):
    run(write_csv(SOURCED))

    japan = Embassy.objects.get(country__iso_code="JP")
    assert japan.source.startswith("Wikidata Q1 via a dataset (2022-11-16")
    assert japan.note == "no street address found"


def test_the_years_opening_each_sources_bracket_are_the_years_the_sources_date_from(write_csv):
    run(write_csv(SOURCED))

    japan, cambodia = (Embassy.objects.get(country__iso_code=code) for code in ("JP", "KH"))
    assert (japan.sources_dated_from, japan.sources_dated_to) == (2015, 2022)
    # A year inside the bracket is a fact about the embassy, not the source's own date.
    assert (cambodia.sources_dated_from, cambodia.sources_dated_to) == (None, None)


def test_a_new_embassy_marked_uncertain_is_imported_unpublished(write_csv):
    run(write_csv(SOURCED))

    published = dict(Embassy.objects.values_list("country__iso_code", "is_published"))
    assert published == {"JP": True, "KH": False}


def test_reimport_keeps_what_staff_decided_about_publishing(write_csv):
    run(write_csv(SOURCED))
    Embassy.objects.filter(country__iso_code="KH").update(is_published=True)
    Embassy.objects.filter(country__iso_code="JP").update(is_published=False)

    run(write_csv(SOURCED, "again.csv"))

    published = dict(Embassy.objects.values_list("country__iso_code", "is_published"))
    assert published == {"JP": False, "KH": True}


def test_a_certainty_other_than_sourced_or_uncertain_is_refused(write_csv):
    with pytest.raises(CommandError, match="line 2: certainty must be sourced or uncertain"):
        run(write_csv("country_code,name_th,country_name_th,certainty\nJP,สถานทูต,ญี่ปุ่น,maybe\n"))


def test_skip_confirmed_leaves_the_embassies_the_office_confirmed_as_they_are(write_csv):
    run(write_csv(SOURCED))
    Embassy.objects.filter(country__iso_code="JP").update(
        phone="+66 2 696 3000", source="", confirmed_on=datetime.date(2026, 3, 2)
    )

    call_command("import_embassies", write_csv(SOURCED, "again.csv"), skip_confirmed=True, stdout=io.StringIO())

    japan = Embassy.objects.get(country__iso_code="JP")
    assert (japan.phone, japan.source, japan.confirmed_on) == ("+66 2 696 3000", "", datetime.date(2026, 3, 2))


def shipped_list():
    with open(settings.FIXTURE_DIRS[0] / "embassies.csv", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_the_seed_loads_every_embassy_of_the_shipped_list_with_its_source():
    call_command("seed", verbosity=0)

    rows = shipped_list()
    sources = dict(Embassy.objects.values_list("country__iso_code", "source"))
    assert len(rows) == 68
    assert sources == {row["country_code"]: row["source"] for row in rows}


def test_the_seed_loads_the_uncertain_embassies_unpublished():
    call_command("seed", verbosity=0)

    uncertain = {row["country_code"] for row in shipped_list() if row["certainty"] == "uncertain"}
    assert uncertain == {"XK", "MV", "NG", "PA"}
    assert set(Embassy.objects.filter(is_published=False).values_list("country__iso_code", flat=True)) == uncertain
