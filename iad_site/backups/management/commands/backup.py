"""`manage.py backup OUTPUT.tar.gz`: every record (both languages) and every uploaded file in one archive."""

from django.core.management import BaseCommand

from iad_site.backups import archive as backups


class Command(BaseCommand):
    help = (
        "Write all content (every app's records, Thai and English), every uploaded media file and every private "
        "file (PRIVATE_MEDIA_ROOT) into one .tar.gz archive. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The archive to write, for example backups/iad-2026-11-22.tar.gz.")

    def handle(self, *args, output, **options):
        manifest = backups.create(output)
        if options["verbosity"]:
            records = sum(manifest["records"].values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Backed up {records} records, {len(manifest['media'])} media files and "
                    f"{len(manifest['private'])} private files to {output}."
                )
            )
