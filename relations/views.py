"""Public pages of partners abroad: thin views over the named queryset methods in models.py."""

from django.db.models import Prefetch
from django.utils import translation
from django.views.generic import DetailView, ListView

from iad_site.core.views import PublishedOrPreviewMixin

from .forms import DirectoryFilterForm
from .models import Activity, CityNetwork, Embassy, SisterCity


def published_activities():
    return Prefetch("activities", queryset=Activity.objects.published().order_by("-happened_on", "-pk"))


class CityListView(ListView):
    template_name = "relations/city_list.html"
    context_object_name = "cities"
    paginate_by = 50

    def get_queryset(self):
        published = SisterCity.objects.published()
        self.country_choices = published.country_choices()
        self.form = DirectoryFilterForm(self.request.GET or None, country_choices=self.country_choices)
        return self.form.filter(published.for_directory(), translation.get_language())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=self.form,
            total_cities=SisterCity.objects.published().count(),
            total_countries=len(self.country_choices),
            is_filtered=self.form.is_bound and any(self.form.data.get(f) for f in ("country", "relationship")),
            **kwargs,
        )


class CityDetailView(PublishedOrPreviewMixin, DetailView):
    model = SisterCity
    template_name = "relations/city_detail.html"
    context_object_name = "city"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("country")
            .prefetch_related("links", "agreements", published_activities())
        )


class NetworkListView(ListView):
    template_name = "relations/network_list.html"
    context_object_name = "networks"
    paginate_by = 50

    def get_queryset(self):
        return CityNetwork.objects.published().for_directory()


class NetworkDetailView(PublishedOrPreviewMixin, DetailView):
    model = CityNetwork
    template_name = "relations/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return super().get_queryset().prefetch_related(published_activities())


class EmbassyListView(ListView):
    template_name = "relations/embassy_list.html"
    context_object_name = "embassies"
    paginate_by = 25

    def get_queryset(self):
        # ?country=JP shows that country's embassy alone: the address site search links to.
        return Embassy.objects.published().for_directory().in_country(self.request.GET.get("country", ""))
