"""Imports the embassy directory from a CSV file: all rows or none."""

import csv
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from relations.models import Country, Embassy

REQUIRED_COLUMNS = ("country_code", "name_th")
OPTIONAL_COLUMNS = (
    "country_name_th",
    "country_name_en",
    "name_en",
    "address_th",
    "address_en",
    "phone",
    "email",
    "website",
    "latitude",
    "longitude",
    "source",
    "certainty",
    "note",
)
EMBASSY_COLUMNS = ("name_th", "name_en", "address_th", "address_en", "phone", "email", "website", "source", "note")
# Fields read from the `source` cell: the years its sources date from.
SOURCE_YEAR_FIELDS = ("sources_dated_from", "sources_dated_to")
CERTAINTIES = ("sourced", "uncertain")
# The year a source dates from, as the list shipped with the site writes it: first in the bracket after the
# source, "https://… (2020, embassy contact details)" or "Wikidata Q… (2022-11-16, generated from Wikidata)".
# A bracket that opens with anything else ("(Kuwait's Embassy opened 1997)") gives no date: that year is not
# the source's own.
SOURCE_YEAR = re.compile(r"\((\d{4})(?:-\d{2}-\d{2})?[,):; ]")

HELP = """Import foreign embassies in Bangkok from a CSV file (UTF-8, comma-separated, first line = column names).

Columns (order does not matter; only the first two are required):
  country_code     two-letter ISO 3166-1 code of the embassy's country, e.g. JP. One row per country:
                   an embassy already in the database for that country is updated, not duplicated.
  name_th          the embassy's name in Thai, e.g. สถานเอกอัครราชทูตญี่ปุ่น
  country_name_th  the country's name in Thai; required only for a country not yet in the database
  country_name_en  the country's name in English (used only when the country is new)
  name_en          the embassy's name in English
  address_th, address_en, phone, email, website
  latitude, longitude   decimal degrees, e.g. 13.7367 and 100.5431
  source           where the row's details come from (web addresses, Wikidata items), stored with the
                   embassy and shown to staff only. A year or date opening the bracket after a source,
                   as in "https://… (2020, …)", is kept as the year that source dates from: until the
                   office confirms the entry, the directory says it comes from public sources of those
                   years. Sources are separated by " ; ".
  certainty        sourced or uncertain: a new embassy marked uncertain is imported unpublished, for
                   staff to check before they publish it
  note             for staff only, never shown on the site (what to check, what is missing)

Every row is checked first. If any row is wrong, every problem is listed with its line number and
nothing is imported. An empty cell (or a column left out) empties that field of an existing embassy.
New embassies are published unless marked uncertain; an existing embassy keeps whether it is
published, and the day the office confirmed it. With --skip-confirmed, embassies the office has
confirmed are left exactly as they are (manage.py seed imports the shipped list that way)."""


