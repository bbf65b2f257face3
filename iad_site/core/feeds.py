"""The Atom feed every content section's feed is: the office as author, the latest published items, each
dated by its day (sections say which list, which feed address, which items and which date field)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

FEED_LENGTH = 20


class LatestItemsFeed(Feed):
    feed_type = Atom1Feed
    # Atom requires an author for the feed or every entry: the office publishes them all.
    author_name = _("International Affairs Office, Bangkok")
    list_url_name = ""  # the HTML page the feed follows, e.g. "news:list"
    feed_url_name = ""
    date_field = ""  # the items' day: a date, not a time

    def latest(self):
        """The published items, newest first."""
        raise NotImplementedError

    def link(self):
        return reverse(self.list_url_name)

    def feed_url(self):
        return reverse(self.feed_url_name)

    def items(self):
        return self.latest()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        # Midnight in Bangkok on the item's day.
        return timezone.make_aware(datetime.datetime.combine(getattr(item, self.date_field), datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at
