"""The admin home shows what needs doing (templates/admin/index.html, iad_site/core/dashboard.py): requests from
the public still open, items lacking English, what is scheduled and when, the last changes and by whom; each
block in Thai (Buddhist Era) and English, only what the staff member may see, never a visitor's name, and
a number of queries that does not grow with the data."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from iad_site.inbox.models import RequestStatus
from questions.models import Question, Topic
from relations.models import Country, SisterCity
from tests.core.conftest import admin_form_data
from tests.news.conftest import make_article
from tests.questions.conftest import form_data as question_form
from tests.visits.conftest import form_data as visit_form
from visits.models import VisitKind, VisitRequest

pytestmark = pytest.mark.django_db

ASKER = "สมชาย ใจดี"


def home(client, language):
    client.cookies["django_language"] = language
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def block(html, block_id):
    """The dashboard block with that id, or '' when the home shows none."""
    found = re.search(rf'<div class="module[^"]*" id="{block_id}">(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


@pytest.fixture
def superuser_client(db):
    user = User.objects.create_superuser("nittaya", "nittaya@example.org", "a-long-password-1")
    user.first_name, user.last_name = "Nittaya", "Srisuk"
    user.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def plain_staff_client(db):
    client = Client()
    client.force_login(User.objects.create_user("staff", "staff@example.org", "a-long-password-1", is_staff=True))
    return client


def ask(topic, **changes):
    cache.clear()  # the form's rate limits are counted in the cache
    Client().post("/th/questions/", question_form(topic, **changes))
    return Question.objects.order_by("-pk").first()


def request_visit(kind):
    cache.clear()
    Client().post("/en/visits/request/", visit_form(kind))
    return VisitRequest.objects.order_by("-pk").first()


@pytest.fixture
def topic(db):
    return Topic.objects.create(name_th="เมืองพี่เมืองน้อง", name_en="Sister cities")


@pytest.fixture
def kind(db):
    return VisitKind.objects.create(name_th="ศึกษาดูงาน", name_en="Study visit")


def thai_only_city(number, country):
    return SisterCity.objects.create(slug=f"city-{number}", name_th=f"เมือง {number}", country=country)


@pytest.fixture
def country(db):
    return Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")


# Requests from the public


def test_the_home_counts_the_open_questions_and_visit_requests_with_links_to_them(superuser_client, topic, kind):
    ask(topic)
    answered = ask(topic)
    answered.set_status(RequestStatus.ANSWERED)
    answered.save()
    request_visit(kind)

    for language in ("en", "th"):
        waiting = block(home(superuser_client, language), "waiting-requests")
        assert re.search(r'href="/admin/questions/question/\?status__in=new,in_progress">[^<]*\b1\b', waiting)
        assert re.search(r'href="/admin/visits/visitrequest/\?status__in=new,in_progress">[^<]*\b1\b', waiting)


def test_the_home_never_shows_an_askers_name(superuser_client, topic):
    question = ask(topic, name=ASKER)
    change = f"/admin/questions/question/{question.pk}/change/"
    form = superuser_client.get(change)
    superuser_client.post(change, admin_form_data(form, status=RequestStatus.IN_PROGRESS))

    html = home(superuser_client, "en")

    # The change is listed, by the reference (in the Thai admin's era, where it was made).
    assert question.reference("th") in block(html, "recent-changes")
    assert ASKER not in html


# English missing


def test_the_home_lists_per_kind_the_items_lacking_english_with_a_link_to_them(superuser_client, country):
    thai_only_city(1, country)
    thai_only_city(2, country)
    SisterCity.objects.create(slug="osaka", name_th="โอซากา", name_en="Osaka", country=country)

    english = block(home(superuser_client, "en"), "english-missing")
    thai = block(home(superuser_client, "th"), "english-missing")

    assert re.search(
        r'href="/admin/relations/sistercity/\?english=missing">Sister cities: 2 items lack English<', english
    )
    assert 'href="/admin/relations/sistercity/?english=missing"' in thai
    assert "Countries" not in english  # Japan has its English name


# Scheduled


def test_the_home_lists_what_is_scheduled_soonest_first_with_its_moment(superuser_client, country):
    later = make_article(1, title_en="Later news", publish_at=timezone.make_aware(datetime.datetime(2027, 3, 2, 14)))
    sooner = SisterCity.objects.create(
        slug="busan",
        name_th="ปูซาน",
        name_en="Busan",
        country=country,
        publish_at=timezone.make_aware(datetime.datetime(2027, 1, 15, 9)),
    )
    make_article(2, title_en="Out already")

    english = block(home(superuser_client, "en"), "scheduled")
    thai = block(home(superuser_client, "th"), "scheduled")

    assert english.index("15 January 2027, 09:00") < english.index("2 March 2027, 14:00")
    assert f'<a href="/admin/relations/sistercity/{sooner.pk}/change/">Busan</a>' in english
    assert f'<a href="/admin/news/article/{later.pk}/change/">Later news</a>' in english
    assert "Out already" not in english
    assert "15 มกราคม 2570, 09:00" in thai and "2 มีนาคม 2570, 14:00" in thai
    assert '<a href="/admin/relations/sistercity/' in thai and "ปูซาน" in thai


def test_the_home_leaves_out_what_is_already_public(superuser_client):
    make_article(1, title_en="Published last week", publish_at=timezone.now() - datetime.timedelta(days=7))

    assert block(home(superuser_client, "en"), "scheduled") == ""


# Last changes


def test_the_home_lists_the_last_changes_with_who_made_them_and_a_link(superuser_client, country):
    superuser_client.cookies["django_language"] = "en"  # an item is named as the admin named it when changed
    city = SisterCity.objects.create(slug="osaka", name_th="โอซากา", name_en="Osaka", country=country)
    change = f"/admin/relations/sistercity/{city.pk}/change/"
    superuser_client.post(change, admin_form_data(superuser_client.get(change), name_en="Osaka City"))
    gone = SisterCity.objects.create(slug="nara", name_th="นารา", name_en="Nara", country=country)
    superuser_client.post(f"/admin/relations/sistercity/{gone.pk}/delete/", {"post": "yes"})

    english = block(home(superuser_client, "en"), "recent-changes")
    thai = block(home(superuser_client, "th"), "recent-changes")

    rows = re.findall(r"<tr>(.*?)</tr>", english, re.S)[1:]
    assert "Nara" in rows[0] and "Deleted" in rows[0] and "<a " not in rows[0]  # newest first; gone: no link
    assert f'<a href="{change}">Osaka City</a>' in rows[1] and "Changed" in rows[1]
    assert all("Nittaya Srisuk" in row for row in rows)
    assert str(timezone.localdate().year) in rows[1]
    assert str(timezone.localdate().year + 543) in thai and f'<a href="{change}">' in thai


def test_the_home_shows_ten_changes_at_most(superuser_client, country):
    city = SisterCity.objects.create(slug="osaka", name_th="โอซากา", name_en="Osaka", country=country)
    change = f"/admin/relations/sistercity/{city.pk}/change/"
    for number in range(12):
        superuser_client.post(change, admin_form_data(superuser_client.get(change), name_en=f"Osaka {number}"))

    rows = re.findall(r"<tr>", block(home(superuser_client, "en"), "recent-changes"))

    assert len(rows) == 1 + 10  # the heading row and ten changes


def test_staff_without_permissions_see_no_block(superuser_client, plain_staff_client, country, topic):
    thai_only_city(1, country)
    make_article(1, publish_at=timezone.now() + datetime.timedelta(days=1))
    question = ask(topic)
    change = f"/admin/questions/question/{question.pk}/change/"
    superuser_client.post(change, admin_form_data(superuser_client.get(change), status=RequestStatus.IN_PROGRESS))

    html = home(plain_staff_client, "en")

    for block_id in ("waiting-requests", "english-missing", "scheduled", "recent-changes"):
        assert f'id="{block_id}"' not in html
    assert id_present_for_superuser(superuser_client)


def id_present_for_superuser(client):
    html = home(client, "en")
    return all(f'id="{block_id}"' in html for block_id in ("english-missing", "scheduled", "recent-changes"))


# Cost


def queries_of_the_home(client):
    client.cookies["django_language"] = "en"
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    return len(queries)


def add_one_of_each(number, client, country, topic, kind):
    city = thai_only_city(number, country)
    make_article(number, publish_at=timezone.now() + datetime.timedelta(days=number))
    ask(topic)
    request_visit(kind)
    change = f"/admin/relations/sistercity/{city.pk}/change/"
    client.post(change, admin_form_data(client.get(change), name_en=f"City {number}"))


def test_the_homes_number_of_queries_does_not_grow_with_the_data(superuser_client, country, topic, kind):
    add_one_of_each(1, superuser_client, country, topic, kind)
    few = queries_of_the_home(superuser_client)
    for number in range(2, 8):
        add_one_of_each(number, superuser_client, country, topic, kind)

    assert queries_of_the_home(superuser_client) == few
