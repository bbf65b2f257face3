"""Abuse guards for public forms, with no third-party CAPTCHA (the site works offline and sends no visitor data
elsewhere): a honeypot field, a minimum time to fill the form (a signed start time), a cap on links, size
limits, and rate limits per address and per email through Django's cache (one Redis for every app server
when REDIS_URL is set; per process otherwise).

    class QuestionForm(GuardedFormMixin, forms.ModelForm): ...   # honeypot, start time, link cap

    class AskView(GuardedCreateView): ...                         # rate limits, polite 429 page

Settings (iad_site/settings/base.py): INBOX_MIN_FILL_SECONDS, INBOX_MAX_LINKS, INBOX_RATE_LIMITS,
INBOX_CLIENT_ADDRESS_HEADER. Nothing here writes a visitor's address or email anywhere: cache keys hold
hashes of them, and nothing is logged but the fact that a cache could not be reached.
"""

import hashlib
import ipaddress
import logging
import re
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

SIGNING_SALT = "iad_site.inbox.started"
HONEYPOT_FIELD = "website"
STARTED_FIELD = "started"
# Links as spammers write them, with or without the scheme.
LINK = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)
# A form left open longer than this (two days) is sent again with a fresh start time.
STARTED_MAX_AGE = 2 * 24 * 60 * 60


class Refusal(Exception):
    """A submission the guards turn away, with what to tell the visitor."""

    def __init__(self, reason, status=400, retry_after=None):
        super().__init__(reason)
        self.reason, self.status, self.retry_after = reason, status, retry_after


def started_token(at=None):
    """The signed time the form was shown: the visitor cannot make it earlier."""
    return signing.dumps(at if at is not None else time.time(), salt=SIGNING_SALT, compress=False)


def read_started(token):
    """The time a form was shown, or None if the token is missing, forged or too old."""
    try:
        return float(signing.loads(token or "", salt=SIGNING_SALT, max_age=STARTED_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def count_links(*texts):
    return sum(len(LINK.findall(text or "")) for text in texts)


class GuardedFormMixin(forms.Form):
    """A honeypot and a signed start time for any public form; `link_fields` are checked for too many links.

    The honeypot is an ordinary text input that people never see (hidden by CSS, out of the Tab order, named
    for what bots like to fill); a form with it filled, or sent sooner than INBOX_MIN_FILL_SECONDS after it was
    shown, is refused with a message and shown again with everything the visitor typed."""

    link_fields = ()

    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    too_fast_message = _(
        "Your message was sent very quickly after the page opened, so it was not accepted yet. "
        "Please check it and press the button again."
    )
    honeypot_message = _(
        "Your message could not be accepted. If you filled in a field that should stay empty, empty it and send again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        # A form shown again keeps its start time (so "too fast" passes once enough time has gone by);
        # a new form, or one whose token is not valid, starts now.
        kept = self.data.get(self.add_prefix(STARTED_FIELD)) if self.is_bound else None
        self.started_at = read_started(kept)
        token = kept if self.started_at is not None else started_token()
        self.fields[STARTED_FIELD].initial = token
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix(STARTED_FIELD)] = token

    def clean_website(self):
        # Cleared, so a person who filled it by mistake sees it empty when the form comes back.
        self.honeypot_filled = bool(self.cleaned_data.get(HONEYPOT_FIELD, "").strip())
        return ""

    def clean(self):
        cleaned = super().clean()
        if getattr(self, "honeypot_filled", False):
            self.data = self.data.copy()
            self.data[self.add_prefix(HONEYPOT_FIELD)] = ""
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        minimum = getattr(settings, "INBOX_MIN_FILL_SECONDS", 3)
        if self.started_at is None or time.time() - self.started_at < minimum:
            raise forms.ValidationError(self.too_fast_message, code="too_fast")
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        maximum = getattr(settings, "INBOX_MAX_LINKS", 3)
        for name in self.link_fields:
            if count_links(self.cleaned_data.get(name, "")) > maximum:
                self.add_error(
                    name,
                    forms.ValidationError(
                        _("Please include at most %(maximum)d links (web addresses)."),
                        code="too_many_links",
                        params={"maximum": maximum},
                    ),
                )

    def field_problems(self):
        """(bound field, message) for every field error, in the form's order: the summary above the form."""
        return [(field, error) for field in self.visible_fields() for error in field.errors]

    @property
    def refused_by_guard(self):
        """The honeypot or the clock refused it (answered 400), rather than a mistake in a field (200)."""
        return any(error.code in ("honeypot", "too_fast") for error in self.non_field_errors().as_data())


def client_address(request):
    """The visitor's address: the connection's own (REMOTE_ADDR), or, behind a proxy that sets it, the last
    entry of INBOX_CLIENT_ADDRESS_HEADER (the one the proxy itself added; earlier ones a visitor can forge)."""
    header = getattr(settings, "INBOX_CLIENT_ADDRESS_HEADER", "")
    value = request.META.get(header, "") if header else ""
    address = value.split(",")[-1].strip() if value else request.META.get("REMOTE_ADDR", "")
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        # One household or office gets a whole /64: count it as one address.
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per `window` seconds for one key, counted in Django's cache."""

    name: str
    limit: int
    window: int

    def _key(self, scope, value):
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
        return f"iad:inbox:rate:{scope}:{self.name}:{digest}"

    def hit(self, scope, value):
        """Counts one hit; True while the count is within the limit. A cache that cannot be reached lets the
        visitor through (the other guards still apply): a form must not fail because Redis is down."""
        backend = caches[getattr(settings, "INBOX_RATE_LIMIT_CACHE", "default")]
        key = self._key(scope, value)
        try:
            backend.add(key, 0, self.window)
            try:
                count = backend.incr(key)
            except ValueError:  # expired between add() and incr()
                backend.add(key, 1, self.window)
                count = 1
        except Exception:
            logger.exception("Rate limit cache could not be reached; the submission was let through")
            return True
        return count <= self.limit

    def reached(self, scope, value):
        """True if the next hit would be over the limit, without counting one."""
        backend = caches[getattr(settings, "INBOX_RATE_LIMIT_CACHE", "default")]
        try:
            return (backend.get(self._key(scope, value)) or 0) >= self.limit
        except Exception:
            logger.exception("Rate limit cache could not be reached; the submission was let through")
            return False


def rate_limits():
    """(per address, per email) as configured: INBOX_RATE_LIMITS = {"address": (count, seconds), "email": ...}."""
    configured = getattr(settings, "INBOX_RATE_LIMITS", {})
    address = configured.get("address", (20, 60 * 60))
    email = configured.get("email", (5, 24 * 60 * 60))
    return RateLimit("address", *address), RateLimit("email", *email)


def check_address(request, scope):
    """Counts this post against its address; raises Refusal (429) once the address is over its limit."""
    limit, _email = rate_limits()
    if not limit.hit(scope, client_address(request)):
        raise Refusal("address", status=429, retry_after=limit.window)


def check_email(email, scope):
    """Refuses (429) a new request from an email address that already sent its share; counts nothing."""
    _address, limit = rate_limits()
    if limit.reached(scope, email.strip().lower()):
        raise Refusal("email", status=429, retry_after=limit.window)


def count_email(email, scope):
    """Counts one stored request against its email address."""
    _address, limit = rate_limits()
    limit.hit(scope, email.strip().lower())
