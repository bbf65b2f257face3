"""The library's pages run the same number of queries with 3 times the rows (no query per row)."""

import pytest

from documents.models import Category

from .conftest import make_document

pytestmark = pytest.mark.django_db

# Every page also reads the office's contact details for its footer.
INDEX_QUERIES = 2  # the published categories with their counts and latest years
CATEGORY_QUERIES = 4  # the category, its fiscal years, that year's documents


def add_categories(count, start=0):
    for number in range(start, start + count):
        make_document(Category.objects.create(slug=f"category-{number}", name_th=f"หมวด {number}"), number)


def test_the_library_index_runs_the_same_queries_with_more_categories(client, django_assert_num_queries):
    add_categories(5)
    with django_assert_num_queries(INDEX_QUERIES):
        client.get("/th/documents/")
    add_categories(10, start=5)

    with django_assert_num_queries(INDEX_QUERIES):
        client.get("/th/documents/")


def test_a_category_page_runs_the_same_queries_with_more_documents_and_years(
    client, reports, django_assert_num_queries
):
    for number in range(5):
        make_document(reports, number, fiscal_year=2560 + number % 3)
    with django_assert_num_queries(CATEGORY_QUERIES):
        client.get("/en/documents/annual-reports/?year=2560")
    for number in range(5, 15):
        make_document(reports, number, fiscal_year=2560 + number % 9)

    with django_assert_num_queries(CATEGORY_QUERIES):
        client.get("/en/documents/annual-reports/?year=2560")
