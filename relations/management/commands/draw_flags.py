"""Writes static/img/flags.svg, the sprite of every flag the site shows, from npm's flag-icons (relations/flags.py).

    manage.py draw_flags                   # the seed's countries and every flag already in the sprite
    manage.py draw_flags FR DE             # ... and these countries' flags
    manage.py draw_flags --from-database   # ... and those of every country in the database

Needs node_modules (`npm ci --ignore-scripts`). A test fails while a seed country has no flag in the
sprite, or while the sprite and flag-icons disagree.
"""

import shutil

from django.core.management import BaseCommand, CommandError

from relations import flags
from relations.models import Country


class Command(BaseCommand):
    help = "Write static/img/flags.svg (every country's flag, one SVG sprite) from node_modules/flag-icons."

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="ISO 3166-1 codes of countries to add, such as FR DE.")
        parser.add_argument(
            "--from-database", action="store_true", help="Add the flag of every country in the database."
        )

    def handle(self, *args, codes, from_database, **options):
        if not flags.SOURCE.exists():
            raise CommandError(f"{flags.SOURCE} is missing: run `npm ci --ignore-scripts` first.")
        wanted = flags.seed_country_codes() | {code.lower() for code in codes}
        if flags.SPRITE.exists():
            wanted |= flags.sprite_codes(flags.SPRITE.read_text())
        if from_database:
            wanted |= {code.lower() for code in Country.objects.values_list("iso_code", flat=True)}
        try:
            text = flags.sprite(wanted)
        except flags.FlagError as error:
            raise CommandError(str(error)) from error
        flags.SPRITE.write_text(text)
        shutil.copyfile(flags.SOURCE_LICENCE, flags.SPRITE_LICENCE)
        self.stdout.write(
            f"Wrote {flags.SPRITE} ({len(flags.sprite_codes(text))} flags, {flags.SPRITE.stat().st_size:,} bytes)"
        )
