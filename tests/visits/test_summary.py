"""After a visit, staff write a short bilingual summary in the visit's admin and publish it: it becomes the sister
city's exchange or activity (relations.Activity) and appears in that city's one timeline; not before it is
published, and never for a visit that is not completed or names no sister city or city network."""

import pytest

from relations.models import Activity, Country, Embassy, SisterCity
from tests.core.conftest import admin_form_data
from visits.models import VisitStatus

pytestmark = pytest.mark.django_db

CITY_PAGE = "/en/sister-cities/fukuoka/"


@pytest.fixture
def fukuoka(db):
    japan = Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")
    return SisterCity.objects.create(
        slug="fukuoka", name_th="ฟุกุโอกะ", name_en="Fukuoka", country=japan, is_published=True
    )


@pytest.fixture
def completed_visit(visit, fukuoka):
    visit.sister_city = fukuoka
    visit.set_status(VisitStatus.COMPLETED)
    visit.save()
    return visit


def save_summary(staff_client, visit, published, **changes):
    url = f"/admin/visits/visitrequest/{visit.pk}/change/"
    summary = {
        "summary-0-title_th": "คณะผู้แทนนครฟุกุโอกะเยือนกรุงเทพมหานคร",
        "summary-0-title_en": "A delegation of Fukuoka City visits Bangkok",
        "summary-0-text_th": "หารือเรื่องการจัดการน้ำท่วม",
        "summary-0-text_en": "Talks on flood management.",
    }
    data = admin_form_data(staff_client.get(url), **summary, **changes)
    data.pop("summary-0-is_published", None)  # an unticked box is not sent
    if published:
        data["summary-0-is_published"] = "on"
    return staff_client.post(url, data)


def test_a_published_summary_appears_on_the_sister_citys_page(completed_visit, editor_client, client):
    response = save_summary(editor_client, completed_visit, published=True)

    page = client.get(CITY_PAGE).content.decode()

    assert response.status_code == 302
    assert "A delegation of Fukuoka City visits Bangkok" in page
    assert "Talks on flood management." in page
    assert "คณะผู้แทนนครฟุกุโอกะเยือนกรุงเทพมหานคร" in client.get("/th/sister-cities/fukuoka/").content.decode()


def test_a_summary_does_not_appear_before_it_is_published(completed_visit, editor_client, client):
    save_summary(editor_client, completed_visit, published=False)

    before = client.get(CITY_PAGE).content.decode()
    save_summary(editor_client, completed_visit, published=True)
    after = client.get(CITY_PAGE).content.decode()

    assert "A delegation of Fukuoka City visits Bangkok" not in before
    assert "A delegation of Fukuoka City visits Bangkok" in after
    assert Activity.objects.count() == 1  # published in place: one activity, updated, not a second


def test_unpublishing_takes_it_off_the_page(completed_visit, editor_client, client):
    save_summary(editor_client, completed_visit, published=True)
    save_summary(editor_client, completed_visit, published=False)

    assert "A delegation of Fukuoka City visits Bangkok" not in client.get(CITY_PAGE).content.decode()


def test_a_visit_not_completed_cannot_publish_its_summary(visit, fukuoka, editor_client, client):
    visit.sister_city = fukuoka
    visit.set_status(VisitStatus.SCHEDULED)
    visit.save()

    response = save_summary(editor_client, visit, published=True, status=VisitStatus.SCHEDULED)

    assert response.status_code == 200  # the form again, with the message
    assert "เผยแพร่สรุปได้เมื่อการเยือนเสร็จสิ้นแล้ว" in response.content.decode()  # the admin is in Thai
    assert not Activity.objects.exists()


def test_a_visit_naming_only_an_embassy_has_no_page_for_its_summary(visit, editor_client):
    japan = Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")
    visit.embassy = Embassy.objects.create(name_th="สถานเอกอัครราชทูตญี่ปุ่น", country=japan)
    visit.set_status(VisitStatus.COMPLETED)
    visit.save()

    response = save_summary(editor_client, visit, published=True)

    assert response.status_code == 200
    assert "เลือกเมืองพี่เมืองน้องหรือเครือข่ายเมืองที่การเยือนเกี่ยวข้อง" in response.content.decode()
    assert not Activity.objects.exists()
