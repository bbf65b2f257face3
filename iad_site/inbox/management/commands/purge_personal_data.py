"""`manage.py purge_personal_data`: deletes the personal data of requests finished longer ago than the retention
period (INBOX_RETENTION_DAYS), keeping anonymous counts. Safe to run as often as wanted; schedule it daily."""

from django.core.management import BaseCommand

from iad_site.inbox import retention


class Command(BaseCommand):
    help = (
        "Delete the personal data of answered, closed and spam requests whose status last changed more than "
        "INBOX_RETENTION_DAYS days ago (their revisions and old sent mail too); the anonymous counts stay."
    )

    def handle(self, *args, **options):
        purged = retention.purge()
        if options["verbosity"] > 0:
            for label, count in purged.requests.items():
                self.stdout.write(f"{label}: personal data deleted from {count} request(s)")
            self.stdout.write(f"revisions deleted: {purged.revisions}; sent mail records deleted: {purged.mails}")
            self.stdout.write(f"retention period: {retention.retention_days()} days")
