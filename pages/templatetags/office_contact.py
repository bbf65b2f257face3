"""{% load office_contact %}: the office's contact details in every page's footer and its schema.org
GovernmentOrganization JSON-LD, both from the one row staff edit (pages.models.ContactDetails), read once per
request. Rendered on every page, outside the per-process memo (iad_site.core.templatetags.site): a save of the
details starts a new page-cache generation like any content edit, so cached pages show them at once."""

from django import template
from django.urls import reverse

from iad_site.core import structured_data
from pages.models import ContactDetails

register = template.Library()


@register.inclusion_tag("pages/_footer_contact.html", takes_context=True)
def footer_contact(context):
    return {"contact": ContactDetails.for_request(context["request"])}


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The office as a GovernmentOrganization, named in the page's language first, with the contact details
    staff have filled in (and nothing for those they have not)."""
    request = context["request"]
    contact = ContactDetails.for_request(request)
    details = contact.structured_data() if contact else {}
    origin = f"{request.scheme}://{request.get_host()}"
    return structured_data.script(structured_data.organization(origin, reverse("pages:home"), details))
