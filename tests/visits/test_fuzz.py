"""Random posts to the visit request form: any text in every field, dates in any shape (either era, impossible,
far too large), a valid or forged start time, a real or made-up kind. Refused, shown again or stored, never a
server error."""

import time

import pytest
from django.test import Client, override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from iad_site.inbox.guards import started_token
from tests.test_fuzz import FUZZ, SCALE
from visits.forms import VisitRequestForm

pytestmark = pytest.mark.django_db

FIELDS = [name for name in VisitRequestForm._meta.fields if name != "official_letter"] + ["website"]
dates = st.builds(
    "{:02d}/{:02d}/{:04d}".format, st.integers(0, 40), st.integers(0, 14), st.integers(0, 9999)
) | st.sampled_from(["2027-02-30", "31/12/9999", "15/01/2570", "1/1/1", "//", "2570"])
values = st.text(max_size=60) | st.sampled_from(["", "1", "0", "-5", "on", "9" * 20])
# Far too much text, in the two long fields only: across every field it would be more than Hypothesis draws.
long_values = values | st.text(min_size=3000, max_size=5000)


@given(data=st.data(), language=st.sampled_from(["th", "en"]))
@settings(FUZZ, max_examples=40 * SCALE)
def test_random_visit_requests_never_cause_a_server_error(kind, data, language):
    strategy = {name: dates if name.endswith(("_start", "_end")) else values for name in FIELDS}
    strategy.update(purpose=long_values, topics=long_values)
    fields = data.draw(st.fixed_dictionaries({}, optional=strategy), label="fields")
    fields["started"] = data.draw(st.sampled_from([started_token(time.time() - 60), started_token(), ""]))
    if data.draw(st.booleans(), label="real kind"):
        fields["kind"] = str(kind.pk)

    with override_settings(INBOX_RATE_LIMITS={"address": (10_000, 3600), "email": (10_000, 86400)}):
        response = Client().post(f"/{language}/visits/request/", fields)

    assert response.status_code in (200, 303, 400), f"{response.status_code}: {fields!r}"
