"""Documents of the library built as staff would make them, with small real PDFs."""

import datetime

import pytest
from django.core.files.base import ContentFile

from documents.models import Category, Document


def pdf_bytes(size=2048):
    """A complete PDF of exactly `size` bytes: the header, filler, and the end-of-file marker."""
    head, tail = b"%PDF-1.4\n", b"\nstartxref\n0\n%%EOF\n"
    return head + b"0" * (size - len(head) - len(tail)) + tail


@pytest.fixture
def reports(db):
    # The seed brings the office's categories (fixtures/documents.json); these tests start without it.
    category, _created = Category.objects.get_or_create(
        slug="annual-reports", defaults={"name_th": "รายงานผลการดำเนินงานประจำปี", "name_en": "Annual reports"}
    )
    return category


@pytest.fixture
def manuals(db):
    category, _created = Category.objects.get_or_create(
        slug="manuals", defaults={"name_th": "คู่มือการปฏิบัติงาน", "name_en": "Manuals"}
    )
    return category


def make_document(category, number=1, size=2048, **fields):
    fields = {
        "title_th": f"รายงานประจำปี ฉบับที่ {number}",
        "title_en": f"Annual report no. {number}",
        "published_on": datetime.date(2025, 12, 1),
        **fields,
    }
    document = Document(category=category, **fields)
    document.file.save(f"report-{number}.pdf", ContentFile(pdf_bytes(size)), save=False)
    document.full_clean()
    document.save()
    return document
