"""Writes the flag sprites, static/img/flags.svg (sister cities' countries) and flags-embassies.svg, from
npm's flag-icons (relations/flags.py).

    manage.py draw_flags                      # the seed's countries and every flag already in the sprites
    manage.py draw_flags FR DE                # ... and these countries' flags, in the cities' sprite
    manage.py draw_flags --embassies FR DE    # ... in the embassies' sprite
    manage.py draw_flags --from-database      # ... and those of every country with a city or an embassy

Needs node_modules (`npm ci --ignore-scripts`). A test fails while a seed country has no flag in its
sprite, or while a sprite and flag-icons disagree.
"""

import shutil

from django.core.management import BaseCommand, CommandError

from relations import flags
from relations.models import Country


class Command(BaseCommand):
    help = "Write static/img/flags.svg and flags-embassies.svg (countries' flags, SVG sprites) from flag-icons."

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="ISO 3166-1 codes of countries to add, such as FR DE.")
        parser.add_argument("--embassies", action="store_true", help="Add the codes to the embassies' sprite.")
        parser.add_argument(
            "--from-database",
            action="store_true",
            help="Add the flag of every country in the database with a sister city (or an embassy).",
        )

    def handle(self, *args, codes, embassies, from_database, **options):
        if not flags.SOURCE.exists():
            raise CommandError(f"{flags.SOURCE} is missing: run `npm ci --ignore-scripts` first.")
        wanted = flags.seed_country_codes()
        wanted["embassies" if embassies else "cities"] |= {code.lower() for code in codes}
        if from_database:
            wanted["cities"] |= set(
                Country.objects.filter(sister_cities__isnull=False).values_list("iso_code", flat=True)
            )
            wanted["embassies"] |= set(
                Country.objects.filter(embassies__isnull=False).values_list("iso_code", flat=True)
            )
        texts = {}
        for name, path in flags.SPRITES.items():
            if path.exists():
                wanted[name] |= flags.sprite_codes(path.read_text())
            try:
                texts[name] = flags.sprite(wanted[name])
            except flags.FlagError as error:
                raise CommandError(f"{path.name}: {error}") from error
        for name, path in flags.SPRITES.items():
            path.write_text(texts[name])
            count = len(flags.sprite_codes(texts[name]))
            self.stdout.write(f"Wrote {path} ({count} flags, {path.stat().st_size:,} bytes)")
        shutil.copyfile(flags.SOURCE_LICENCE, flags.SPRITE_LICENCE)
