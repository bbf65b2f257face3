"""A plan's documents are the library's: the plan links each to its PDF in the library, with its size, and
lists an entry whose file is not available yet by its title alone; upgrading moves the plans' files there."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from documents.models import Document
from pages.models import Plan, PlanDocument
from tests.documents.conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans_category(db):
    from documents.models import Category

    category, _created = Category.objects.get_or_create(
        slug="plans", defaults={"name_th": "เอกสารแผน", "name_en": "Plans' documents"}
    )
    return category


def test_a_plan_links_its_document_to_the_librarys_pdf_with_its_size(client, plan, plans_category):
    document = make_document(plans_category, size=3072, title_en="Projects plan 2556")
    PlanDocument.objects.create(plan=plan, title_th="แผนงานโครงการ", title_en="Projects plan", document=document)

    html = client.get(plan.get_absolute_url().replace("/th/", "/en/")).content.decode()

    assert f'<a href="{document.file.url}">Projects plan</a> <span class="meta">(PDF, 3.0\xa0KB)</span>' in html


def test_a_plan_lists_a_document_not_published_in_the_library_without_a_link(client, plan, plans_category):
    document = make_document(plans_category, is_published=False)
    PlanDocument.objects.create(plan=plan, title_th="แผนงานโครงการ", title_en="Projects plan", document=document)

    html = client.get(plan.get_absolute_url().replace("/th/", "/en/")).content.decode()

    assert document.file.url not in html
    assert 'Projects plan</span> <span class="meta">(the file is not available yet)' in html


def test_an_entry_left_without_a_title_takes_the_documents(plan, plans_category):
    document = make_document(plans_category, title_th="แผนปฏิบัติราชการ", title_en="Operating plan")
    entry = PlanDocument(plan=plan, document=document)

    entry.full_clean()

    assert (entry.title_th, entry.title_en) == ("แผนปฏิบัติราชการ", "Operating plan")


@pytest.mark.django_db(transaction=True)
def test_upgrading_moves_each_plans_file_into_the_library_and_keeps_the_rest():
    call_command("migrate", "pages", "0005", verbosity=0)
    old = MigrationExecutor(connection).loader.project_state([("pages", "0005_image_dimensions")]).apps
    plan = old.get_model("pages", "Plan").objects.create(
        title="แผน", title_th="แผน", slug="fy2567", kind="projects", fiscal_year=2567, is_published=True
    )
    entries = old.get_model("pages", "PlanDocument").objects
    entries.create(plan=plan, title_th="แผนงาน", title_en="Plan", file="plans/plan.pdf", file_size=1234, sort_order=1)
    entries.create(plan=plan, title_th="ยังไม่มีไฟล์", file="", sort_order=2)

    call_command("migrate", verbosity=0)  # every app, those that depend on pages too

    moved, waiting = PlanDocument.objects.order_by("sort_order")
    document = moved.document
    assert (document.title_th, document.title_en, document.category.slug) == ("แผนงาน", "Plan", "plans")
    assert (document.file.name, document.file_size, document.fiscal_year) == ("plans/plan.pdf", 1234, 2567)
    assert document.is_published
    assert (waiting.title_th, waiting.document) == ("ยังไม่มีไฟล์", None)
    assert Document.objects.count() == 1 and Plan.objects.count() == 1
