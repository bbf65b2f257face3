"""`manage.py backup_postgresql DIRECTORY [--keep N]`: the PostgreSQL database (pg_dump) and every uploaded file
in one new archive in DIRECTORY; run nightly by deploy/systemd/iad-backup.timer."""

from django.core.management import BaseCommand, CommandError
from django.db import connections

from iad_site.backups import postgresql


def positive(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Write the whole PostgreSQL database (pg_dump, custom format), every uploaded media file and every "
        "private file (PRIVATE_MEDIA_ROOT) into a new archive iad-postgresql-YYYYMMDD-HHMMSS.tar in DIRECTORY, "
        "with a manifest of row counts and checksums. Restore it with `manage.py restore_postgresql`."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where the archives are kept, for example /var/backups/iad.")
        parser.add_argument(
            "--keep",
            type=positive,
            metavar="N",
            help="Then delete all but the newest N archives in DIRECTORY (other files there are left alone).",
        )
        parser.add_argument("--database", default="default", help="The database to back up (default: default).")

    def handle(self, *args, directory, keep, database, **options):
        try:
            path, manifest, removed = postgresql.create(directory, keep=keep, connection=connections[database])
        except OSError as error:
            raise CommandError(f"The backup could not be written: {error}") from error
        if options["verbosity"]:
            rows = sum(manifest["tables"].values())
            size = path.stat().st_size
            self.stdout.write(
                self.style.SUCCESS(
                    f"Backed up {rows} rows in {len(manifest['tables'])} tables, {len(manifest['media'])} media "
                    f"files and {len(manifest['private'])} private files to {path} ({size / 1e6:.1f} MB)."
                )
            )
            for old in removed:
                self.stdout.write(f"Deleted the older archive {old}.")
