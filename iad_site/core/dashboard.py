"""What the admin home shows staff to do, beside the requests waiting for an answer (iad_site/inbox): the items
still lacking English, what is scheduled to appear on the public site and when, and the last changes made
in the admin, by whom. Each block lists only kinds of content the staff member may see, and each costs a
fixed number of queries however many items there are (tests/core/test_dashboard.py pins it)."""

from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .admin import completeness_rows
from .dates import format_moment
from .models import scheduled_models

SCHEDULED_SHOWN = 10
CHANGES_SHOWN = 10
ACTIONS = {ADDITION: _("Added"), CHANGE: _("Changed"), DELETION: _("Deleted")}


def _visible_models(request, site=admin.site):
    """The models registered in the admin that the staff member may view or change."""
    return [
        model for model, model_admin in site._registry.items() if model_admin.has_view_or_change_permission(request)
    ]


def _change_url(obj):
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def english_missing(request):
    """Per kind of content with items lacking English: its name, how many, the link to its filtered list."""
    return [row for row in completeness_rows(request) if row["missing"]]


def scheduled(request):
    """The first SCHEDULED_SHOWN items waiting for their publication moment, soonest first: one query per kind
    of content that can be scheduled."""
    visible = set(_visible_models(request))
    items = []
    for model in scheduled_models():
        if model not in visible:
            continue
        for obj in model._default_manager.scheduled().order_by("publish_at", "pk")[:SCHEDULED_SHOWN]:
            items.append(
                {
                    "kind": capfirst(model._meta.verbose_name),
                    "title": str(obj),
                    "publish_at": obj.publish_at,
                    "when": format_moment(obj.publish_at),
                    "url": _change_url(obj),
                }
            )
    items.sort(key=lambda item: item["publish_at"])
    return items[:SCHEDULED_SHOWN]


def recent_changes(request):
    """The last CHANGES_SHOWN changes made in the admin to what the staff member may see (Django's admin log,
    which the admin writes for every addition, change and deletion): what, which item, by whom, when. A
    visitor's request is named by its reference (its __str__), never by the visitor's name."""
    kinds = [
        Q(content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name)
        for model in _visible_models(request)
    ]
    if not kinds:
        return []
    condition = kinds.pop()
    for kind in kinds:
        condition |= kind
    entries = LogEntry.objects.filter(condition).select_related("user", "content_type")[:CHANGES_SHOWN]
    changes = []
    for entry in entries:
        model = entry.content_type.model_class()
        changes.append(
            {
                "kind": capfirst(model._meta.verbose_name) if model else entry.content_type.name,
                "title": entry.object_repr,
                "url": "" if entry.is_deletion() else entry.get_admin_url(),
                "action": ACTIONS.get(entry.action_flag, ""),
                "by": entry.user.get_full_name() or entry.user.get_username(),
                "action_time": entry.action_time,
                "when": format_moment(entry.action_time),
            }
        )
    return changes
