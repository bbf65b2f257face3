"""Retention: the personal data of finished requests (answered, closed or spam) goes once their last status
change is older than INBOX_RETENTION_DAYS (365 unless set). The rows stay, without name, email or text, so the
service figures (received, answered, days to answer) keep counting them.

With them go the copies that would outlive the request: its revisions in the admin history (django-reversion
stores every field), and queued-mail records (django-post-office keeps each sent message) older than the same
period. Run daily by `manage.py purge_personal_data` (docs/questions.md).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from post_office.models import STATUS, Email
from reversion.models import Version

from .models import finished_before, request_models


def retention_days():
    return int(getattr(settings, "INBOX_RETENTION_DAYS", 365))


def cutoff(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=retention_days())


@dataclass
class Purged:
    requests: dict  # model label -> how many had their personal data deleted
    revisions: int
    mails: int


def purge(now=None):
    """Deletes the personal data that has outlived the retention period. Returns what was removed."""
    now = now or timezone.now()
    limit = cutoff(now)
    counts, revisions = {}, 0
    with transaction.atomic():
        for model in request_models():
            content_type = ContentType.objects.get_for_model(model)
            due = list(finished_before(model._default_manager.all(), limit))
            for request in due:
                request.remove_personal_data(when=now)
            counts[model._meta.label] = len(due)
            # Every revision of a purged request, and any revision older than the period (deleted requests too).
            versions = Version.objects.filter(content_type=content_type).filter(
                object_id__in=[str(request.pk) for request in due]
            ) | Version.objects.filter(content_type=content_type, revision__date_created__lt=limit)
            revisions += versions.delete()[1].get(Version._meta.label, 0)
        # Sent (or given up) messages older than the period; anything still queued is left to be delivered.
        mails = Email.objects.filter(created__lt=limit, status__in=[STATUS.sent, STATUS.failed]).delete()[1]
    return Purged(requests=counts, revisions=revisions, mails=mails.get(Email._meta.label, 0))
