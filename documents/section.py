"""What the document library adds to the site: its pages, navigation entry and search."""

from django.utils.translation import gettext_lazy as _

from iad_site.core.sections import NavItem, PageType, Section
from iad_site.search.engine import IndexSpec, translated


def _category(obj, language):
    return translated(obj.category, "name", language)[0]


section = Section(
    page_types=(
        PageType("document_index", "documents:index"),
        # The seed holds no document (the office has uploaded none yet): the walks over test databases add one.
        PageType("document_category", model="documents.Category", seeded=False),
    ),
    nav=(NavItem(55, "documents:index", _("Documents")),),
    search_specs=(
        IndexSpec(
            "document",
            _("Document"),
            "documents.Document",
            "title",
            body=(_category,),
            keywords=(_category,),
            select_related=("category",),
        ),
    ),
    # A document is public only while its category is.
    search_dependents={"documents.Category": lambda category: category.documents.all()},
)
