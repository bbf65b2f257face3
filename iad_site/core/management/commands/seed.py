"""Loads the content of the office's original pages (every fixture in fixtures/), then what each section
loads in another form (its `seed_loaders`: the embassy list, a CSV read by its importer). Safe to run again:
each record has a fixed primary key, so a second load rewrites the same rows and adds none, and the loaders
match their rows the same way. loaddata saves raw rows without the search index's signals, so the index is
rebuilt afterwards."""

from django.conf import settings
from django.core.management import BaseCommand, call_command

from iad_site.core import sections


class Command(BaseCommand):
    help = "Load the seed content (fixtures/) into the database."

    def handle(self, *args, **options):
        fixtures = sorted(path.name for directory in settings.FIXTURE_DIRS for path in directory.glob("*.json"))
        if not fixtures:
            self.stdout.write("No seed fixtures to load.")
            return
        call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        for load in sections.seed_loaders():
            load(settings.FIXTURE_DIRS, options["verbosity"])
        call_command("rebuild_search_index", verbosity=options["verbosity"])
