"""Values every public template needs."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    return {
        "office_facebook_url": settings.OFFICE_FACEBOOK_URL,
        # https://host, for the absolute addresses in <head> (canonical, hreflang, Open Graph): worked out
        # once per page, and only on a page that uses it.
        "site_origin": SimpleLazyObject(lambda: f"{request.scheme}://{request.get_host()}"),
    }
