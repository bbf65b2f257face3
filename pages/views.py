"""Thin views for the office's pages: published content only, staff may preview the rest."""

from django.views.generic import DetailView, ListView, TemplateView

from iad_site.core.views import PublishedOrPreviewMixin

from .models import HomePage, Milestone, OfficeDuty, OfficeUnit, OrganisationChart, Plan, StaticPage

LATEST_ACTIVITY_COUNT = 5


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        # Imported here so the pages app does not need the relations app at import time.
        from relations.models import Activity, CityNetwork, Embassy, SisterCity

        cities = SisterCity.objects.published()
        figures = {
            "cities": cities.count(),
            "countries": cities.country_count(),
            "networks": CityNetwork.objects.published().count(),
            "embassies": Embassy.objects.published().count(),
        }
        return super().get_context_data(
            home=HomePage.current(),
            figures=figures,
            activities=Activity.objects.published().latest()[:LATEST_ACTIVITY_COUNT],
            **kwargs,
        )


class OfficeView(TemplateView):
    template_name = "pages/office.html"


class HistoryView(PublishedOrPreviewMixin, ListView):
    model = Milestone
    template_name = "pages/history.html"
    context_object_name = "milestones"

    def get_queryset(self):
        return super().get_queryset().with_units()

    def get_context_data(self, **kwargs):
        milestones = self.object_list
        return super().get_context_data(
            updated_at=max((milestone.updated_at for milestone in milestones), default=None), **kwargs
        )


class StructureView(TemplateView):
    template_name = "pages/structure.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        units = list(OfficeUnit.objects.visible_to(user))
        duties = list(OfficeDuty.objects.visible_to(user))
        charts = list(OrganisationChart.objects.visible_to(user))
        return super().get_context_data(
            units=units,
            duties=duties,
            # A chart not uploaded yet is drawn from the units instead (pages/_org_chart.html).
            charts=[chart for chart in charts if chart.image],
            updated_at=max((item.updated_at for item in [*units, *duties, *charts]), default=None),
            **kwargs,
        )


class PlanListView(PublishedOrPreviewMixin, ListView):
    model = Plan
    template_name = "pages/plan_list.html"
    context_object_name = "plans"

    def get_queryset(self):
        return super().get_queryset().for_list()

    def get_context_data(self, **kwargs):
        updated_at = max((plan.updated_at for plan in self.object_list), default=None)
        return super().get_context_data(updated_at=updated_at, **kwargs)


class PlanDetailView(PublishedOrPreviewMixin, DetailView):
    model = Plan
    template_name = "pages/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        return super().get_queryset().with_contents()


class StaticPageView(PublishedOrPreviewMixin, DetailView):
    model = StaticPage
    template_name = "pages/static_page.html"
    context_object_name = "page"
