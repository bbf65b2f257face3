from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/<slug:slug>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("office/", views.OfficeView.as_view(), name="office"),
    path("office/history/", views.HistoryView.as_view(), name="history"),
    path("office/structure/", views.StructureView.as_view(), name="structure"),
    path("office/executives/", views.ExecutiveListView.as_view(), name="executives"),
    path("page/<slug:slug>/", views.StaticPageView.as_view(), name="static_page"),
]
