"""What the visits section adds to the site: the request form, the how-to page (once staff publish it) and the
privacy page. Confirmation, status and withdrawal pages are private."""

from iad_site.core.sections import PageType, Section

section = Section(
    page_types=(
        PageType("visit_request", "visits:request", form=True),
        # Shipped unpublished: there until staff publish the office's own text.
        PageType("visit_guide", "visits:guide", requires="visits.VisitGuide", seeded=False),
        PageType("visit_privacy", "visits:privacy"),
    ),
    private_pages=("visits:sent", "visits:status", "visits:withdraw"),
)
