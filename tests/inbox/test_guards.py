"""The guards' pieces: the visitor's address as counted, and a rate limit that never fails a form."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from iad_site.inbox.guards import RateLimit, client_address


@pytest.mark.parametrize(
    "remote, counted",
    [
        ("203.0.113.7", "203.0.113.7"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
    ],
)
def test_an_address_is_counted_as_one_visitor(remote, counted):
    assert client_address(RequestFactory().get("/", REMOTE_ADDR=remote)) == counted


def test_a_forwarded_address_counts_only_behind_a_configured_proxy(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")

    settings.INBOX_CLIENT_ADDRESS_HEADER = ""
    direct = client_address(request)
    settings.INBOX_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"

    assert (direct, client_address(request)) == ("127.0.0.1", "203.0.113.7")


def test_a_rate_limit_lets_the_limit_through_and_refuses_the_next():
    cache.clear()
    limit = RateLimit("test", 2, 60)

    assert [limit.hit("scope", "key") for _ in range(3)] == [True, True, False]


def test_a_rate_limit_keeps_no_address_in_the_cache_key():
    assert "203.0.113.7" not in RateLimit("test", 2, 60)._key("scope", "203.0.113.7")


def test_an_unreachable_cache_lets_the_visitor_through(settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    settings.INBOX_RATE_LIMIT_CACHE = "down"

    assert RateLimit("test", 0, 60).hit("scope", "key") is True
