"""Open data: every documented column in CSV and JSON, both languages, published items only."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from iad_site.core import sections

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"
DATASETS = list(sections.open_data())


def documented_columns(dataset):
    """The backticked names in the first column of docs/open-data.md's table for this dataset."""
    text = DOCS.read_text()
    section = text.split(f"`/data/{dataset}.csv`\n", 1)[1].split("\n####", 1)[0].split("\n###", 1)[0]
    columns = []
    for row in re.findall(r"^\| (`[^|]+) \|", section, flags=re.MULTILINE):
        columns.extend(re.findall(r"`([^`]+)`", row))
    return columns


def csv_rows(client, dataset):
    response = client.get(f"/data/{dataset}.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_header_is_exactly_the_documented_columns(client, dataset):
    response = client.get(f"/data/{dataset}.csv")
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8")[1:])))

    assert header == documented_columns(dataset)


@pytest.mark.parametrize("dataset", DATASETS)
def test_json_columns_are_exactly_the_documented_columns(client, dataset):
    data = json.loads(client.get(f"/data/{dataset}.json").content)

    assert data["columns"] == documented_columns(dataset)


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_json_record_carries_every_documented_column(client, fukuoka, c40, embassy, dataset):
    records = json.loads(client.get(f"/data/{dataset}.json").content)["records"]

    assert records
    assert all(list(record) == documented_columns(dataset) for record in records)


def test_a_sister_city_record_has_both_languages(client, fukuoka):
    (row,) = csv_rows(client, "sister-cities")

    assert (row["name_th"], row["name_en"]) == ("เมืองฟุกุโอกะ", "Fukuoka")
    assert (row["country_th"], row["country_en"], row["country_iso"]) == ("ญี่ปุ่น", "Japan", "JP")
    assert (row["relationship_th"], row["relationship_en"]) == ("เมืองพี่เมืองน้อง", "Sister city")
    assert row["url_th"] == "http://testserver/th/sister-cities/fukuoka/"
    assert row["url_en"] == "http://testserver/en/sister-cities/fukuoka/"


def test_only_the_known_part_of_a_date_is_given(client, fukuoka):
    fukuoka.established_precision = "year"
    fukuoka.save()

    assert csv_rows(client, "sister-cities")[0]["established_on"] == "2006"


def test_unknown_values_are_empty_in_csv_and_null_in_json(client, japan):
    from relations.models import SisterCity

    SisterCity.objects.create(slug="x", name_th="เมือง", country=japan)
    (record,) = json.loads(client.get("/data/sister-cities.json").content)["records"]
    (row,) = csv_rows(client, "sister-cities")

    assert record["name_en"] is None and record["latitude"] is None and record["established_on"] is None
    assert row["name_en"] == "" and row["latitude"] == ""


def test_coordinates_are_numbers_in_json(client, fukuoka):
    (record,) = json.loads(client.get("/data/sister-cities.json").content)["records"]

    assert (record["latitude"], record["longitude"]) == (33.606, 130.418)


@pytest.mark.parametrize("dataset", DATASETS)
def test_unpublished_items_are_left_out(client, fukuoka, c40, embassy, dataset):
    for item in (fukuoka, c40, embassy):
        item.is_published = False
        item.save()

    assert csv_rows(client, dataset) == []
    assert json.loads(client.get(f"/data/{dataset}.json").content)["records"] == []


def test_csv_is_offered_as_a_download(client):
    response = client.get("/data/embassies.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="embassies.csv"'


@pytest.mark.parametrize(
    ("directory", "dataset"),
    [("/th/sister-cities/", "sister-cities"), ("/en/networks/", "city-networks"), ("/en/embassies/", "embassies")],
)
def test_directory_pages_link_their_open_data(client, fukuoka, c40, embassy, directory, dataset):
    html = client.get(directory).content.decode()

    assert f'href="/data/{dataset}.csv"' in html
    assert f'href="/data/{dataset}.json"' in html
