from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("questions/", views.AskView.as_view(), name="ask"),
    path("questions/sent/<str:token>/", views.ConfirmationView.as_view(), name="sent"),
    path("questions/status/<str:token>/", views.StatusView.as_view(), name="status"),
    path("questions/faq/", views.FAQView.as_view(), name="faq"),
    path("questions/figures/", views.FiguresView.as_view(), name="figures"),
    path("questions/privacy/", views.PrivacyView.as_view(), name="privacy"),
]
