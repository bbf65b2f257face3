"""{% load images %}: responsive image attributes for photos stored by iad_site.core.uploads.ResponsiveImageField."""

from django import template
from django.utils.html import format_html_join

register = template.Library()

# Most photos sit in the main column: full width on a phone, at most ~48rem (768 px) on a wide screen.
DEFAULT_SIZES = "(min-width: 52rem) 48rem, 100vw"


@register.simple_tag
def responsive_attrs(image, sizes=DEFAULT_SIZES):
    """` srcset="…" sizes="…" width="…" height="…"` for an <img>, so browsers fetch a copy that fits.

    <img src="{{ city.photo.url }}"{% responsive_attrs city.photo %} alt="…">

    Width and height let the browser reserve the space before the image arrives (no layout shift). They
    are the numbers stored on the row when the file was saved: no file is opened to render a page.
    Outputs nothing for an empty field or an image whose size is not known (missing or unreadable file).
    """
    if not image:
        return ""
    width, height = image.width, image.height
    if not width or not height:
        return ""
    attributes = []
    srcset = getattr(image, "srcset", "")
    if srcset:
        attributes += [("srcset", srcset), ("sizes", sizes)]
    attributes += [("width", width), ("height", height)]
    return format_html_join("", ' {}="{}"', attributes)
