from django.urls import path
from django.views.generic import TemplateView

app_name = "relations"

urlpatterns = [
    path("sister-cities/", TemplateView.as_view(template_name="relations/city_list.html"), name="city_list"),
    path("networks/", TemplateView.as_view(template_name="relations/network_list.html"), name="network_list"),
    path("embassies/", TemplateView.as_view(template_name="relations/embassy_list.html"), name="embassy_list"),
]
