"""Production settings for the app servers that tests/pagecache/test_scale_out.py starts: everything as in production
except static files, which are served from the source folders (the test is about sharing state, and
production's hashed-name storage would need `collectstatic` first)."""

from iad_site.settings.prod import *  # noqa: F403
from iad_site.settings.prod import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
