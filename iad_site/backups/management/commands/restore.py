"""`manage.py restore ARCHIVE`: brings back a `manage.py backup` archive into an empty, migrated database, or in
place of what is there with --replace."""

from django.core.management import BaseCommand

from iad_site.backups import archive as backups


class Command(BaseCommand):
    help = (
        "Load a backup made by `manage.py backup`: every record, media file and private file. Run `manage.py "
        "migrate` first. Refuses a database, media or private folder that already holds content, unless --replace "
        "is given. The whole archive is checked first; if anything is wrong, nothing is changed. An archive made "
        "before private files were backed up leaves the private folder as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive written by `manage.py backup`.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace every record, media file and private file already there (they are lost unless backed up).",
        )

    def handle(self, *args, archive, replace, **options):
        manifest = backups.restore(archive, replace=replace)
        if options["verbosity"]:
            records = sum(manifest["records"].values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Restored {records} records, {len(manifest['media'])} media files and "
                    f"{backups.private_files_restored(manifest)} from {archive} (backed up {manifest['created']})."
                )
            )
