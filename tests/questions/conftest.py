"""Topics as the office lists them, and a visitor's valid question as the Ask form sends it."""

import time

import pytest
from django.core.cache import cache

from iad_site.inbox.guards import started_token
from questions.models import Question, Topic
from tests.inbox.conftest import smtp_server  # noqa: F401  (the mail tests' SMTP server)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()


@pytest.fixture
def topic(db):
    return Topic.objects.create(name_th="เมืองพี่เมืองน้อง", name_en="Sister cities", sort_order=10)


def form_data(topic, /, **changes):
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


@pytest.fixture
def question(ask):
    """A Thai question as the form stored it."""
    _response, stored = ask("th")
    return stored


@pytest.fixture
def editor(db, django_user_model):
    """A staff member in the Editors group, as `manage.py editors_group` sets it up."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("editors_group", verbosity=0)
    user = django_user_model.objects.create_user("malee", "malee@example.org", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor):
    from django.test import Client

    staff = Client()
    staff.force_login(editor)
    return staff


def answer_in_admin(staff_client, question, answer, **changes):
    """Saves an answer on the question's admin form, as staff would; returns the response."""
    from tests.core.conftest import admin_form_data

    url = f"/admin/questions/question/{question.pk}/change/"
    data = admin_form_data(staff_client.get(url), answer=answer, **changes)
    return staff_client.post(url, data)
