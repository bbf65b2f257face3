"""An Atom feed of the latest exchanges and activities with partner cities and networks, one per
language: /th/feed/ and /en/feed/. Linked from every page's <head> (relations/section.py)."""

from django.utils.translation import gettext_lazy as _

from iad_site.core.feeds import LatestItemsFeed

from .models import Activity


class LatestActivitiesFeed(LatestItemsFeed):
    title = _("Exchanges and activities – International Affairs Office, Bangkok")
    subtitle = _("The latest exchanges and activities between Bangkok and its partner cities and city networks.")
    list_url_name = "relations:city_list"
    feed_url_name = "relations:feed"
    date_field = "happened_on"

    def latest(self):
        return Activity.objects.published().latest()

    def item_categories(self, item):
        parent = item.city or item.network
        return [parent.name]
