"""/ready/, the load balancer's readiness check: 200 while this server reaches its database and its cache, 503
naming what it cannot reach, never cached. (/health/ is the liveness check and touches neither.)"""

import pytest
from django.db.utils import ConnectionHandler

from iad_site.core import views
from scripts.servers import free_port


@pytest.fixture
def unreachable_database(monkeypatch):
    """Every database connection of the view pointed at a port on this machine where nothing listens."""
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "iad",
                "USER": "postgres",
                "HOST": "127.0.0.1",
                "PORT": str(free_port()),
            }
        }
    )
    monkeypatch.setattr(views, "connections", handler)
    yield
    handler.close_all()


@pytest.fixture
def unreachable_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }


@pytest.mark.django_db
def test_ready_answers_ready_while_database_and_cache_answer(client):
    response = client.get("/ready/")

    assert (response.status_code, response["Content-Type"], response.content) == (200, "text/plain", b"ready")


@pytest.mark.django_db
def test_ready_is_never_cached(client):
    response = client.get("/ready/")

    assert "no-store" in response["Cache-Control"]


def test_ready_answers_503_naming_the_database_when_it_is_unreachable(client, unreachable_database):
    response = client.get("/ready/")

    assert (response.status_code, response["Content-Type"]) == (503, "text/plain")
    assert response.content == b"not ready: database 'default' unreachable"


@pytest.mark.django_db
def test_ready_answers_503_naming_the_cache_when_it_is_unreachable(client, unreachable_cache):
    response = client.get("/ready/")

    assert (response.status_code, response["Content-Type"]) == (503, "text/plain")
    assert response.content == b"not ready: cache 'default' unreachable"
