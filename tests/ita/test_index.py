"""The ITA public-information index (ita/): a page per fiscal year whose items link where the office answers
each one; a target that is gone or unpublished is flagged to staff and never a dead link to the public; a year
copied to the next in one admin action; a year exported as CSV for Thai Excel."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import translation

from ita.models import ItaItem, ItaYear
from pages.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(admin_client):
    """A superuser whose admin is in English (it opens in Thai)."""
    admin_client.cookies["django_language"] = "en"
    return admin_client


@pytest.fixture
def year(db):
    return ItaYear.objects.create(fiscal_year=2570)


def add_item(year, code, title, **target):
    return ItaItem.objects.create(year=year, code=code, title_th=title, sort_order=year.items.count(), **target)


def test_the_seeded_year_links_each_item_to_its_page(client, seed):
    html = client.get("/th/ita/").content.decode()

    assert '<span class="ita-items__code">O1</span> <a href="/th/office/structure/">โครงสร้าง</a>' in html
    assert '<a href="/th/questions/">E-Service</a>' in html
    assert '<a href="https://www.facebook.com/bangkokiad">Social Network</a>' in html
    assert html.count('<li id="item-') == 9


def test_an_object_target_links_to_its_page(client, year, plan):
    add_item(year, "O10", "แผนปฏิบัติราชการ", target_type=ContentType.objects.get_for_model(Plan), target_id=plan.pk)

    html = client.get("/en/ita/2570/").content.decode()

    assert '<a href="/en/plans/projects-fy2556/" lang="th">แผนปฏิบัติราชการ</a>' in html


def test_an_unpublished_target_is_text_to_the_public_and_flagged_to_staff(client, staff, year, plan):
    plan.is_published = False
    plan.save()
    item = add_item(
        year, "O10", "แผนปฏิบัติราชการ", target_type=ContentType.objects.get_for_model(Plan), target_id=plan.pk
    )

    public = client.get("/th/ita/2570/").content.decode()
    listing = staff.get("/admin/ita/itayear/").content.decode()
    form = staff.get(f"/admin/ita/itayear/{year.pk}/change/").content.decode()

    assert "/plans/projects-fy2556/" not in public
    assert f'<li id="item-{item.pk}">' in public
    assert "O10 แผนปฏิบัติราชการ" in listing.split('class="field-items_to_check"')[1]
    assert "The content is not published." in form


def test_a_deleted_target_and_a_page_the_site_no_longer_has_are_flagged(year, plan):
    plan_item = add_item(year, "O4", "แผน", target_type=ContentType.objects.get_for_model(Plan), target_id=plan.pk)
    page_item = add_item(year, "O5", "หน้า", page="a_page_since_removed")
    plan.delete()

    with translation.override("en"):
        problems = {item.pk: str(item.target_problem) for item in year.items.with_targets()}

    assert problems == {
        plan_item.pk: "The content no longer exists.",
        page_item.pk: "The page no longer exists on this site.",
    }


def test_the_executives_page_is_flagged_until_someone_is_published(year):
    item = add_item(year, "O2", "ผู้บริหาร", page="executives")

    with translation.override("en"):
        assert str(item.resolve().target_problem) == "The page is not published."


def test_staff_copy_a_year_to_the_next_in_one_action(staff, year, plan):
    add_item(year, "O1", "โครงสร้าง", page="structure")
    add_item(year, "O10", "แผน", target_type=ContentType.objects.get_for_model(Plan), target_id=plan.pk)
    add_item(year, "O9", "Social Network", url="https://www.facebook.com/bangkokiad")

    staff.post("/admin/ita/itayear/", {"action": "copy_to_next_year", "_selected_action": [year.pk]}, follow=True)

    copy = ItaYear.objects.get(fiscal_year=2571)
    assert not copy.is_published
    assert [(i.code, i.title_th, i.page, i.target_id, i.url) for i in copy.items.all()] == [
        (i.code, i.title_th, i.page, i.target_id, i.url) for i in year.items.all()
    ]
    assert year.items.count() == 3


def test_copying_onto_a_year_that_has_an_index_changes_nothing(staff, year):
    ItaYear.objects.create(fiscal_year=2571)
    add_item(year, "O1", "โครงสร้าง", page="structure")

    response = staff.post(
        "/admin/ita/itayear/", {"action": "copy_to_next_year", "_selected_action": [year.pk]}, follow=True
    )

    assert "Fiscal year 2571 already has an index." in response.content.decode()
    assert ItaYear.objects.get(fiscal_year=2571).items.count() == 0


def test_a_year_exports_as_csv_that_thai_excel_reads(staff, year):
    add_item(year, "O1", "โครงสร้าง", page="structure")
    add_item(year, "O2", "ผู้บริหาร", page="executives")

    response = staff.post("/admin/ita/itayear/", {"action": "export_csv", "_selected_action": [year.pk]})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1:] == [
        ["2570", "O1", "โครงสร้าง", "", "", "", "http://testserver/th/office/structure/", ""],
        ["2570", "O2", "ผู้บริหาร", "", "", "", "", "The page is not published."],
    ]


def test_an_item_points_at_one_target_only(year):
    item = ItaItem(year=year, title_th="สองเป้าหมาย", page="structure", url="https://example.org/")

    with pytest.raises(ValidationError):
        item.clean()


@pytest.mark.parametrize("count", [8, 80])
def test_the_year_page_runs_the_same_queries_for_8_or_80_items(client, year, plan, django_assert_num_queries, count):
    plan_type = ContentType.objects.get_for_model(Plan)
    ItaItem.objects.bulk_create(
        ItaItem(
            year=year,
            title_th=f"รายการ {n}",
            **({"page": "structure"} if n % 2 else {"target_type": plan_type, "target_id": plan.pk}),
        )
        for n in range(count)
    )

    # The year, its items with their content types, the plans pointed at, the other years, the contact details.
    with django_assert_num_queries(5):
        response = client.get("/th/ita/2570/")

    assert response.content.decode().count('<li id="item-') == count
