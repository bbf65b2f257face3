"""Settings for the test suite: fast password hashing, plain static storage, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="iad-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="iad-test-private-")
# The page cache is off so one test's cached page never answers another's; the tests of what production serves
# turn it on with the page_cache fixture (tests/conftest.py). Always local memory (never a shared Redis), with
# this run's own generation file.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_ENABLED = False
PAGE_CACHE_GENERATION_FILE = tempfile.mkdtemp(prefix="iad-test-cache-") + "/generation"
