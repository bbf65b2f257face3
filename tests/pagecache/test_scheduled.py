"""The page cache never serves a page older than a scheduled publication (iad_site/pagecache/cache.py): a page
is kept at most until the next "publish at" moment still to come when it was drawn, by the middleware and by
the WSGI layer in front of Django alike; pages are kept as before when nothing is scheduled."""

import datetime
import time

import pytest
from django.utils import timezone

from iad_site.pagecache.cache import CachedPagesApp
from tests.news.conftest import make_article

from .test_cache import RecordingApp, wsgi_get

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

# Long enough for two requests to be served before it, short enough to wait for.
LEAD = datetime.timedelta(seconds=1.5)


def wait_until(moment):
    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 0.05)


@pytest.fixture
def soon(client):
    """An article scheduled a moment from now. The list is drawn once before (its first drawing is the slowest)
    and the save that follows starts the cache afresh."""
    make_article(1)
    client.get("/en/news/")
    moment = timezone.now() + LEAD
    make_article(2, title_en="Published a moment from now", publish_at=moment)
    return moment


def test_a_cached_list_is_not_served_after_a_scheduled_moment(client, soon):
    first, second = client.get("/en/news/"), client.get("/en/news/")

    wait_until(soon)
    after = client.get("/en/news/")

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert "Published a moment from now" not in second.content.decode()
    assert after["X-Cache"] == "MISS"
    assert "Published a moment from now" in after.content.decode()


def test_the_wsgi_layer_stops_serving_the_page_at_the_scheduled_moment(client, soon):
    client.get("/en/news/")
    app = RecordingApp()
    front = CachedPagesApp(app)
    before = wsgi_get(front, "/en/news/")

    wait_until(soon)
    after = wsgi_get(front, "/en/news/")

    assert before["headers"]["X-Cache"] == "HIT" and app.calls == 1
    assert after["body"] == b"from django"  # passed on to Django, which renders it afresh


def test_a_page_drawn_after_the_moment_is_cached_again(client, soon):
    client.get("/en/news/")
    wait_until(soon)

    drawn, again = client.get("/en/news/"), client.get("/en/news/")

    assert (drawn["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    assert "Published a moment from now" in again.content.decode()


def test_a_moment_far_ahead_leaves_pages_cached(client):
    make_article(1, publish_at=timezone.now() + datetime.timedelta(days=30))

    client.get("/en/news/")

    assert client.get("/en/news/")["X-Cache"] == "HIT"
