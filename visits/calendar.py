"""A private iCalendar feed per staff member: the scheduled visits they are assigned to, for their own calendar
app. The address carries a signed token naming the user and a fragment of their password hash, so it cannot be
guessed, and changing the password ends the old address."""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from icalendar import Calendar, Event

from .models import VisitRequest

SALT = "visits.calendar"
VISIT_LENGTH = datetime.timedelta(hours=2)  # the feed needs an end; the office records only a start


def _password_mark(user):
    return hashlib.sha256(user.password.encode()).hexdigest()[:16]


def feed_token(user):
    # No timestamp in it (Signer, not dumps): one address per user, the same each time the admin shows it.
    return signing.Signer(salt=SALT).sign_object([user.pk, _password_mark(user)], compress=True)


def user_for_token(token):
    """The active staff member a token names, or None if it is forged or their password changed since."""
    try:
        pk, mark = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True, is_staff=True).first()
    return user if user is not None and mark == _password_mark(user) else None


def feed_url(user):
    return reverse("visits:calendar", kwargs={"token": feed_token(user)})


def feed(user, origin=""):
    """The iCalendar text of the user's scheduled visits: no requester's name or contact, only what a host needs."""
    calendar = Calendar()
    calendar.add("prodid", "-//Bangkok International Affairs Office//Visits//EN")
    calendar.add("version", "2.0")
    for visit in VisitRequest.objects.scheduled_for(user).select_related("kind"):
        event = Event()
        event.add("uid", f"visit-{visit.pk}@{origin.split('//')[-1] or 'iad'}")
        event.add("dtstamp", visit.status_changed_at)
        event.add("dtstart", visit.scheduled_at)
        event.add("dtend", visit.scheduled_at + VISIT_LENGTH)
        event.add("summary", f"{visit.reference()} {visit.kind.name}: {visit.organisation}")
        if visit.scheduled_place:
            event.add("location", visit.scheduled_place)
        event.add("url", origin + reverse("admin:visits_visitrequest_change", args=[visit.pk]))
        calendar.add_component(event)
    return calendar.to_ical()
