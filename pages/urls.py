from django.urls import path
from django.views.generic import TemplateView

app_name = "pages"

urlpatterns = [
    path("", TemplateView.as_view(template_name="pages/home.html"), name="home"),
    path("plans/", TemplateView.as_view(template_name="pages/plan_list.html"), name="plan_list"),
    path("office/", TemplateView.as_view(template_name="pages/office.html"), name="office"),
    path("page/<slug:slug>/", TemplateView.as_view(template_name="pages/static_page.html"), name="static_page"),
]
