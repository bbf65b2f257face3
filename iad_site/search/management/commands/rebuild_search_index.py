"""Rewrites the whole site search index from the published content. Safe to run at any time."""

import time

from django.core.management import BaseCommand

from iad_site.search import engine as search


class Command(BaseCommand):
    help = "Rebuild the site search index (one row per public page per language) from the database."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = search.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Indexed {count} search documents in {time.monotonic() - started:.1f} s.")
