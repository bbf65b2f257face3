"""The admin home's blocks of what needs doing (iad_site/core/dashboard.py), read where the home is drawn."""

from django import template

from iad_site.core import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def english_missing(context):
    return dashboard.english_missing(context["request"])


@register.simple_tag(takes_context=True)
def scheduled_publications(context):
    return dashboard.scheduled(context["request"])


@register.simple_tag(takes_context=True)
def recent_changes(context):
    return dashboard.recent_changes(context["request"])
