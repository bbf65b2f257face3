"""Thin views for the office's pages: published content only, staff may preview the rest."""

from django.http import Http404
from django.views.generic import DetailView, ListView, TemplateView

from iad_site.core.views import PublishedOrPreviewMixin

from .models import (
    CONTACT_PAGE_SLUG,
    ContactDetails,
    Executive,
    HomePage,
    Milestone,
    OfficeDuty,
    OfficeUnit,
    OrganisationChart,
    Plan,
    StaticPage,
)

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

    def get_context_data(self, **kwargs):
        # The executives page is linked only while it is there (someone is published).
        return super().get_context_data(has_executives=Executive.objects.published().exists(), **kwargs)


class ExecutiveListView(PublishedOrPreviewMixin, ListView):
    """The office's executives. Not there (404) until staff publish someone: nothing personal is seeded."""

    model = Executive
    template_name = "pages/executives.html"
    context_object_name = "executives"

    def get_queryset(self):
        return super().get_queryset().for_page()

    def get_context_data(self, **kwargs):
        executives = list(self.object_list)
        if not executives:
            raise Http404("No executive is published.")
        return super().get_context_data(updated_at=max(executive.updated_at for executive in executives), **kwargs)


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
        positions = [unit.staff_positions for unit in units if unit.staff_positions is not None]
        # The staffing chart once any unit has its number; the total only when every unit has one.
        staffing = {"total": sum(positions) if len(positions) == len(units) else None} if positions else None
        return super().get_context_data(
            units=units,
            duties=duties,
            staffing=staffing,
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.slug == CONTACT_PAGE_SLUG:
            # The same row the footer reads on this request (pages.templatetags.office_contact).
            context.update(is_contact_page=True, contact=ContactDetails.for_request(self.request))
        return context
