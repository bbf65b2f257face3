from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("documents/", views.CategoryListView.as_view(), name="index"),
    path("documents/<slug:slug>/", views.CategoryDetailView.as_view(), name="category"),
]
