from django.urls import path

from . import views

app_name = "visits"

urlpatterns = [
    path("visits/request/", views.RequestVisitView.as_view(), name="request"),
    path("visits/sent/<str:token>/", views.ConfirmationView.as_view(), name="sent"),
    path("visits/status/<str:token>/", views.StatusView.as_view(), name="status"),
    path("visits/status/<str:token>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("visits/status/<str:token>/survey/", views.SurveyView.as_view(), name="survey"),
    path("visits/how-to-request/", views.GuideView.as_view(), name="guide"),
    path("visits/figures/", views.FiguresView.as_view(), name="figures"),
    path("visits/figures.csv", views.FiguresCSVView.as_view(), name="figures_csv"),
    path("visits/calendar/<str:token>.ics", views.CalendarFeedView.as_view(), name="calendar"),
    path("visits/privacy/", views.PrivacyView.as_view(), name="privacy"),
]
