"""schema.org structured data (JSON-LD) for search engines: the office as a GovernmentOrganization on every
page, a BreadcrumbList on pages with breadcrumbs, and the helpers other sections use for theirs (a news
article names the office as its publisher through `organization_reference`).

A `<script type="application/ld+json">` is a data block, not a script: browsers never run it, and
Content-Security-Policy's script-src does not apply to it (the CSP check happens only for script types a
browser would execute), so it needs no nonce and reports no violation under the site's `script-src 'self'`.
It is still HTML-escaped like Django's json_script: `<`, `>` and `&` are written as \\u escapes, so a
value containing `</script>` cannot end the block early.

Only values that exist go in: a property whose value is empty (None, "", [], {}) is left out, never sent
as an empty string.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from iad_site.core import sections

CONTEXT = "https://schema.org"
# The escapes of django.utils.html.json_script: nothing in the JSON can close the script element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
# A fragment of the home page's address: the one node every page's data refers to for the office.
ORGANIZATION_FRAGMENT = "#organization"
LOGO = "img/favicon.svg"


def without_empty(value):
    """The value with every empty property left out, at every depth (a missing phone number is not sent)."""
    if isinstance(value, dict):
        cleaned = {key: without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list | tuple):
        cleaned = [without_empty(item) for item in value]
        return [item for item in cleaned if item not in (None, "", [], {})]
    return value


def dumps(data):
    """The JSON text of one JSON-LD document, escaped for use inside a <script> element."""
    text = json.dumps(without_empty(data), cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPES)


def script(data):
    """<script type="application/ld+json">…</script> for one JSON-LD document."""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumps(data)))


def absolute(origin, path):
    return f"{origin}{path}" if path and path.startswith("/") else path


def _in_every_language(text):
    """The site's own name for the office in each language, read from the translation catalogues."""
    names = {}
    for language in sections.languages():
        with translation.override(language):
            names[language] = gettext(text)
    return names


def office_names():
    """language -> the office's name in it: the footer's full name."""
    return _in_every_language(
        "International Affairs Office, Office of the Permanent Secretary, Bangkok Metropolitan Administration"
    )


def organization_id(origin):
    """The @id of the office's node: the same on every page and in both languages (the Thai home page)."""
    with translation.override(sections.languages()[0]):
        return f"{origin}{reverse('pages:home')}{ORGANIZATION_FRAGMENT}"


def organization_reference(origin):
    """What another document says of the office (a news article's publisher): its @id, type and name."""
    language = translation.get_language()
    return {"@type": "GovernmentOrganization", "@id": organization_id(origin), "name": office_names()[language]}


def organization(origin, home_path, details=None):
    """The office as a schema.org GovernmentOrganization, named in the page's language first.

    `details` are the properties staff keep (address, contactPoint, sameAs...), as the section that owns
    them builds them; empty ones are left out.
    """
    names = office_names()
    language = translation.get_language()
    return {
        "@context": CONTEXT,
        "@type": "GovernmentOrganization",
        "@id": organization_id(origin),
        "name": names[language],
        "alternateName": [name for code, name in names.items() if code != language and name != names[language]],
        "url": absolute(origin, home_path),
        "logo": absolute(origin, static(LOGO)),
        **(details or {}),
    }


def breadcrumb_list(origin, trail):
    """A schema.org BreadcrumbList from (name, path) pairs, the home page first and the current page last
    (whose path may be empty: the page itself)."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(name), "item": absolute(origin, path)}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }
