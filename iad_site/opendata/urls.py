from django.urls import path

from iad_site.core import sections

from .views import as_csv, as_json

app_name = "opendata"

urlpatterns = [
    route
    for name in sections.open_data()
    for route in (
        path(f"{name}.csv", as_csv, {"name": name}, name=f"{name}-csv"),
        path(f"{name}.json", as_json, {"name": name}, name=f"{name}-json"),
    )
]
