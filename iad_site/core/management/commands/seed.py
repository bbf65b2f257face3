"""Loads the content of the office's original pages (every fixture in fixtures/). Safe to run again:
each record has a fixed primary key, so a second load rewrites the same rows and adds none.
loaddata saves raw rows without the search index's signals, so the index is rebuilt afterwards."""

from django.conf import settings
from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = "Load the seed content (fixtures/*.json) into the database."

    def handle(self, *args, **options):
        fixtures = sorted(path.name for directory in settings.FIXTURE_DIRS for path in directory.glob("*.json"))
        if not fixtures:
            self.stdout.write("No seed fixtures to load.")
            return
        call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        call_command("rebuild_search_index", verbosity=options["verbosity"])
