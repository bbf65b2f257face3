"""A real SMTP server on loopback, and the settings that send the mail queue to it through Django's SMTP backend."""

import email
import email.policy

import pytest

from scripts.servers import SMTPServer


@pytest.fixture
def smtp_server(settings):
    """aiosmtpd on a free port; the queue (post_office) sends through Django's real SMTP backend to it."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    with SMTPServer() as server:
        settings.EMAIL_PORT = server.port
        yield server


def parsed(raw):
    """A received message as Python's email package reads it (headers decoded, parts walkable)."""
    return email.message_from_bytes(raw, policy=email.policy.default)


def body(message, subtype):
    """The decoded text of the message's text/plain or text/html part."""
    return message.get_body(preferencelist=(subtype,)).get_content()
