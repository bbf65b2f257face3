from django.urls import path
from django.views.generic import TemplateView

app_name = "sample_section"

urlpatterns = [
    path("sample/", TemplateView.as_view(template_name="sample_section/page.html"), name="page"),
]
