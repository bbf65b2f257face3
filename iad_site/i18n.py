"""Language helpers: the same page in each language, for the switcher and the hreflang links."""

from django.conf import settings
from django.utils import translation


def page_in_language(request, language):
    """The current URL with its language prefix swapped. URL patterns are not translated and slugs are
    shared by both languages, so swapping the prefix always names the same page."""
    path = request.path
    current = translation.get_language_from_path(path)
    rest = path[len(current) + 1 :] if current else path
    url = f"/{language}{rest}"
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return url


def page_without_language(request):
    """The current URL without its language prefix: the hreflang x-default, which redirects a
    browser to the page in its preferred language."""
    current = translation.get_language_from_path(request.path)
    url = request.path[len(current) + 1 :] if current else request.path
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return url


def alternates(request):
    """One entry per language: code, name in its own script, URL of this page, whether it is active."""
    active = translation.get_language()
    return [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": page_in_language(request, code),
            "is_active": code == active,
        }
        for code, _name in settings.LANGUAGES
    ]
