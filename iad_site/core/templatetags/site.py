"""Template tags shared by every app: dates, years, navigation and the language switcher."""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from iad_site.core import dates, i18n, richtext, sections

register = template.Library()


@register.filter
def display_date(value, precision=dates.DatePrecision.DAY):
    """{{ city.established_on|display_date:city.established_precision }}"""
    return dates.format_date(value, precision)


@register.filter
def display_moment(value):
    """{{ article.publish_at|display_moment }}: a date and time in Bangkok, in the reader's era."""
    return dates.format_moment(value) if value else ""


@register.filter
def display_year(year):
    """{{ network.founded_year|display_year }}: a Common Era year shown in the reader's era."""
    return dates.display_year(year)


@register.filter
def display_fiscal_year(fiscal_year_be):
    """{{ document.fiscal_year|display_fiscal_year }}: a Thai fiscal year, stored in the Buddhist Era, as the
    reader counts it: 2568 in Thai, 2025 in English (the Common Era year it ends in)."""
    if not fiscal_year_be:
        return ""
    return dates.display_year(dates.fiscal_year_bounds(fiscal_year_be)[1])


# Markup that depends only on the code, the active language and a few keys (the header, the navigation,
# the footer, the head's links to static files), rendered once per process instead of on every request.
# Nothing read from the database may go in: a process keeps it until it restarts (every deploy restarts).
_memo = {}


@receiver(setting_changed)
def _forget_memo(setting, **kwargs):
    # The navigation depends on the installed sections, which tests may change.
    if setting == "INSTALLED_APPS":
        _memo.clear()


def memoized(key, render):
    """render() once per process for this key in the active language; every time while DEBUG is on, so
    template edits show at once in development."""
    if settings.DEBUG:
        return render()
    key = (translation.get_language(), *key)
    if key not in _memo:
        _memo[key] = render()
    return _memo[key]


class MemoNode(template.Node):
    def __init__(self, nodelist, keys):
        self.nodelist, self.keys = nodelist, keys

    def render(self, context):
        key = tuple(key.resolve(context) for key in self.keys)
        return memoized(key, lambda: self.nodelist.render(context))


@register.tag
def memo(parser, token):
    """{% memo "name" key... %}...{% endmemo %}: content that depends only on the code, the language and
    the keys (never on the database or the request), rendered once per process."""
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not keys:
        raise template.TemplateSyntaxError('Usage: {% memo "name" [key...] %}...{% endmemo %}')
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, keys)


def current_nav_url(path, urls):
    """The main-navigation entry this path belongs to: the home page itself, or the longest section prefix."""
    home, *sections = urls
    if path == home:
        return home
    return max((url for url in sections if path.startswith(url)), key=len, default=None)


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The main navigation: every section's entries (iad_site.core.sections), the current one marked."""
    entries = memoized(("nav-entries",), sections.nav_items)
    urls = memoized(("nav-urls",), lambda: [reverse(item.url_name) for item in entries])
    current = current_nav_url(context["request"].path, urls)

    def render():
        items = [
            {"url": url, "label": item.label, "is_current": url == current}
            for url, item in zip(urls, entries, strict=True)
        ]
        return render_to_string("includes/_nav.html", {"items": items})

    return memoized(("nav", current), render)


@register.simple_tag
def feed_links():
    """The head's links to every section's Atom feeds."""
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="application/atom+xml" href="{}" title="{}">',
        ((reverse(feed.url_name), feed.title) for feed in sections.feeds()),
    )


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
    """HTML typed by staff, with only what the admin's editor can make (iad_site.core.richtext.ALLOWLIST)."""
    return mark_safe(richtext.clean(value))
