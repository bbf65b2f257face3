"""The news pages: the list, newest first and by Thai fiscal year, and a page per article."""

from django.db.models import Prefetch
from django.http import Http404
from django.views.generic import DetailView, ListView

from iad_site.core.views import PublishedOrPreviewMixin
from relations.models import CityNetwork, Embassy, SisterCity

from .models import Article

PAGE_SIZE = 12


class ArticleListView(PublishedOrPreviewMixin, ListView):
    """?year=2569 keeps the articles of that Thai fiscal year (Buddhist Era), one of those with news."""

    model = Article
    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        articles = super().get_queryset()
        self.years = articles.fiscal_years()
        year = self.request.GET.get("year")
        self.year = None
        if year is not None:
            if not year.isdigit() or int(year) not in self.years:
                raise Http404("No news in that fiscal year.")
            self.year = int(year)
        return articles.in_fiscal_year(self.year).latest()

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=self.years, year=self.year, **kwargs)


class ArticleDetailView(PublishedOrPreviewMixin, DetailView):
    model = Article
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # The partners it is tagged with that visitors may open: never a link to a hidden page.
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "photos",
                Prefetch("cities", queryset=SisterCity.objects.published().select_related("country")),
                Prefetch("networks", queryset=CityNetwork.objects.published()),
                Prefetch("embassies", queryset=Embassy.objects.published().select_related("country")),
            )
        )
