"""Values every public template needs."""

from django.conf import settings


def site(request):
    return {"office_facebook_url": settings.OFFICE_FACEBOOK_URL}
