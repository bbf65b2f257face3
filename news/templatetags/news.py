"""{% load news %}: the news where other sections show it (the home page, each partner's timeline, the embassy
directory) and an article's schema.org NewsArticle data. Each tag runs its one query only where it is rendered."""

from html import unescape

from django import template
from django.utils import translation
from django.utils.html import strip_tags

from iad_site.core import structured_data
from relations.models import CityNetwork, Embassy, SisterCity

from ..models import Article

register = template.Library()

HOME_PAGE_COUNT = 3
EMBASSY_NEWS_COUNT = 3
# The Article field that tags each kind of partner.
TAG_FIELDS = {SisterCity: "cities", CityNetwork: "networks", Embassy: "embassies"}


@register.inclusion_tag("news/_latest.html")
def latest_news():
    """{% latest_news %}: the home page's latest news; nothing at all while none is published."""
    return {"articles": list(Article.objects.published().latest()[:HOME_PAGE_COUNT])}


@register.inclusion_tag("news/_partner_timeline.html")
def partner_timeline(partner):
    """{% partner_timeline city %}: one timeline of the partner's exchanges and activities (its own, already
    fetched with it as partner.activities) and the news tagged with it, newest first; news first on a day
    that has both."""
    articles = Article.objects.published().filter(**{TAG_FIELDS[type(partner)]: partner}).latest()
    entries = [(activity.happened_on, 0, activity) for activity in partner.activities.all()]
    entries += [(article.published_on, 1, article) for article in articles]
    entries.sort(key=lambda entry: entry[:2], reverse=True)
    return {"entries": [entry for _date, _kind, entry in entries]}


@register.simple_tag
def news_by_embassy(embassies):
    """{% news_by_embassy embassies as embassy_news %}: embassy id -> its latest news, for a page of the
    directory, in one query."""
    tags = Article.embassies.through.objects.filter(
        embassy__in=list(embassies), article__in=Article.objects.published()
    ).select_related("article")
    found = {}
    for tag in tags.order_by("-article__published_on", "-article_id"):
        found.setdefault(tag.embassy_id, []).append(tag.article)
    return {embassy: articles[:EMBASSY_NEWS_COUNT] for embassy, articles in found.items()}


@register.inclusion_tag("news/_embassy_news.html")
def embassy_news(news_by_embassy, embassy):
    """{% embassy_news embassy_news embassy %}: the latest news tagged with one embassy of the directory."""
    return {"articles": news_by_embassy.get(embassy.pk, []), "embassy": embassy}


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, article):
    """The article as a schema.org NewsArticle, published by the office, in the page's language."""
    request = context["request"]
    origin = f"{request.scheme}://{request.get_host()}"
    data = {
        "@context": structured_data.CONTEXT,
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "datePublished": article.published_on.isoformat(),
        "dateModified": article.updated_at.isoformat(timespec="seconds"),
        "description": article.summary or unescape(strip_tags(article.body))[:300],
        "image": [structured_data.absolute(origin, article.photo.url)] if article.photo else [],
        "url": structured_data.absolute(origin, article.get_absolute_url()),
        "mainEntityOfPage": structured_data.absolute(origin, article.get_absolute_url()),
        "inLanguage": translation.get_language(),
        "publisher": structured_data.organization_reference(origin),
        "author": structured_data.organization_reference(origin),
    }
    return structured_data.script(data)
