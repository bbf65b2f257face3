"""A section as a new app would write it: one page, one navigation entry."""

from iad_site.core.sections import NavItem, PageType, Section

section = Section(
    page_types=(PageType("sample_page", "sample_section:page"),),
    nav=(NavItem(70, "sample_section:page", "Sample section"),),
)
