from django.urls import path

from . import views

app_name = "ita"

urlpatterns = [
    path("ita/", views.LatestYearView.as_view(), name="index"),
    path("ita/<int:fiscal_year>/", views.YearView.as_view(), name="year"),
]
