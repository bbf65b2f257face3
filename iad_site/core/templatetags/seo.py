"""Template tags for what search engines and social sites read in <head>: the page's title and
description captured once for <title>, the description and Open Graph tags, and the x-default link."""

from django import template
from django.utils.safestring import mark_safe

from iad_site.core import i18n

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, variable):
        self.nodelist = nodelist
        self.variable = variable

    def render(self, context):
        # The content was escaped as it rendered; only runs of whitespace are folded.
        context[self.variable] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}...{% endcapture %}: renders its content (blocks included) once into a
    variable, so one {% block title %} fills both <title> and og:title."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def default_language_url(context):
    """The hreflang x-default: this page without a language prefix."""
    return i18n.page_without_language(context["request"])


OG_LOCALES = {"th": "th_TH", "en": "en_GB"}


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)
