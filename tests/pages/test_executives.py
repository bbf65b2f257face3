"""The executives page (ITA item O2): not there until staff publish someone (nothing personal is seeded), then
under the office section with its link on the office page, in the sitemap and the page registry."""

import pytest
from django.core.exceptions import ValidationError

from iad_site.core import sections
from pages.models import Executive

pytestmark = pytest.mark.django_db


@pytest.fixture
def director(db):
    return Executive.objects.create(
        name_th="นางสาวทดสอบ ใจดี",
        name_en="Ms Thodsob Jaidee",
        position_th="ผู้อำนวยการสำนักงานการต่างประเทศ",
        phone="0 2224 1234",
        email="director@example.org",
    )


def test_the_executives_page_is_absent_until_someone_is_published(client, seed):
    Executive.objects.create(name_th="ร่าง", position_th="ร่าง", is_published=False)

    assert client.get("/th/office/executives/").status_code == 404
    assert "/th/office/executives/" not in client.get("/th/office/").content.decode()
    assert "/th/office/executives/" not in client.get("/sitemap.xml").content.decode()
    with pytest.raises(LookupError):  # so public_pages() leaves it out of the walks over this database
        sections.page_type("executives").example_path("th")


def test_a_published_executive_brings_the_page_its_link_and_its_sitemap_entry(client, seed, director):
    html = client.get("/en/office/executives/").content.decode()

    assert "<h2>Ms Thodsob Jaidee</h2>" in html
    assert '<p lang="th">ผู้อำนวยการสำนักงานการต่างประเทศ</p>' in html  # no English yet: the Thai, marked
    assert '<a href="tel:+6622241234">0 2224 1234</a>' in html
    assert 'href="/en/office/executives/"' in client.get("/en/office/").content.decode()
    assert "<loc>http://testserver/th/office/executives/</loc>" in client.get("/sitemap.xml").content.decode()
    assert sections.page_type("executives").example_path("th") == "/th/office/executives/"


def test_staff_preview_an_unpublished_executive(admin_client, director):
    director.is_published = False
    director.save()

    html = admin_client.get("/en/office/executives/").content.decode()

    assert "Not published: only staff see this." in html


def test_a_photo_needs_a_description(director):
    director.photo.name = "executives/director.jpg"
    with pytest.raises(ValidationError) as error:
        director.clean()
    assert "photo_alt_th" in error.value.message_dict


@pytest.mark.parametrize("count", [3, 30])
def test_the_executives_page_runs_the_same_queries_for_3_or_30_people(client, django_assert_num_queries, count):
    Executive.objects.bulk_create(Executive(name_th=f"ผู้บริหาร {n}", position_th="ตำแหน่ง") for n in range(count))

    # The executives, then the contact details for the footer and the JSON-LD.
    with django_assert_num_queries(2):
        response = client.get("/th/office/executives/")

    assert response.content.decode().count('class="card"') == count
