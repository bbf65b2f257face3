"""What the visits section adds to the site: the request form, the how-to page, the service figures (and their
CSV) and the privacy page. Confirmation, status, withdrawal and survey pages are private."""

from django.utils.translation import gettext_lazy as _

from iad_site.core.sections import NavItem, PageType, Section

section = Section(
    # Beside the questions (70): the office's other e-service, before the search (90).
    nav=(NavItem(75, "visits:request", _("Visits")),),
    page_types=(
        PageType("visit_request", "visits:request", form=True),
        # Shipped unpublished: until staff publish the office's own text, the page says it is still to come.
        PageType("visit_guide", "visits:guide"),
        PageType("visit_figures", "visits:figures"),
        PageType("visit_privacy", "visits:privacy"),
    ),
    # Left out of the page walks: the pages made for one visitor, and the figures' CSV (not an HTML page; the
    # figures page links it, and tests/visits reads it).
    private_pages=(
        "visits:sent",
        "visits:status",
        "visits:withdraw",
        "visits:survey",
        "visits:calendar",
        "visits:figures_csv",
    ),
)
