"""Production settings. Every secret and host comes from the environment; a missing one stops start-up."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def required(name):
    value = env(name)
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is not set; production refuses to start without it (see .env.example)."
        )
    return value


SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [origin.strip() for origin in env("CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def flag(name, default):
    return env(name, default).strip().lower() in {"1", "true", "yes", "on"}


# HTTPS. Behind a proxy that ends TLS, the proxy must set X-Forwarded-Proto (and strip it from clients).
# Plain-HTTP requests are sent to HTTPS, except the load balancer's health check.
SECURE_SSL_REDIRECT = flag("SECURE_SSL_REDIRECT", "true")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# Static files served by gunicorn itself through WhiteNoise: file names carry a hash of their content,
# are stored pre-compressed, and are cached by browsers for good (they change name when they change).
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Errors go to standard error, where gunicorn and the service manager collect them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
