"""`manage.py restore_postgresql ARCHIVE`: brings back a `backup_postgresql` archive into an empty database and empty
media and private folders."""

from django.core.management import BaseCommand
from django.db import connections

from iad_site.backups import archive as backups
from iad_site.backups import postgresql


class Command(BaseCommand):
    help = (
        "Load an archive of `manage.py backup_postgresql` into an empty PostgreSQL database (created with "
        "createdb, not migrated) and empty media and private folders. Everything in the archive is checked before "
        "anything is written; then `manage.py migrate` brings the restored database up to this version of the site."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar archive written by `manage.py backup_postgresql`.")
        parser.add_argument("--database", default="default", help="The empty database to restore into.")

    def handle(self, *args, archive, database, **options):
        manifest = postgresql.restore(archive, connection=connections[database])
        if options["verbosity"]:
            rows = sum(manifest["tables"].values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Restored {rows} rows in {len(manifest['tables'])} tables, {len(manifest['media'])} media "
                    f"files and {backups.private_files_restored(manifest)} from {archive} (backed up "
                    f"{manifest['created']}). Next: `manage.py migrate`, which applies only what this version of "
                    "the site adds."
                )
            )
