"""Email through the queue: messages are rendered from templates in the recipient's language, stored in the
database (django-post-office's Email) and sent later by `manage.py send_queued_mail`, which retries while the
mail server is away (POST_OFFICE's MAX_RETRIES and RETRY_INTERVAL). A visitor's submit never waits on SMTP.

    queue_mail("questions/mail/received", to=question.email, name=question.name,
               language=question.language, context={"question": question})

renders `questions/mail/received_subject.txt`, `received.txt` and `received.html`. Thai subjects and names
are encoded by Django's mail code (RFC 2047) when the message is sent.

The Email rows are written here directly rather than through post_office.mail.send(), which runs the subject
and bodies through Django's template engine once more: a visitor who typed "{% x %}" in a question would make
it fail, and "{{ }}" would vanish from the text.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from post_office.models import PRIORITY, STATUS, Email
from post_office.signals import email_queued

# post_office keeps recipients as a comma-separated list; these would split or break a display name.
UNSAFE_IN_NAME = re.compile(r'[,;<>"\\\r\n\t]+')


def address(email, name=""):
    """'Name <email>' with a display name that survives the queue's comma-separated storage."""
    name = " ".join(UNSAFE_IN_NAME.sub(" ", name or "").split())
    return f"{name} <{email}>" if name else email


def site_origin(request):
    """https://host for the links in a message: PUBLIC_SITE_URL if set (staff may work on an intranet name),
    else the address the request came to."""
    configured = getattr(settings, "PUBLIC_SITE_URL", "").rstrip("/")
    return configured or f"{request.scheme}://{request.get_host()}"


def render_message(template_prefix, context, language):
    """(subject, text, html) in `language`, from the three templates named by the prefix. The templates get
    `language` too, for the HTML part's lang attribute."""
    context = {**context, "language": language}
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    return " ".join(subject.split()), text.strip() + "\n", html


def queue_mail(template_prefix, to, language, context=None, name="", reply_to=""):
    """Stores one message in the queue (plain text and HTML) and returns it; sends nothing now."""
    subject, text, html = render_message(template_prefix, context or {}, language)
    headers = {"Reply-To": reply_to} if reply_to else None
    email = Email.objects.create(
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address(to, name)],
        subject=subject[:989],
        message=text,
        html_message=html,
        headers=headers,
        status=STATUS.queued,
        priority=PRIORITY.medium,
    )
    email_queued.send(sender=Email, emails=[email])
    return email


def notify_office(template_prefix, context=None):
    """Tells the office (OFFICE_NOTIFICATION_EMAIL, in the site's default language) that something arrived.
    Returns the queued message, or None where no address is configured."""
    recipient = getattr(settings, "OFFICE_NOTIFICATION_EMAIL", "")
    if not recipient:
        return None
    return queue_mail(template_prefix, recipient, settings.LANGUAGE_CODE, context)
