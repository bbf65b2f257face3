"""The benchmark's baseline: the barest Django there is, one view returning a fixed 5 KB HTML page.

Settings, URLs and the WSGI application in one module, served by gunicorn with the same options as the
site (`gunicorn scripts.performance.bench_baseline:application`). Whatever this reaches is the ceiling for Django
under gunicorn on this machine; `make bench` reports each page of the site as a share of it.
"""

import os

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "baseline-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = __name__
INSTALLED_APPS = []
MIDDLEWARE = []
USE_I18N = False

ROW = "<p>Bangkok works with partner cities, networks and embassies all over the world.</p>\n"
BODY = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Baseline</title></head><body>\n" + ROW * 80)[
    :5105
] + "</body></html>\n"
PAGE = BODY.encode()
assert len(PAGE) == 5 * 1024


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


# health/ as well: scripts/servers.py waits for it before a server counts as started.
urlpatterns = [path("", page), path("health/", page)]

os.environ["DJANGO_SETTINGS_MODULE"] = __name__

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
