"""Reference numbers as a visitor reads them back: either era, with or without the dashes, the kind's letter."""

import pytest

from iad_site.inbox.models import parse_reference


@pytest.mark.parametrize(
    "typed, parsed",
    [
        ("Q-2569-0042", ("Q", 2026, 42)),
        ("Q-2026-0042", ("Q", 2026, 42)),
        ("q 2569 42", ("Q", 2026, 42)),
        ("  V-2570-0001 ", ("V", 2027, 1)),
    ],
)
def test_a_reference_is_read_in_either_era(typed, parsed):
    assert parse_reference(typed) == parsed


@pytest.mark.parametrize("typed", ["", "Q25690042", "2569-0042", "Q-25-1", "somchai@example.org"])
def test_anything_else_is_no_reference(typed):
    assert parse_reference(typed) is None
