"""WSGI entry point for gunicorn. Production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iad_site.settings.prod")

application = get_wsgi_application()

# Cached public pages are answered before Django builds a request (iad_site/pagecache/).
from iad_site.pagecache.cache import CachedPagesApp  # noqa: E402

application = CachedPagesApp(application)

# The site search's Thai dictionary loads at start-up, not during a visitor's first search.
from iad_site.search.engine import warm_up  # noqa: E402

warm_up()
