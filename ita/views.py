"""The public index: one page per fiscal year, the latest published one at /ita/."""

from django.views.generic import DetailView

from iad_site.core.views import PublishedOrPreviewMixin

from .models import ItaYear


class YearView(PublishedOrPreviewMixin, DetailView):
    model = ItaYear
    template_name = "ita/year.html"
    context_object_name = "year"
    slug_field = slug_url_kwarg = "fiscal_year"

    def get_context_data(self, **kwargs):
        year = self.object
        if year is None:
            return super().get_context_data(**kwargs)
        return super().get_context_data(
            items=year.items.with_targets(),
            other_years=[other for other in ItaYear.objects.visible_to(self.request.user) if other.pk != year.pk],
            updated_at=year.updated_at,
            **kwargs,
        )


class LatestYearView(YearView):
    """The latest year's index at an address that stays the same from year to year; an empty state before
    the office publishes one."""

    def get_object(self, queryset=None):
        return self.get_queryset().order_by("-fiscal_year").first()
