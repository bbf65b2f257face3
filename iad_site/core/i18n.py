"""Language helpers: the same page in each language, for the switcher and the hreflang links."""

from django.conf import settings
from django.utils import translation


def _path_without_language(request):
    current = translation.get_language_from_path(request.path)
    return request.path[len(current) + 1 :] if current else request.path


def _with_query(request, url, keep_query):
    query = request.META.get("QUERY_STRING") if keep_query else ""
    return f"{url}?{query}" if query else url


def page_in_language(request, language, keep_query=True):
    """The current URL with its language prefix swapped. URL patterns are not translated and slugs are
    shared by both languages, so swapping the prefix always names the same page. The switcher keeps the
    query (filters, search); the head's canonical and hreflang links name the page without it."""
    return _with_query(request, f"/{language}{_path_without_language(request)}", keep_query)


def page_without_language(request, keep_query=False):
    """The current URL without its language prefix: the hreflang x-default, which redirects a
    browser to the page in its preferred language."""
    return _with_query(request, _path_without_language(request), keep_query)


def alternates(request, keep_query=True):
    """One entry per language: code, name in its own script, URL of this page, whether it is active."""
    active = translation.get_language()
    return [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": page_in_language(request, code, keep_query),
            "is_active": code == active,
        }
        for code, _name in settings.LANGUAGES
    ]
