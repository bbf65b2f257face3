"""The benchmark's synthetic visit requests (scripts/performance/synthetic_data.py): spread over fiscal years,
kinds and countries, counted by the figures page like real ones, and removed without touching a real request."""

import pytest

from scripts.performance.synthetic_data import generate, remove
from visits.models import VisitRequest

pytestmark = pytest.mark.django_db


def test_synthetic_requests_spread_over_years_kinds_and_countries_and_go_again(visit, client):
    generate(cities=5, networks=1, embassies=3, activities=0, visits=300, search_index=False)
    synthetic = VisitRequest.objects.exclude(pk=visit.pk)

    years = set(synthetic.values_list("reference_year", flat=True))
    page = client.get("/en/visits/figures/").content.decode()
    remove(search_index=False)

    assert synthetic.count() == 0 and VisitRequest.objects.filter(pk=visit.pk).exists()
    assert len(years) >= 6
    assert "Fiscal year 2021" in page and "Fiscal year 2026" in page
    assert "Synthetic contact" not in page and "Synthetic organisation" not in page  # nothing personal
