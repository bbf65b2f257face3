"""Queues a reminder to each assigned staff member of every visit scheduled for tomorrow (Bangkok's date).
Run each morning by deploy/systemd/iad-reminders.timer; the mail queue sends it. Run twice in a day, it
reminds once: a visit's reminder is recorded on it."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from iad_site.inbox import mail
from visits.models import VisitRequest, VisitStatus


class Command(BaseCommand):
    help = "Email each assigned staff member the visits scheduled for tomorrow."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
        due = (
            VisitRequest.objects.filter(
                status=VisitStatus.SCHEDULED,
                scheduled_at__gte=start,
                scheduled_at__lt=start + datetime.timedelta(days=1),
                assignee__isnull=False,
                reminder_sent_at__isnull=True,
            )
            .exclude(assignee__email="")
            .select_related("assignee", "kind")
        )
        origin = getattr(settings, "PUBLIC_SITE_URL", "").rstrip("/")
        sent = 0
        for visit in due:
            admin_url = reverse("admin:visits_visitrequest_change", args=[visit.pk])
            context = {"visit": visit, "site_origin": origin, "admin_url": admin_url}
            mail.queue_mail(
                "visits/email/reminder",
                visit.assignee.email,
                settings.LANGUAGE_CODE,
                context,
                name=visit.assignee.get_full_name(),
            )
            VisitRequest.objects.filter(pk=visit.pk).update(reminder_sent_at=timezone.now())
            sent += 1
        self.stdout.write(f"{sent} reminder(s) queued.")
