"""Authentication backends: the django-axes lockout check in front of Django's own password check."""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a login while its username and address are locked out after repeated failures.

    Every login through the web (the admin's sign-in form) passes the request, and is checked. A call
    with no request at all (the shell, a management command, the test client's `login()`) has no address
    to lock and no visitor to answer, so it is left to the next backend instead of raising an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets (django-axes' AXES_LOCKOUT_CALLABLE), in the admin's frame."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "axes/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
            "site_header": admin.site.site_header,
            "site_title": admin.site.site_title,
        },
        status=429,
    )
