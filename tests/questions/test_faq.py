"""The FAQ: published entries grouped by topic, in both languages, found by the site search; a plain empty
state until staff publish one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from questions.models import FAQEntry, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(topic):
    return FAQEntry.objects.create(
        topic=topic,
        question_th="กรุงเทพมหานครมีเมืองพี่เมืองน้องกี่เมือง",
        question_en="How many sister cities does Bangkok have?",
        answer_th="สามสิบหกเมืองในสิบเก้าประเทศ",
        answer_en="Thirty-six cities in nineteen countries.",
    )


def test_the_faq_shows_a_plain_empty_state_until_staff_publish_entries(client, topic):
    html = client.get("/en/questions/faq/").content.decode()

    assert "The office has not published any frequently asked questions yet." in html


def test_published_entries_are_grouped_under_their_topic(client, entry, topic):
    other = Topic.objects.create(name_th="สถานเอกอัครราชทูต", name_en="Embassies", sort_order=20)
    FAQEntry.objects.create(topic=other, question_th="สถานทูตอยู่ที่ใด", answer_th="ดูรายชื่อสถานทูต")

    html = client.get("/en/questions/faq/").content.decode().split('<main id="main"')[1]

    assert html.index("Sister cities") < html.index("How many sister cities") < html.index("Embassies")
    assert html.index("Embassies") < html.index("สถานทูตอยู่ที่ใด")
    assert '<h3 lang="th">สถานทูตอยู่ที่ใด</h3>' in html


def test_an_unpublished_entry_is_not_shown(client, entry):
    entry.is_published = False
    entry.save()

    assert "How many sister cities" not in client.get("/en/questions/faq/").content.decode()


def test_the_site_search_finds_an_faq_entry(client, entry):
    html = client.get("/th/search/", {"q": "เมืองพี่เมืองน้อง"}).content.decode()

    assert f'href="/th/questions/faq/#faq-{entry.pk}"' in html


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def test_the_faq_page_runs_as_many_queries_with_many_entries_as_with_one(client, entry, topic):
    one = count_queries(client, "/th/questions/faq/")
    other = Topic.objects.create(name_th="อื่น ๆ", sort_order=30)
    for number in range(5):
        FAQEntry.objects.create(topic=other if number % 2 else topic, question_th=f"คำถาม {number}", answer_th="คำตอบ")

    assert count_queries(client, "/th/questions/faq/") == one
