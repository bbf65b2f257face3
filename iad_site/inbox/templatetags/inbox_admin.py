"""The admin home's count of requests waiting for the office, one line per kind the staff member may see."""

from django import template
from django.urls import reverse

from iad_site.inbox.models import OPEN_STATUSES, request_models

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_requests(context):
    """[{name, count, url}] for every kind of request the user may view: how many are new or in progress."""
    user = context["request"].user
    rows = []
    for model in request_models():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        rows.append(
            {
                "name": opts.verbose_name_plural,
                "count": model._default_manager.open().count(),
                "url": f"{url}?status__in={','.join(OPEN_STATUSES)}",
            }
        )
    return rows
