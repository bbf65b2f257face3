"""Topics as the office lists them, and a visitor's valid question as the Ask form sends it."""

import time

import pytest
from django.core.cache import cache

from iad_site.inbox.guards import started_token
from questions.models import Question, Topic


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()


@pytest.fixture
def topic(db):
    return Topic.objects.create(name_th="เมืองพี่เมืองน้อง", name_en="Sister cities", sort_order=10)


def form_data(topic, **changes):
    """What a person's browser sends after filling in the form for a minute."""
    data = {
        "name": "สมชาย ใจดี",
        "email": "somchai@example.org",
        "organisation": "",
        "country": "ไทย",
        "topic": str(topic.pk),
        "question": "กรุงเทพมหานครมีเมืองพี่เมืองน้องในญี่ปุ่นกี่เมือง",
        "website": "",
        "started": started_token(time.time() - 60),
    }
    return {**data, **changes}


@pytest.fixture
def ask(client, topic):
    """Posts the form in a language and returns (response, the stored question or None)."""

    def post(language="th", **changes):
        response = client.post(f"/{language}/questions/", form_data(topic, **changes))
        return response, Question.objects.order_by("-pk").first()

    return post
