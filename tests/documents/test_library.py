"""The document library: categories with documents, one fiscal year at a time, each PDF's size given before it
is downloaded; only what is published; found by the site search and listed in the sitemap."""

import datetime
import re

import pytest

from documents.models import Document
from iad_site.search.models import SearchDocument

from .conftest import make_document

pytestmark = pytest.mark.django_db


def entries(response):
    """The titles of the documents a category's page lists."""
    return re.findall(r'<li id="document-\d+">\s*<a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode())


def test_a_category_lists_the_latest_fiscal_years_documents_newest_first(client, reports):
    make_document(reports, 1, fiscal_year=2567, published_on=datetime.date(2024, 12, 1))
    make_document(reports, 2, fiscal_year=2568, published_on=datetime.date(2025, 1, 10))
    make_document(reports, 3, fiscal_year=2568, published_on=datetime.date(2025, 3, 5))

    response = client.get("/en/documents/annual-reports/")

    assert entries(response) == ["Annual report no. 3", "Annual report no. 2"]
    assert "Fiscal year 2025 (October 2024 – September 2025)" in response.content.decode()


def test_a_category_lists_another_fiscal_year_when_asked(client, reports):
    make_document(reports, 1, fiscal_year=2567)
    make_document(reports, 2, fiscal_year=2568)

    response = client.get("/th/documents/annual-reports/?year=2567")

    assert entries(response) == ["รายงานประจำปี ฉบับที่ 1"]
    assert '<a href="?year=2568">2568</a>' in response.content.decode()


def test_a_fiscal_year_with_no_documents_in_the_category_is_not_found(client, reports):
    make_document(reports, 1, fiscal_year=2567)

    assert client.get("/en/documents/annual-reports/?year=2570").status_code == 404


def test_a_category_lists_its_own_documents_only(client, reports, manuals):
    make_document(reports, 1)
    make_document(manuals, 2)

    assert entries(client.get("/en/documents/manuals/")) == ["Annual report no. 2"]


@pytest.mark.parametrize(
    ("language", "size", "shown"), [("en", 2048, "(PDF, 2.0\xa0KB"), ("th", 600, "(PDF, 600\xa0ไบต์")]
)
def test_each_documents_format_and_size_are_shown_beside_its_link_in_the_pages_language(
    client, reports, language, size, shown
):
    make_document(reports, size=size)

    assert shown in client.get(f"/{language}/documents/annual-reports/").content.decode()


def test_the_size_is_stored_when_the_file_arrives(reports):
    assert make_document(reports, size=4321).file_size == 4321


def test_the_fiscal_year_is_taken_from_the_date_when_left_empty(reports):
    # The Thai government's year 2569 began on 1 October 2025.
    document = make_document(reports, published_on=datetime.date(2025, 10, 15), fiscal_year=None)

    assert document.fiscal_year == 2569


def test_the_library_lists_the_categories_that_hold_published_documents(client, reports, manuals):
    make_document(reports)
    make_document(manuals, is_published=False)

    html = client.get("/en/documents/").content.decode()

    assert 'href="/en/documents/annual-reports/"' in html
    assert "/documents/manuals/" not in html
    assert "1 document · latest: fiscal year 2026" in html


def test_an_empty_library_says_so(client, db):
    assert "No documents have been published yet." in client.get("/en/documents/").content.decode()


def test_a_category_without_published_documents_has_no_public_page(client, reports):
    make_document(reports, is_published=False)

    assert client.get("/en/documents/annual-reports/").status_code == 404


def test_an_unpublished_category_hides_its_documents(client, reports):
    make_document(reports)
    reports.is_published = False
    reports.save()

    assert client.get("/en/documents/annual-reports/").status_code == 404
    assert not Document.objects.published().exists()


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_site_search_finds_a_document_at_its_entry_in_its_categorys_list(client, reports, language):
    document = make_document(reports, 7, fiscal_year=2568)

    row = SearchDocument.objects.get(model="documents.document", language=language)

    assert row.url == f"/{language}/documents/annual-reports/?year=2568#document-{document.pk}"
    assert row.url.split("#")[0] in client.get(f"/{language}/search/?q={row.title.split()[0]}").content.decode()


def test_the_sitemap_lists_each_category_with_documents(client, reports, manuals):
    make_document(reports)

    xml = client.get("/sitemap.xml").content.decode()

    assert "/th/documents/annual-reports/" in xml and "/en/documents/annual-reports/" in xml
    assert "/documents/manuals/" not in xml


def test_the_seed_brings_the_offices_categories_each_shown_once_it_holds_a_document(client, seed):
    from documents.models import Category

    assert list(Category.objects.values_list("slug", flat=True)) == [
        "laws-and-regulations",
        "annual-reports",
        "manuals",
        "newsletters",
        "plans",
    ]
    assert "No documents have been published yet." in client.get("/en/documents/").content.decode()
    make_document(Category.objects.get(slug="newsletters"))
    assert 'href="/en/documents/newsletters/"' in client.get("/en/documents/").content.decode()
