"""The library's public pages: its categories, and each category's documents one fiscal year at a time."""

from django.http import Http404
from django.views.generic import DetailView, ListView

from iad_site.core.views import PublishedOrPreviewMixin

from .models import Category, Document


class CategoryListView(ListView):
    template_name = "documents/category_list.html"
    context_object_name = "categories"

    def get_queryset(self):
        return Category.objects.published().for_index()


class CategoryDetailView(PublishedOrPreviewMixin, DetailView):
    """One category's documents of one fiscal year (?year=2568; the latest by default), with links to the
    category's other years. All of a year's documents are on one page: a category holds a few a year."""

    model = Category
    template_name = "documents/category_detail.html"
    context_object_name = "category"

    def get_context_data(self, **kwargs):
        documents = Document.objects.visible_to(self.request.user).filter(category=self.object)
        years = documents.fiscal_years()
        year = self.request.GET.get("year")
        if year is None:
            year = years[0] if years else None
        elif not year.isdigit() or int(year) not in years:
            raise Http404("No documents of that fiscal year in this category.")
        else:
            year = int(year)
        return super().get_context_data(
            years=years,
            year=year,
            documents=list(documents.filter(fiscal_year=year).for_list()) if year else [],
            **kwargs,
        )
