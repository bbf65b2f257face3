"""The admin's address is not the well-known /admin/ in production: ADMIN_URL names it."""

import importlib
import subprocess

import pytest
from django.urls import clear_url_caches

from scripts.servers import PYTHON, ROOT
from tests.security.production import production_env


@pytest.fixture
def admin_at(settings):
    """Reloads the URLs with ADMIN_URL changed, as a fresh start with that environment would."""
    import iad_site.urls

    def move(path):
        settings.ADMIN_URL = path
        importlib.reload(iad_site.urls)
        clear_url_caches()

    yield move
    settings.ADMIN_URL = "admin/"
    importlib.reload(iad_site.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_admin_address_comes_from_admin_url_setting(client, admin_at):
    admin_at("office-staff-7f3a/")

    assert client.get("/office-staff-7f3a/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404


def test_admin_url_is_read_from_the_environment():
    result = subprocess.run(
        [PYTHON, "-c", "from django.conf import settings; print(settings.ADMIN_URL)"],
        cwd=ROOT,
        env=production_env(ADMIN_URL="/back-office"),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "back-office/"
