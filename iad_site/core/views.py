"""Views and mixins shared by the apps."""

from django.http import HttpResponse


class PublishedOrPreviewMixin:
    """Restricts a list or detail view to what the visitor may see: published items, or all for staff."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


def health(request):
    """For load balancers and uptime checks: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")
