"""The news: a list newest first by Thai fiscal year, a page per article, in both languages; each article on
the pages of the partners it is tagged with, on the home page, in the feed, the site search and the sitemap."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from iad_site.core import structured_data
from news.models import Article
from relations.models import Activity

from .conftest import add_photo, make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(response):
    """The titles of the articles a list shows, in order."""
    return re.findall(r'<h[23]><a href="/\w\w/news/[\w-]+/"[^>]*>([^<]+)</a>', response.content.decode())


def main(response):
    html = response.content.decode()
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


# The list


def test_the_list_shows_the_newest_first(client):
    make_article(1, datetime.date(2024, 1, 5))
    make_article(2, datetime.date(2025, 3, 1))
    make_article(3, datetime.date(2024, 7, 9))

    assert titles(client.get("/en/news/")) == ["News 2", "News 3", "News 1"]


def test_the_list_is_paginated(client):
    for day in range(14):
        make_article(day, datetime.date(2025, 1, 1) + datetime.timedelta(days=day))

    response = client.get("/en/news/?page=2")

    assert titles(response) == ["News 1", "News 0"]
    assert "Page 2 of 2" in response.content.decode()


def test_an_article_dated_15_october_2025_is_in_fiscal_year_2569(client):
    october = make_article(1, datetime.date(2025, 10, 15))
    make_article(2, datetime.date(2025, 9, 30))

    assert october.fiscal_year == 2569
    assert titles(client.get("/th/news/?year=2569")) == ["ข่าวที่ 1"]
    assert titles(client.get("/th/news/?year=2568")) == ["ข่าวที่ 2"]


def test_the_fiscal_years_are_offered_in_the_readers_era(client):
    make_article(1, datetime.date(2025, 10, 15))
    make_article(2, datetime.date(2025, 9, 30))

    html = client.get("/en/news/").content.decode()

    assert '<a href="?year=2569">2026</a>' in html and '<a href="?year=2568">2025</a>' in html


@pytest.mark.parametrize("year", ["2570", "abc", "0"])
def test_a_fiscal_year_without_news_is_not_found(client, year):
    make_article(1)

    assert client.get(f"/en/news/?year={year}").status_code == 404


def test_an_empty_list_says_so(client, db):
    assert "No news has been published yet." in client.get("/en/news/").content.decode()


def test_unpublished_news_is_left_out_of_the_list(client):
    make_article(1)
    make_article(2, is_published=False)

    assert titles(client.get("/en/news/")) == ["News 1"]


# The article's page


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("th", "เยาวชนเมืองฟุกุโอกะเยือนกรุงเทพมหานคร", "<strong>สามสิบคน</strong>"),
        ("en", "Fukuoka youth delegation", "<strong>young people</strong>"),
    ],
)
def test_an_article_reads_in_the_pages_language_with_its_html_cleaned(client, tagged, language, title, text):
    html = main(client.get(f"/{language}/news/fukuoka-youth-exchange/"))

    assert re.search(rf"<h1>{title}", html)
    assert text in html
    assert "<script>" not in html


def test_an_article_not_yet_in_english_shows_the_thai_text_marked_as_thai(client):
    make_article(1, title_en="", body_th="<p>ข้อความ</p>")

    html = main(client.get("/en/news/news-1/"))

    assert '<h1 lang="th">ข่าวที่ 1</h1>' in html
    assert '<div lang="th"><p>ข้อความ</p></div>' in html


def test_an_article_links_the_published_partners_it_is_tagged_with(client, tagged, fukuoka, c40):
    c40.is_published = False
    c40.save()

    html = main(client.get("/en/news/fukuoka-youth-exchange/"))

    assert '<a href="/en/sister-cities/fukuoka/">Fukuoka</a>' in html
    assert f'href="/en/embassies/?country=JP#embassy-{tagged.embassies.get().pk}"' in html
    assert "/en/networks/c40/" not in html


def test_the_gallery_shows_each_photo_with_its_description_and_caption(client):
    article = make_article(1)
    add_photo(article, 1, caption_en="The welcome at City Hall")
    add_photo(article, 2)

    html = main(client.get("/en/news/news-1/"))

    assert re.findall(r'<img src="[^"]+gallery-\d[^"]*\.jpg"[^>]* alt="([^"]+)"', html) == ["Photo 1", "Photo 2"]
    assert "<figcaption>The welcome at City Hall</figcaption>" in html


def test_an_unpublished_article_is_not_found_by_visitors_but_staff_preview_it(client, admin_client):
    make_article(1, is_published=False)

    assert client.get("/en/news/news-1/").status_code == 404
    assert "This page is not published. Only staff can see it." in admin_client.get("/en/news/news-1/").content.decode()


def test_an_article_describes_itself_as_a_news_article_published_by_the_office(client, tagged, language):
    html = client.get(f"/{language}/news/fukuoka-youth-exchange/").content.decode()

    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    (article,) = [block for block in blocks if block.get("@type") == "NewsArticle"]
    assert article["headline"] == tagged.title_th if language == "th" else tagged.title_en
    assert article["datePublished"] == "2025-10-15"
    assert article["inLanguage"] == language
    with translation.override(language):
        office = structured_data.organization_reference("http://testserver")
    assert article["publisher"] == office
    assert office["name"] == structured_data.office_names()[language]


# Where else it appears


@pytest.mark.parametrize(("language", "title"), [("th", "เยาวชนเมืองฟุกุโอกะ"), ("en", "Fukuoka youth delegation")])
@pytest.mark.parametrize("partner", ["/sister-cities/fukuoka/", "/networks/c40/", "/embassies/"])
def test_a_tagged_article_appears_on_its_partners_pages_in_each_language(client, tagged, partner, language, title):
    html = main(client.get(f"/{language}{partner}"))

    assert re.search(rf'<a href="/{language}/news/fukuoka-youth-exchange/">{title}', html)


def test_a_partners_page_shows_its_activities_and_news_in_one_timeline_newest_first(client, tagged, fukuoka):
    Activity.objects.create(title_th="ก่อน", title_en="Before", happened_on=datetime.date(2025, 6, 1), city=fukuoka)
    Activity.objects.create(title_th="หลัง", title_en="After", happened_on=datetime.date(2026, 1, 8), city=fukuoka)

    html = main(client.get("/en/sister-cities/fukuoka/"))
    timeline = html.split('id="activities-heading"', 1)[1]

    assert re.findall(r"<h3[^>]*>(?:<a [^>]+>)?([^<]+)<", timeline) == [
        "After",
        "Fukuoka youth delegation visits Bangkok",
        "Before",
    ]


def test_an_article_not_tagged_with_a_partner_stays_off_its_page(client, tagged, fukuoka):
    tagged.cities.remove(fukuoka)

    assert "fukuoka-youth-exchange" not in main(client.get("/en/sister-cities/fukuoka/"))


@pytest.mark.parametrize(("language", "title"), [("th", "เยาวชนเมืองฟุกุโอกะ"), ("en", "Fukuoka youth delegation")])
def test_the_home_page_shows_the_latest_news(client, tagged, language, title):
    html = main(client.get(f"/{language}/"))

    assert re.search(rf'<h3><a href="/{language}/news/fukuoka-youth-exchange/">{title}', html)


def test_the_home_page_shows_the_three_latest_news_newest_first(client):
    for number in range(5):
        make_article(number, datetime.date(2025, 1, 1 + number))

    html = main(client.get("/en/"))
    news = html.split('id="news-title"', 1)[1].split("</section>", 1)[0]

    assert titles_in(news) == ["News 4", "News 3", "News 2"]


def titles_in(html):
    return re.findall(r'<h3><a href="/\w\w/news/[\w-]+/"[^>]*>([^<]+)</a>', html)


def test_the_home_page_has_no_news_section_while_there_is_none(client, db):
    make_article(1, is_published=False)

    assert 'id="news-title"' not in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    ("language", "title"),
    [("th", "เยาวชนเมืองฟุกุโอกะเยือนกรุงเทพมหานคร"), ("en", "Fukuoka youth delegation visits Bangkok")],
)
def test_the_feed_of_each_language_carries_the_article_in_it(client, tagged, language, title):
    response = client.get(f"/{language}/news/feed/")
    root = ET.fromstring(response.content)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")] == [title]
    assert (
        root.find(f"{ATOM}entry/{ATOM}link").get("href") == f"http://testserver/{language}/news/fukuoka-youth-exchange/"
    )


def test_every_page_links_the_news_feed_of_its_language(client, language):
    html = client.get(f"/{language}/").content.decode()

    assert f'<link rel="alternate" type="application/atom+xml" href="/{language}/news/feed/"' in html


@pytest.mark.parametrize(("language", "query"), [("th", "เยาวชน"), ("en", "youth")])
def test_the_site_search_finds_the_article_in_each_language(client, tagged, language, query):
    html = client.get(f"/{language}/search/?q={query}").content.decode()

    assert f'href="/{language}/news/fukuoka-youth-exchange/"' in html


def test_the_site_search_forgets_an_article_once_it_is_unpublished(client, tagged):
    tagged.is_published = False
    tagged.save()

    assert "fukuoka-youth-exchange" not in client.get("/en/search/?q=youth").content.decode()


def test_the_sitemap_lists_each_published_article_in_both_languages(client, tagged):
    make_article(2, is_published=False)

    xml = client.get("/sitemap.xml").content.decode()

    assert "/th/news/fukuoka-youth-exchange/" in xml and "/en/news/fukuoka-youth-exchange/" in xml
    assert "/news/news-2/" not in xml


def test_the_news_list_is_in_the_main_navigation(client):
    assert '<a href="/en/news/">News</a>' in client.get("/en/").content.decode()


def test_photo_description_is_required_in_thai_with_a_lead_photo():
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    from tests.core.conftest import image_bytes

    article = Article(slug="x", title_th="ข่าว", published_on=datetime.date(2025, 1, 1))
    article.photo.save("lead.jpg", ContentFile(image_bytes()), save=False)

    with pytest.raises(ValidationError, match="Describe the photo in Thai"):
        article.full_clean()
