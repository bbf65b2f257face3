"""The frame's own public page: the not-found page, in the visitor's language."""

from iad_site.core.sections import PageType, Section

section = Section(
    holds_content=False,
    page_types=(PageType("not_found", path="no-such-page/", status=404),),
)
