"""{% load structured_data %}: JSON-LD for search engines (iad_site.core.structured_data) and the visible
breadcrumbs that a BreadcrumbList describes."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from iad_site.core import structured_data

register = template.Library()


@register.simple_tag
def json_ld(data):
    """{% json_ld data %}: a <script type="application/ld+json"> for a dict built in Python."""
    return structured_data.script(data)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, *ancestors, current):
    """The trail from the home page to the current page, shown and described to search engines at once, so
    the two never differ.

    {% breadcrumbs list_url list_name current=city.name %}: the ancestors as (path, name) pairs after the
    home page, the current page last (its name is the page's <h1>, shown there rather than in the trail).
    """
    if len(ancestors) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes (path, name) pairs, then current=name")
    request = context["request"]
    links = [(reverse("pages:home"), gettext("Home"))]
    links += [(ancestors[index], ancestors[index + 1]) for index in range(0, len(ancestors), 2)]
    trail = [(name, path) for path, name in links] + [(current, request.path)]
    data = structured_data.breadcrumb_list(f"{request.scheme}://{request.get_host()}", trail)
    return render_to_string("includes/_breadcrumbs.html", {"links": links, "json_ld": structured_data.script(data)})
