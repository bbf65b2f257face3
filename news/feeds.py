"""An Atom feed of the office's latest news, one per language: /th/news/feed/ and /en/news/feed/. Linked from
every page's <head> (news/section.py)."""

from django.utils.translation import gettext_lazy as _

from iad_site.core.feeds import LatestItemsFeed

from .models import Article


class LatestNewsFeed(LatestItemsFeed):
    title = _("News – International Affairs Office, Bangkok")
    subtitle = _("The latest news of Bangkok's International Affairs Office.")
    list_url_name = "news:list"
    feed_url_name = "news:feed"
    date_field = "published_on"

    def latest(self):
        return Article.objects.published().latest()