def source_years(source):
    """(oldest, newest) Common Era year its sources date from, or (None, None) if none gives a date."""
    years = [int(year) for year in SOURCE_YEAR.findall(source)]
    return (min(years), max(years)) if years else (None, None)


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="path of the CSV file to import")
        parser.add_argument(
            "--skip-confirmed",
            action="store_true",
            help="leave the embassies the office has confirmed as they are",
        )

    def handle(self, csv_file, skip_confirmed=False, **options):
        # Django's own validation messages in the same language as ours.
        with translation.override("en"):
            self.import_file(csv_file, skip_confirmed)

    def import_file(self, csv_file, skip_confirmed=False):
        rows = self.read(csv_file)
        countries = {country.iso_code: country for country in Country.objects.all()}
        errors = []
        seen = {}
        cleaned = []
        for line, row in rows:
            row_errors, values = self.check_row(row, countries)
            code = values.get("country_code")
            if code and code in seen:
                row_errors.append(f"country_code {code} is already used on line {seen[code]} (one embassy per country)")
            elif code:
                seen[code] = line
            errors.extend(f"line {line}: {message}" for message in row_errors)
            cleaned.append(values)
        if not rows:
            raise CommandError("The file has no rows to import.")
        if errors:
            raise CommandError(
                "Nothing was imported. Correct these rows and run the import again:\n" + "\n".join(errors)
            )

        created = updated = unpublished = kept = 0
        confirmed = set()
        if skip_confirmed:
            confirmed = set(
                Embassy.objects.filter(confirmed_on__isnull=False).values_list("country__iso_code", flat=True)
            )
        with transaction.atomic():
            for values in cleaned:
                if values["country_code"] in confirmed:
                    kept += 1
                    continue
                country = countries.get(values["country_code"])
                if country is None:
                    country = Country.objects.create(
                        iso_code=values["country_code"],
                        name_th=values["country_name_th"],
                        name_en=values["country_name_en"],
                    )
                    countries[country.iso_code] = country
                fields = {
                    name: values[name] for name in (*EMBASSY_COLUMNS, *SOURCE_YEAR_FIELDS, "latitude", "longitude")
                }
                uncertain = values["certainty"] == "uncertain"
                _, was_created = Embassy.objects.update_or_create(
                    country=country, defaults=fields, create_defaults={**fields, "is_published": not uncertain}
                )
                created += was_created
                updated += not was_created
                unpublished += was_created and uncertain
        summary = f"Imported {created + updated} embassies: {created} new, {updated} updated."
        if unpublished:
            summary += f" {unpublished} new ones marked uncertain are not published: check them in the admin."
        if kept:
            summary += f" {kept} confirmed by the office left as they were."
        self.stdout.write(self.style.SUCCESS(summary))

    def read(self, path):
        """The file's rows, each with the line number it starts on (line 1 is the header)."""
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                columns = [name.strip() for name in reader.fieldnames or []]
                missing = [name for name in REQUIRED_COLUMNS if name not in columns]
                unknown = [name for name in columns if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
                if missing or unknown:
                    problems = []
                    if missing:
                        problems.append("missing column(s): " + ", ".join(missing))
                    if unknown:
                        problems.append("unknown column(s): " + ", ".join(unknown))
                    raise CommandError("Nothing was imported. Line 1 (column names): " + "; ".join(problems))
                reader.fieldnames = columns
                rows = []
                line = reader.line_num + 1
                for row in reader:
                    rows.append((line, row))
                    line = reader.line_num + 1
                return rows
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {path}") from error
        except UnicodeDecodeError as error:
            raise CommandError("Nothing was imported. The file is not UTF-8 text: save it as CSV UTF-8.") from error
        except csv.Error as error:
            raise CommandError(f"Nothing was imported. The file is not valid CSV: {error}") from error

    def check_row(self, row, countries):
        errors = []
        if None in row:
            errors.append("more cells than column names")
        values = {column: (row.get(column) or "").strip() for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS}

        code = values["country_code"].upper()
        values["country_code"] = code
        if not (len(code) == 2 and code.isascii() and code.isalpha()):
            errors.append(f"country_code must be two letters such as JP, not “{row.get('country_code') or ''}”")
            values["country_code"] = ""
        elif code not in countries and not values["country_name_th"]:
            errors.append(f"country {code} is not in the database yet: give its Thai name in country_name_th")

        for column, limit in (("latitude", 90), ("longitude", 180)):
            text = values[column]
            if not text:
                values[column] = None
                continue
            try:
                number = Decimal(text)
            except InvalidOperation:
                errors.append(f"{column} must be a number such as 13.7367, not “{text}”")
                values[column] = None
                continue
            if not number.is_finite() or abs(number) > limit:
                errors.append(f"{column} must be between -{limit} and {limit}, not {text}")
            values[column] = number

        if not values["name_th"]:
            errors.append("name_th is empty: the embassy's name in Thai is required")

        values["certainty"] = values["certainty"].lower()
        if values["certainty"] and values["certainty"] not in CERTAINTIES:
            errors.append(f"certainty must be sourced or uncertain (or empty), not “{row.get('certainty')}”")

        # The model's own rules (lengths, email and web address formats). The untranslated `name` and
        # `address` are modeltranslation's internal columns, not the file's.
        values["sources_dated_from"], values["sources_dated_to"] = source_years(values["source"])
        embassy = Embassy(**{name: values[name] for name in (*EMBASSY_COLUMNS, *SOURCE_YEAR_FIELDS)})
        try:
            embassy.full_clean(
                exclude=["country", "latitude", "longitude", "name", "address", "name_th"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.extend(f"{field}: {message}" for message in messages)
        return errors, values
