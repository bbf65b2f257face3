"""Staff add documents in the admin: a real PDF is accepted and measured; anything else is refused, saying why."""

import pytest

from documents.models import Document
from tests.core.conftest import admin_form_data, upload

from .conftest import pdf_bytes

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/documents/document/add/"


def post_document(admin_client, category, file):
    data = admin_form_data(
        admin_client.get(ADD_URL),
        title_th="รายงานผลการดำเนินงานประจำปีงบประมาณ 2568",
        category=str(category.pk),
        published_on="2025-10-15",
        is_published="on",
        file=file,
    )
    return admin_client.post(ADD_URL, data)


def test_a_pdf_is_accepted_measured_and_filed_under_the_fiscal_year_of_its_date(admin_client, reports):
    response = post_document(admin_client, reports, upload("report.pdf", pdf_bytes(5000), "application/pdf"))

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.file_size, document.fiscal_year) == (5000, 2569)


def test_a_file_that_is_not_a_pdf_is_refused_with_the_reason(admin_client, reports):
    response = post_document(admin_client, reports, upload("report.pdf", b"PK\x03\x04 a Word file renamed"))

    assert response.status_code == 200
    assert [error.code for error in response.context["adminform"].form.errors.as_data()["file"]] == ["not_pdf"]
    assert not Document.objects.exists()
