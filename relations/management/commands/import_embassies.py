"""Imports the embassy directory from a CSV file: all rows or none."""

import csv
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
)
EMBASSY_COLUMNS = ("name_th", "name_en", "address_th", "address_en", "phone", "email", "website")

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

Every row is checked first. If any row is wrong, every problem is listed with its line number and
nothing is imported. An empty cell empties that field of an existing embassy. Imported embassies
are published; an embassy hidden by staff stays hidden."""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="path of the CSV file to import")

    def handle(self, csv_file, **options):
        # Django's own validation messages in the same language as ours.
        with translation.override("en"):
            self.import_file(csv_file)

    def import_file(self, csv_file):
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

        created = updated = 0
        with transaction.atomic():
            for values in cleaned:
                country = countries.get(values["country_code"])
                if country is None:
                    country = Country.objects.create(
                        iso_code=values["country_code"],
                        name_th=values["country_name_th"],
                        name_en=values["country_name_en"],
                    )
                    countries[country.iso_code] = country
                fields = {column: values[column] for column in EMBASSY_COLUMNS}
                fields.update(latitude=values["latitude"], longitude=values["longitude"])
                _, was_created = Embassy.objects.update_or_create(country=country, defaults=fields)
                created += was_created
                updated += not was_created
        self.stdout.write(self.style.SUCCESS(f"Imported {len(cleaned)} embassies: {created} new, {updated} updated."))

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

        # The model's own rules (lengths, email and web address formats). The untranslated `name` and
        # `address` are modeltranslation's internal columns, not the file's.
        embassy = Embassy(**{column: values[column] for column in EMBASSY_COLUMNS})
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
