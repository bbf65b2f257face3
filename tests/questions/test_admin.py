"""The staff inbox: editors see and work it (status, answer, filters, search by reference, spam in one action,
history, FAQ from a consenting question, the waiting count on the admin home); staff without the permissions and
anonymous visitors see none of it."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from reversion.models import Version

from iad_site.inbox.models import RequestStatus
from questions.models import FAQEntry, Question, Topic

from .conftest import answer_in_admin

pytestmark = pytest.mark.django_db

INBOX = "/admin/questions/question/"


@pytest.fixture
def plain_staff_client(db, django_user_model):
    """Staff who may sign in to the admin but were given no permission on questions."""
    user = django_user_model.objects.create_user("guest", password="a-long-password-2", is_staff=True)
    staff = Client()
    staff.force_login(user)
    return staff


def listed(response):
    return sorted(question.pk for question in response.context["cl"].result_list)


def test_an_editor_sees_the_inbox_with_the_question(question, editor_client):
    response = editor_client.get(INBOX)

    assert response.status_code == 200
    assert question.reference() in response.content.decode()


def test_the_admin_home_counts_the_questions_waiting_for_an_answer(ask, editor_client):
    ask("th")
    ask("en")
    answered = Question.objects.first()
    answered.set_status(RequestStatus.ANSWERED)
    answered.save()

    html = editor_client.get("/admin/").content.decode()

    # The link to the waiting questions, its text naming their number (in the admin's language).
    assert re.search(r'href="/admin/questions/question/\?status__in=new,in_progress">[^<]*\b1\b[^<]*</a>', html)


@pytest.mark.parametrize("path", [INBOX, "{pk}/change/", "{pk}/history/"])
def test_staff_without_the_permission_never_see_a_question(question, plain_staff_client, path):
    url = path.format(pk=question.pk) if path.startswith("{") else path
    url = url if url.startswith("/") else f"{INBOX}{url}"

    response = plain_staff_client.get(url)

    assert response.status_code in (302, 403)
    assert question.name not in response.content.decode()


def test_the_admin_home_shows_no_count_to_staff_without_the_permission(question, plain_staff_client):
    assert "waiting" not in plain_staff_client.get("/admin/").content.decode()


def test_an_anonymous_visitor_is_sent_to_the_sign_in_page(question):
    response = Client().get(f"{INBOX}{question.pk}/change/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_saving_an_answer_records_who_answered_and_when(question, editor_client, editor):
    response = answer_in_admin(editor_client, question, "คำตอบ")

    question.refresh_from_db()
    assert response.status_code == 302
    assert (question.status, question.answered_by) == (RequestStatus.ANSWERED, editor)
    assert abs((timezone.now() - question.answered_at).total_seconds()) < 60


def test_saving_an_answer_keeps_a_revision_in_the_history(question, editor_client):
    answer_in_admin(editor_client, question, "คำตอบแรก")
    answer_in_admin(editor_client, question, "คำตอบที่แก้แล้ว")

    assert Version.objects.get_for_object(question).count() == 2
    assert editor_client.get(f"{INBOX}{question.pk}/history/").status_code == 200


def test_the_admin_log_names_a_question_by_its_reference_only(question, editor_client):
    answer_in_admin(editor_client, question, "คำตอบ")

    assert LogEntry.objects.get().object_repr == question.reference()


def test_a_reference_finds_its_question_in_either_era(ask, editor_client):
    ask("th")
    _response, second = ask("th")
    year = second.reference_year

    thai = editor_client.get(INBOX, {"q": f"Q-{year + 543}-0002"})
    english = editor_client.get(INBOX, {"q": f"q {year} 2"})

    assert listed(thai) == listed(english) == [second.pk]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"status__exact": "new"}, ["new"]),
        ({"language__exact": "en"}, ["english"]),
        ({"age": "older"}, ["old"]),
        ({"age": "week"}, ["new", "english", "other topic"]),
    ],
)
def test_the_inbox_filters_by_status_language_and_age(ask, editor_client, filters, expected):
    questions = {}
    _r, questions["new"] = ask("th")
    _r, questions["english"] = ask("en")
    _r, questions["old"] = ask("th")
    _r, questions["other topic"] = ask("th", topic=str(Topic.objects.create(name_th="อื่น ๆ").pk))
    Question.objects.filter(pk=questions["old"].pk).update(
        received_at=timezone.now() - timezone.timedelta(days=40), status=RequestStatus.CLOSED
    )
    Question.objects.filter(pk__in=[questions["english"].pk, questions["other topic"].pk]).update(
        status=RequestStatus.IN_PROGRESS
    )

    response = editor_client.get(INBOX, filters)

    assert listed(response) == sorted(questions[name].pk for name in expected)


def test_the_inbox_filters_by_topic(ask, editor_client, topic):
    other = Topic.objects.create(name_th="อื่น ๆ", name_en="Other")
    _r, mine = ask("th")
    ask("th", topic=str(other.pk))

    assert listed(editor_client.get(INBOX, {"topic__id__exact": topic.pk})) == [mine.pk]


def test_staff_mark_questions_as_spam_in_one_action(ask, editor_client):
    ask("th")
    ask("en")
    pks = [str(pk) for pk in Question.objects.values_list("pk", flat=True)]

    response = editor_client.post(INBOX, {"action": "mark_spam", "_selected_action": pks})

    assert response.status_code == 302
    assert set(Question.objects.values_list("status", flat=True)) == {RequestStatus.SPAM}


def test_staff_make_an_unpublished_faq_entry_from_a_consenting_answered_question(ask, editor_client):
    _r, question = ask("th", publish_consent="on")
    answer_in_admin(editor_client, question, "มีสามเมือง")

    response = editor_client.post(f"{INBOX}{question.pk}/make-faq/")

    entry = FAQEntry.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/questions/faqentry/{entry.pk}/change/"
    assert (entry.question_th, entry.answer_th, entry.is_published) == (question.question, "มีสามเมือง", False)
    page = editor_client.get(response["Location"]).content.decode()
    with translation.override("th"):  # the admin's language
        consent = gettext(
            "The asker of %(reference)s agreed to publication as an FAQ, without their name or anything that "
            "identifies them."
        ) % {"reference": question.reference()}
    assert consent in page


def test_a_question_without_the_askers_consent_never_becomes_an_faq_entry(question, editor_client):
    answer_in_admin(editor_client, question, "มีสามเมือง")

    editor_client.post(f"{INBOX}{question.pk}/make-faq/")

    assert FAQEntry.objects.count() == 0
