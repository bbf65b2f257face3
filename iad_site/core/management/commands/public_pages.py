"""Prints every public page type's example address in every language, read from the database, as JSON:
the list the benchmark, the load test and Lighthouse walk (iad_site.core.sections)."""

import json

from django.core.management import BaseCommand

from iad_site.core import sections


class Command(BaseCommand):
    help = "List every public page type in every language with a real address on this database, as JSON."

    def handle(self, *args, **options):
        pages = [
            {"page_type": name, "language": language, "path": path, "status": status, "noindex": noindex}
            for name, language, path, status, noindex in sections.public_pages()
        ]
        self.stdout.write(json.dumps(pages, ensure_ascii=False, indent=1))
