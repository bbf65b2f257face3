from django.urls import path

from . import views
from .feeds import LatestActivitiesFeed
from .map import CityMapView

app_name = "relations"

urlpatterns = [
    path("sister-cities/", views.CityListView.as_view(), name="city_list"),
    # Before sister-cities/<slug>/, which would take "map" for a city.
    path("sister-cities/map/", CityMapView.as_view(), name="city_map"),
    path("sister-cities/<slug:slug>/", views.CityDetailView.as_view(), name="city_detail"),
    path("networks/", views.NetworkListView.as_view(), name="network_list"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="network_detail"),
    path("embassies/", views.EmbassyListView.as_view(), name="embassy_list"),
    path("feed/", LatestActivitiesFeed(), name="feed"),
]
