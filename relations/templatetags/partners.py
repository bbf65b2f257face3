"""Template tags of the partners-abroad section: flags, the partnership timeline and anniversaries."""

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html

from relations import anniversaries, flags, timeline
from relations.models import SisterCity

register = template.Library()


@register.simple_tag
def flag(country, sprite="cities"):
    """{% flag city.country %}: the country's flag, decorative (its name stands beside it), from the sister
    cities' sprite or, {% flag embassy.country "embassies" %}, the embassies' (relations/flags.py)."""
    return format_html(
        '<svg class="flag" aria-hidden="true"><use href="{}#{}"></use></svg>',
        static(flags.static_path(sprite)),
        flags.symbol_id(country.iso_code, sprite),
    )


@register.inclusion_tag("relations/_timeline.html")
def partnership_timeline(total):
    """{% partnership_timeline total_cities %}: every published city by the year its relationship began
    (relations/timeline.py); nothing while no date is known. `total`: how many cities are published."""
    return {"timeline": timeline.partnership_timeline(SisterCity.objects.published(), total)}


@register.inclusion_tag("relations/_anniversaries.html")
def anniversaries_this_year():
    """{% anniversaries_this_year %}: the published cities whose round anniversary falls this year."""
    year = timezone.localdate().year
    cities = anniversaries.celebrating(SisterCity.objects.published().select_related("country"), year)
    return {"year": year, "cities": list(cities)}
