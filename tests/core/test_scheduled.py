"""Scheduled publishing (iad_site.core.models.ScheduledPublication): news, static pages and partners with a
"publish at" moment stay out of every public list, page, search result, sitemap, feed and open-data file until
it comes, then appear with nothing saved or run at that moment; staff preview them, and the admin shows and
filters what is scheduled."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.models import Article
from pages.models import StaticPage
from relations.models import Activity, CityNetwork, Country, Embassy, SisterCity
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db


def tomorrow():
    return timezone.now() + datetime.timedelta(days=1)


def the_moment_comes(obj):
    """Moves the item's moment into the past as the clock would: no save, so no signal, no re-indexing and no
    page cache invalidation, just time passing."""
    type(obj).objects.filter(pk=obj.pk).update(publish_at=timezone.now() - datetime.timedelta(seconds=1))


@pytest.fixture
def scheduled_article():
    return make_article(
        slug="bangkok-fukuoka-anniversary",
        title_th="ครบรอบยี่สิบปีความสัมพันธ์กรุงเทพมหานครกับฟุกุโอกะ",
        title_en="Twenty years of Bangkok and Fukuoka",
        summary_en="A ceremony at City Hall.",
        published_on=datetime.date(2026, 10, 1),
        publish_at=tomorrow(),
    )


ARTICLE_PAGE = "/en/news/bangkok-fukuoka-anniversary/"


def test_a_scheduled_article_is_left_out_of_the_news_list_until_its_moment(client, scheduled_article):
    make_article(1)
    before = client.get("/en/news/").content.decode()

    the_moment_comes(scheduled_article)
    after = client.get("/en/news/").content.decode()

    assert "News 1" in before and ARTICLE_PAGE not in before
    assert ARTICLE_PAGE in after


def test_a_scheduled_articles_page_is_not_found_until_its_moment(client, scheduled_article):
    before = client.get(ARTICLE_PAGE).status_code

    the_moment_comes(scheduled_article)

    assert (before, client.get(ARTICLE_PAGE).status_code) == (404, 200)


def test_staff_preview_a_scheduled_article(editor_client, scheduled_article):
    assert editor_client.get(ARTICLE_PAGE).status_code == 200


def test_staff_previewing_a_scheduled_page_are_told_from_when_the_public_sees_it(editor_client, scheduled_article):
    moment = timezone.localtime(scheduled_article.publish_at)
    thai_page = ARTICLE_PAGE.replace("/en/", "/th/", 1)

    english = editor_client.get(ARTICLE_PAGE).content.decode()
    thai = editor_client.get(thai_page).content.decode()
    the_moment_comes(scheduled_article)

    assert f"the public sees it from {moment.day} {moment:%B %Y, %H:%M}" in english
    assert f"{moment.year + 543}, {moment:%H:%M}" in thai
    assert "the public sees it from" not in editor_client.get(ARTICLE_PAGE).content.decode()


def test_the_search_finds_a_scheduled_article_only_from_its_moment_without_re_indexing(client, scheduled_article):
    before = client.get("/en/search/?q=twenty").content.decode()

    the_moment_comes(scheduled_article)  # no save: the rows were written ahead, at the staff member's save
    after = client.get("/en/search/?q=twenty").content.decode()

    assert ARTICLE_PAGE not in before
    assert ARTICLE_PAGE in after


def test_the_sitemap_lists_a_scheduled_article_only_from_its_moment(client, scheduled_article):
    before = client.get("/sitemap.xml").content.decode()

    the_moment_comes(scheduled_article)

    assert "bangkok-fukuoka-anniversary" not in before
    assert "/en/news/bangkok-fukuoka-anniversary/" in client.get("/sitemap.xml").content.decode()


def test_the_news_feed_and_the_home_page_leave_a_scheduled_article_out(client, scheduled_article):
    make_article(1)

    feed = client.get("/en/news/feed/").content.decode()
    home = client.get("/en/").content.decode()

    assert "/en/news/news-1/" in feed and "/en/news/news-1/" in home
    assert "bangkok-fukuoka-anniversary" not in feed + home


def test_an_empty_moment_or_one_gone_by_publishes_at_once(client):
    make_article(1, publish_at=None)
    make_article(2, publish_at=timezone.now() - datetime.timedelta(days=3))

    assert list(Article.objects.published().values_list("slug", flat=True).order_by("slug")) == ["news-1", "news-2"]


def test_an_unpublished_item_stays_hidden_when_its_moment_comes(client):
    make_article(1, is_published=False, publish_at=timezone.now() - datetime.timedelta(days=1))

    assert client.get("/en/news/news-1/").status_code == 404


# Static pages and partners


def test_a_scheduled_static_page_is_not_found_until_its_moment(client, static_page):
    StaticPage.objects.filter(pk=static_page.pk).update(publish_at=tomorrow())
    before = client.get("/en/page/contact/").status_code

    the_moment_comes(static_page)

    assert (before, client.get("/en/page/contact/").status_code) == (404, 200)


@pytest.mark.parametrize(
    ("model", "fixture", "page", "listing"),
    [
        (SisterCity, "fukuoka", "/en/sister-cities/fukuoka/", "/en/sister-cities/"),
        (CityNetwork, "c40", "/en/networks/c40/", "/en/networks/"),
    ],
)
def test_a_scheduled_partner_is_out_of_its_directory_and_its_page_not_found_until_its_moment(
    client, request, model, fixture, page, listing
):
    partner = request.getfixturevalue(fixture)
    model.objects.filter(pk=partner.pk).update(publish_at=tomorrow())
    before = client.get(page).status_code, page in client.get(listing).content.decode()

    the_moment_comes(partner)

    assert before == (404, False)
    assert (client.get(page).status_code, page in client.get(listing).content.decode()) == (200, True)


def test_a_scheduled_embassy_is_out_of_the_directory_and_the_open_data_until_its_moment(client, embassy):
    Embassy.objects.filter(pk=embassy.pk).update(publish_at=tomorrow())
    before = client.get("/en/embassies/").content.decode() + client.get("/data/embassies.csv").content.decode()

    the_moment_comes(embassy)
    after = client.get("/en/embassies/").content.decode() + client.get("/data/embassies.csv").content.decode()

    assert "Embassy of Japan" not in before
    assert after.count("Embassy of Japan") == 2


def test_a_scheduled_citys_activities_map_marker_and_data_wait_for_it(client, fukuoka, activity):
    SisterCity.objects.filter(pk=fukuoka.pk).update(publish_at=tomorrow())
    before = client.get("/en/").content.decode(), client.get("/data/sister-cities.json").content.decode()

    assert not Activity.objects.published().exists()
    assert not Country.objects.with_published_cities().exists()  # the map's markers
    assert "Fukuoka delegation visits Bangkok" not in before[0] and "fukuoka" not in before[1]

    the_moment_comes(fukuoka)
    after = client.get("/en/").content.decode(), client.get("/data/sister-cities.json").content.decode()

    assert Activity.objects.published().get() == activity
    assert Country.objects.with_published_cities().get().city_count == 1
    assert "Fukuoka delegation visits Bangkok" in after[0] and "fukuoka" in after[1]


def test_the_search_finds_a_scheduled_citys_activity_from_the_citys_moment(client, fukuoka, activity):
    fukuoka.publish_at = tomorrow()
    fukuoka.save()  # as the admin saves it: its activities are re-indexed with it
    before = client.get("/en/search/?q=delegation").content.decode()

    the_moment_comes(fukuoka)

    assert f"#{activity.anchor}" not in before
    assert f"#{activity.anchor}" in client.get("/en/search/?q=delegation").content.decode()


def test_a_buddhist_era_year_typed_as_the_moment_is_refused(fukuoka):
    fukuoka.publish_at = timezone.now().replace(year=2570)

    with pytest.raises(ValidationError) as refused:
        fukuoka.full_clean()

    assert "publish_at" in refused.value.message_dict


# The admin


def thai_admin(client, path):
    client.cookies["django_language"] = "th"
    return client.get(path, HTTP_ACCEPT_LANGUAGE="th").content.decode()


def english_admin(client, path):
    client.cookies["django_language"] = "en"
    return client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/news/article/add/",
        "/admin/pages/staticpage/add/",
        "/admin/relations/sistercity/add/",
        "/admin/relations/citynetwork/add/",
        "/admin/relations/embassy/add/",
    ],
)
def test_each_form_has_the_publish_at_field_with_its_help(editor_client, path):
    html = english_admin(editor_client, path)

    assert 'name="publish_at_0"' in html and 'name="publish_at_1"' in html
    assert "Leave empty to publish as soon as you save" in html


def test_the_list_shows_when_an_item_is_scheduled_for_in_the_buddhist_era_on_the_thai_admin(editor_client):
    make_article(1, publish_at=timezone.make_aware(datetime.datetime(2027, 1, 15, 9, 0)))

    assert "15 มกราคม 2570, 09:00" in thai_admin(editor_client, "/admin/news/article/")
    assert "15 January 2027, 09:00" in english_admin(editor_client, "/admin/news/article/")


def test_the_scheduled_filter_lists_only_what_waits_for_its_moment(editor_client):
    make_article(1, title_en="Out already")
    make_article(2, title_en="Coming tomorrow", publish_at=tomorrow())
    make_article(3, title_en="Out last week", publish_at=timezone.now() - datetime.timedelta(days=7))

    html = english_admin(editor_client, "/admin/news/article/?scheduled=yes")

    assert "Coming tomorrow" in html
    assert "Out already" not in html and "Out last week" not in html
    assert "Preview (scheduled)" in html
