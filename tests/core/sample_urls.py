"""The site's URLs plus the sample section's: what iad_site/urls.py becomes with one more include()."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from iad_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [*site_urlpatterns, *i18n_patterns(path("", include("tests.core.sample_section.urls")))]
