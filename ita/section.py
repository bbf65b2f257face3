"""What the ITA index adds to the site: the latest year's page and a page per fiscal year."""

from iad_site.core.sections import PageType, Section

section = Section(
    page_types=(
        PageType("ita_index", "ita:index"),
        PageType("ita_year", model="ita.ItaYear"),
    ),
)
