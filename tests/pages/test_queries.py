"""The plan list runs the same number of queries with 30 plans as with 300 (no query per row)."""

import pytest

from pages.models import Plan, PlanDocument

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [30, 300])
def test_plan_list_query_count_does_not_grow_with_plans(client, db, django_assert_num_queries, count):
    plans = Plan.objects.bulk_create(
        Plan(title_th=f"แผน {n}", slug=f"plan-{n}", kind=Plan.Kind.MONTHLY, fiscal_year=2500 + n % 60)
        for n in range(count)
    )
    PlanDocument.objects.bulk_create(PlanDocument(plan=plan, title_th="เอกสาร") for plan in plans)

    with django_assert_num_queries(2):  # the plans with their counts, the contact details (footer, JSON-LD)
        response = client.get("/th/plans/")

    assert response.content.decode().count('class="card"') == count
