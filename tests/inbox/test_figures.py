"""The Thai fiscal year of the service figures: 1 October to 30 September, counted in the Buddhist Era."""

import datetime
import zoneinfo

import pytest

from iad_site.inbox.figures import fiscal_year_dates, fiscal_year_of

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


@pytest.mark.parametrize(
    "day, fiscal_year",
    [
        (datetime.date(2025, 9, 30), 2568),
        (datetime.date(2025, 10, 1), 2569),
        (datetime.date(2026, 9, 30), 2569),
        (datetime.date(2026, 10, 1), 2570),
    ],
)
def test_a_day_belongs_to_the_fiscal_year_that_ends_the_next_september(day, fiscal_year):
    assert fiscal_year_of(day) == fiscal_year


def test_fiscal_year_2569_runs_from_october_2025_to_september_2026():
    assert fiscal_year_dates(2569) == (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))


def test_a_moment_counts_in_bangkok_time(settings):
    # 30 September 2025, 18:00 UTC is already 1 October in Bangkok.
    moment = datetime.datetime(2025, 9, 30, 18, 0, tzinfo=datetime.UTC)

    assert fiscal_year_of(moment) == 2569
