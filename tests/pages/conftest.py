"""Fixtures for the office's pages: the seed content as staff would find it after `manage.py seed`."""

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    call_command("loaddata", "pages", verbosity=0)
