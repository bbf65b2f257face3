from django.urls import path

from . import views
from .feeds import LatestNewsFeed

app_name = "news"

urlpatterns = [
    path("news/", views.ArticleListView.as_view(), name="list"),
    # Before news/<slug>/, which would take "feed" for an article.
    path("news/feed/", LatestNewsFeed(), name="feed"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
