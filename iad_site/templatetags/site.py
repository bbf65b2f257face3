"""Template tags shared by every app: dates, years, navigation and the language switcher."""

import nh3
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from iad_site import dates, i18n

register = template.Library()


@register.filter
def display_date(value, precision=dates.DatePrecision.DAY):
    """{{ city.established_on|display_date:city.established_precision }}"""
    return dates.format_date(value, precision)


@register.filter
def display_year(year):
    """{{ network.founded_year|display_year }}: a Common Era year shown in the reader's era."""
    return dates.display_year(year)


MAIN_NAV = [
    ("pages:home", _("Home")),
    ("relations:city_list", _("Sister cities")),
    ("relations:network_list", _("City networks")),
    ("relations:embassy_list", _("Embassies")),
    ("pages:plan_list", _("Plans")),
    ("pages:office", _("The office")),
    ("search", _("Search")),
]


@register.inclusion_tag("includes/_nav.html", takes_context=True)
def main_nav(context):
    path = context["request"].path
    home = reverse("pages:home")
    items = []
    for name, label in MAIN_NAV:
        url = reverse(name)
        is_current = path == url if url == home else path.startswith(url)
        items.append({"url": url, "label": label, "is_current": is_current})
    return {"items": items}


@register.inclusion_tag("includes/_language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"languages": i18n.alternates(context["request"])}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """For the head's canonical, hreflang and og:url links: each page named without its query string."""
    return i18n.alternates(context["request"], keep_query=False)


@register.simple_tag
def lang_attr(obj, field):
    """` lang="th"` where an English page shows Thai text because no English was written yet.

    The site's policy for missing English: show the Thai text (modeltranslation's fallback), marked
    with its language so screen readers pronounce it correctly. Usage: <p{% lang_attr city "profile" %}>
    """
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or getattr(obj, f"{field}_{language}", None):
        return ""
    return (
        mark_safe(f' lang="{settings.LANGUAGE_CODE}"')
        if getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None)
        else ""
    )


@register.simple_tag
def is_fallback(obj, field):
    """True where the active language has no text for this field and the Thai text is shown instead."""
    return bool(lang_attr(obj, field))


@register.filter
def clean_html(value):
    """HTML typed by staff, stripped of scripts, event handlers and anything else not on nh3's safe list."""
    return mark_safe(nh3.clean(value or ""))
