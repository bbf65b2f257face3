"""What the news section adds to the site: its pages, navigation entry, feed and search."""

from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from iad_site.core.sections import FeedLink, NavItem, PageType, Section
from iad_site.search.engine import IndexSpec, translated


def _text(obj, language):
    return unescape(strip_tags(translated(obj, "body", language)[0]))


section = Section(
    page_types=(
        PageType("news_list", "news:list"),
        # The seed holds no news (none is invented): the walks over test databases add a made-up article.
        PageType("news_detail", model="news.Article", seeded=False),
    ),
    nav=(NavItem(15, "news:list", _("News")),),
    feeds=(FeedLink("news:feed", _("News (Atom feed)")),),
    search_specs=(IndexSpec("news", _("News"), "news.Article", "title", body=("summary", _text)),),
)
