"""The search page in the navigation and in the list of public page types."""

from django.utils.translation import gettext_lazy as _

from iad_site.core.sections import NavItem, PageType, Section

section = Section(
    holds_content=False,
    nav=(NavItem(90, "search:search", _("Search")),),
    # Search pages are kept out of search engines' indexes (endless query URLs, thin content).
    page_types=(
        PageType("search", "search:search", noindex=True),
        PageType("search_results", "search:search", query={"th": "q=ปักกิ่ง", "en": "q=Beijing"}, noindex=True),
        PageType("search_no_results", "search:search", query={"th": "q=ฆฆฆฆ", "en": "q=qqqzzz"}, noindex=True),
    ),
)
