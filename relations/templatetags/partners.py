"""Template tags of the partners-abroad section: flags, the partnership timeline and anniversaries."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from relations import flags, timeline
from relations.models import SisterCity

register = template.Library()


@register.simple_tag
def flag(country):
    """{% flag city.country %}: the country's flag from the sprite, decorative (its name stands beside it)."""
    return format_html(
        '<svg class="flag" aria-hidden="true"><use href="{}#{}"></use></svg>',
        static("img/flags.svg"),
        flags.symbol_id(country.iso_code),
    )


@register.inclusion_tag("relations/_timeline.html")
def partnership_timeline(total):
    """{% partnership_timeline total_cities %}: every published city by the year its relationship began
    (relations/timeline.py); nothing while no date is known. `total`: how many cities are published."""
    return {"timeline": timeline.partnership_timeline(SisterCity.objects.published(), total)}
