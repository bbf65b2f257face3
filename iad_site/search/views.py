"""The site search page: /th/search/?q=... and /en/search/?q=..."""

from django.core.paginator import Paginator
from django.utils import translation
from django.views.generic import TemplateView

from iad_site.search import engine as search

RESULTS_PER_PAGE = 10


class SearchView(TemplateView):
    """Any query gets a page: too long is cut, odd characters are ignored, an unknown page number
    shows the nearest page."""

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        query = " ".join(self.request.GET.get("q", "")[: search.MAX_QUERY_CHARS].split())
        documents, terms, matched_all = search.search(query, translation.get_language())
        page = Paginator(documents, RESULTS_PER_PAGE).get_page(self.request.GET.get("page"))
        labels = search.kind_labels()
        results = [
            {
                "document": document,
                "kind": labels.get(document.kind, ""),
                "title": search.highlight(document.title, terms),
                "other_title": search.highlight(document.other_title, terms) if document.other_title else "",
                "snippet": search.snippet(document.body, terms),
            }
            for document in page.object_list
        ]
        return super().get_context_data(
            query=query,
            terms=terms,
            matched_all=matched_all,
            page=page,
            results=results,
            # Only so many matches are ranked (search.MAX_CANDIDATES): say so rather than a false total.
            is_capped=page.paginator.count >= search.MAX_CANDIDATES,
            **kwargs,
        )
