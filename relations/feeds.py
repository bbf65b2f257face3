"""An Atom feed of the latest exchanges and activities with partner cities and networks, one per
language: /th/feed/ and /en/feed/. Linked from every page's <head> (relations/section.py)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Activity

FEED_LENGTH = 20


class LatestActivitiesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Exchanges and activities – International Affairs Office, Bangkok")
    subtitle = _("The latest exchanges and activities between Bangkok and its partner cities and city networks.")
    # Atom requires an author for the feed or every entry: the office publishes them all.
    author_name = _("International Affairs Office, Bangkok")

    def link(self):
        return reverse("relations:city_list")

    def feed_url(self):
        return reverse("relations:feed")

    def items(self):
        return Activity.objects.published().latest()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        # Activities have a day, not a time: midnight in Bangkok on that day.
        return timezone.make_aware(datetime.datetime.combine(item.happened_on, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        parent = item.city or item.network
        return [parent.name]
