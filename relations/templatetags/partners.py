"""Template tags of the partners-abroad section: flags, the partnership timeline and anniversaries."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from relations import flags

register = template.Library()


@register.simple_tag
def flag(country):
    """{% flag city.country %}: the country's flag from the sprite, decorative (its name stands beside it)."""
    return format_html(
        '<svg class="flag" aria-hidden="true"><use href="{}#{}"></use></svg>',
        static("img/flags.svg"),
        flags.symbol_id(country.iso_code),
    )
