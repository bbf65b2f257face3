"""Staff editing the office's pages in the admin: Buddhist Era dates refused, one set of home page texts."""

import datetime
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape

from iad_site.core.validators import reject_buddhist_era_year
from pages.models import HomePage, Milestone, StaticPage

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/admin/pages/milestone/",
    "/admin/pages/milestone/2/change/",
    "/admin/pages/plan/",
    "/admin/pages/plan/1/change/",
    "/admin/pages/staticpage/1/change/",
    "/admin/pages/officeunit/",
    "/admin/pages/officeduty/",
    "/admin/pages/organisationchart/1/change/",
    "/admin/pages/homepage/1/change/",
]


def buddhist_era_message(language):
    with translation.override(language):
        try:
            reject_buddhist_era_year(datetime.date(2538, 8, 28))
        except ValidationError as error:
            return error.messages[0]
    raise AssertionError("2538 was accepted")


def milestone_form(happened_on):
    milestone = Milestone.objects.get(pk=1)
    return {
        "title_th": milestone.title_th,
        "title_en": milestone.title_en,
        "happened_on": happened_on,
        "date_precision": "day",
        "summary_th": milestone.summary_th,
        "summary_en": milestone.summary_en,
        "is_published": "on",
        "sort_order": "10",
        "units-TOTAL_FORMS": "0",
        "units-INITIAL_FORMS": "0",
        "units-MIN_NUM_FORMS": "0",
        "units-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_page_opens_for_staff(admin_client, seed_for_reading, path):
    assert admin_client.get(path).status_code == 200


def test_thai_admin_refuses_a_buddhist_era_year_typed_as_common_era(admin_client, seed_for_reading):
    response = admin_client.post("/admin/pages/milestone/1/change/", milestone_form("28/08/2538"))

    assert response.status_code == 200
    assert escape(buddhist_era_message("th")) in response.content.decode()
    assert Milestone.objects.get(pk=1).happened_on is None


def test_english_admin_refuses_a_buddhist_era_year_typed_as_common_era(admin_client, seed_for_reading):
    response = admin_client.post(
        "/admin/pages/milestone/1/change/", milestone_form("28/08/2538"), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert escape(buddhist_era_message("en")) in response.content.decode()


def test_english_admin_accepts_a_day_first_common_era_date(admin_client, seed_for_reading):
    response = admin_client.post(
        "/admin/pages/milestone/1/change/", milestone_form("28/08/1995"), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 302
    assert Milestone.objects.get(pk=1).happened_on == datetime.date(1995, 8, 28)


def test_admin_offers_no_second_set_of_home_page_texts(admin_client, seed_for_reading):
    assert admin_client.get("/admin/pages/homepage/add/").status_code == 403


def test_home_page_list_goes_straight_to_the_one_set_of_texts(admin_client, seed_for_reading):
    response = admin_client.get("/admin/pages/homepage/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/homepage/1/change/"


def test_a_second_set_of_home_page_texts_does_not_validate(seed_for_reading):
    second = HomePage(motto_th="คำขวัญ", welcome_th="ยินดีต้อนรับ")

    with pytest.raises(ValidationError):
        second.full_clean()


class HelpText(HTMLParser):
    """The text and the elements inside the admin's help box for one field (`<div class="help" id=…>`)."""

    def __init__(self, help_id):
        super().__init__()
        self.help_id, self.depth, self.text, self.tags = help_id, 0, "", []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.tags.append(tag)
            self.depth += tag not in ("br", "hr", "img", "input")
        elif tag == "div" and dict(attrs).get("id") == self.help_id:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in ("br", "hr", "img", "input"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text += data


@pytest.mark.parametrize("language", ["th", "en"])
def test_static_page_text_help_reads_as_plain_words(admin_client, language):
    response = admin_client.get("/admin/pages/staticpage/add/", HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(language):
        expected = str(StaticPage._meta.get_field("body").help_text)
    help_box = HelpText("id_body_th_helptext")
    help_box.feed(response.content.decode())

    assert help_box.text.strip() == expected
    assert help_box.tags == ["div"]  # Django's own wrapper, nothing drawn from the text
