"""An Atom feed of the office's latest news, one per language: /th/news/feed/ and /en/news/feed/. Linked from
every page's <head> (news/section.py)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Article

FEED_LENGTH = 20


class LatestNewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("News – International Affairs Office, Bangkok")
    subtitle = _("The latest news of Bangkok's International Affairs Office.")
    # Atom requires an author for the feed or every entry: the office publishes them all.
    author_name = _("International Affairs Office, Bangkok")

    def link(self):
        return reverse("news:list")

    def feed_url(self):
        return reverse("news:feed")

    def items(self):
        return Article.objects.published().latest()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        # Articles have a day, not a time: midnight in Bangkok on that day.
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at
