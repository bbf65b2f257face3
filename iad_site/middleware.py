"""Security headers that neither Django's SecurityMiddleware nor django-csp sends."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy (no camera, microphone, location...) and Cross-Origin-Resource-Policy.

    Both come from settings (PERMISSIONS_POLICY, CROSS_ORIGIN_RESOURCE_POLICY); an empty value sends
    nothing, and a header a view already set is left as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": getattr(settings, "PERMISSIONS_POLICY", ""),
            "Cross-Origin-Resource-Policy": getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", ""),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response
