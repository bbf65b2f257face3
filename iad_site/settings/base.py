"""Settings shared by every environment. No secrets here: prod.py reads them from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its tabbed admin takes effect.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # sitemap.xml (iad_site/sitemap/) needs its templates.
    "django.contrib.sitemaps",
    "csp",
    "axes",
    # The rich-text editor's static files (ProseMirror bundle, icons); used through iad_site/core/richtext.py.
    "django_prose_editor",
    # Revision history in the admin; registered through iad_site.core.admin.ContentAdmin (VersionAdmin).
    "reversion",
    # The mail queue: every message stored in the database, sent by `manage.py send_queued_mail` (iad_site/inbox/mail.py).
    "post_office",
    # The frame's plumbing, one small app per job (README, "The layout").
    "iad_site.core",
    "iad_site.search",
    "iad_site.pagecache",
    "iad_site.backups",
    "iad_site.sitemap",
    "iad_site.opendata",
    "iad_site.inbox",
    # The site's sections: their search kinds tie-break and their sitemap entries come in this order.
    "relations",
    "pages",
    "questions",
    "news",
    "documents",
    "visits",
    "ita",
]

MIDDLEWARE = [
    # First: answers anonymous visitors from the page cache without touching the database or the rest of
    # this list; a stored page keeps every header added below it (security headers, CSP). iad_site/pagecache/.
    "iad_site.pagecache.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "iad_site.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Keeps a content admin form's text when its save fails on an ended session or a stale CSRF token.
    "iad_site.core.keepalive.FormRescueMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iad_site.urls"
WSGI_APPLICATION = "iad_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "iad_site.core.context_processors.site",
            ],
        },
    },
]

# A SQLite file unless DATABASE_URL names another database (PostgreSQL through psycopg2).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The lockout check comes first and refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "iad_site.core.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [
    ("th", _("Thai")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Day-first date input in English too (iad_site/core/formats/en), so 28/08/1995 means the same in both admins.
FORMAT_MODULE_PATH = ["iad_site.core.formats"]
TIME_ZONE = "Asia/Bangkok"
USE_TZ = True

# Content written only in Thai is shown on English pages rather than left blank (marked lang="th").
MODELTRANSLATION_DEFAULT_LANGUAGE = "th"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("th",)
# The admin's language tabs need jQuery UI; served from our own static files so they work on an
# intranet with no access to public CDNs (the library's default).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))

# Local memory (one per process) unless REDIS_URL names a Redis server that every app server shares.
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages for anonymous visitors, dropped on any staff edit (iad_site/pagecache/).
PAGE_CACHE_ENABLED = env("PAGE_CACHE", "on").strip().lower() not in {"0", "off", "false", "no"}
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))

# The office's public accounts, shown in the footer and on the home page.
OFFICE_FACEBOOK_URL = "https://www.facebook.com/bangkokiad"

# Seed content from the office's original pages, loaded by `manage.py seed`.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Security. Headers are the same in every environment, so tests check what production sends; HSTS is
# only ever sent over HTTPS. HTTPS-only settings (redirect, secure cookies) are in prod.py.
# The staff admin's address: set ADMIN_URL to move it away from the well-known /admin/.
ADMIN_URL = env("ADMIN_URL", "admin/").strip("/") + "/"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sent by iad_site.middleware.SecurityHeadersMiddleware.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)
# Everything comes from our own origin: no inline script or style anywhere (the Django admin and
# modeltranslation's language tabs use external files only). connect-src lets browsers' tools fetch
# robots.txt; frame-ancestors 'none' is the modern form of X-Frame-Options: DENY.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
# Staff sessions end when the browser closes, and after two hours without a request.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 60 * 60 * 2
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# django-axes: five wrong passwords for one username from one address lock it for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "iad_site.core.auth.lockout_response"

# Mail. Django's SMTP backend, configured from the environment (.env.example); messages go through the queue
# of django-post-office (stored first, sent by `manage.py send_queued_mail`, retried while the server is away).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "false").strip().lower() in {"1", "true", "yes", "on"}
EMAIL_USE_SSL = env("EMAIL_USE_SSL", "false").strip().lower() in {"1", "true", "yes", "on"}
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The public address for links in emails (https://iad.example.go.th); unset, the address the request came to.
PUBLIC_SITE_URL = env("PUBLIC_SITE_URL", "")
# Where the office hears of each new question (empty: no notification; staff check the admin).
OFFICE_NOTIFICATION_EMAIL = env("OFFICE_NOTIFICATION_EMAIL", "")
# Retried every 15 minutes for three days before a message counts as failed (requeue it from the admin).
POST_OFFICE = {
    "MAX_RETRIES": 288,
    "RETRY_INTERVAL": datetime.timedelta(minutes=15),
    "DEFAULT_PRIORITY": "medium",
    "LOG_LEVEL": 1,
    "BATCH_SIZE": 100,
}

# Public request forms (iad_site/inbox/): abuse guards and retention.
INBOX_MIN_FILL_SECONDS = int(env("FORM_MIN_FILL_SECONDS", "3"))
INBOX_MAX_LINKS = 3
# (count, seconds): posts from one address; requests stored from one email address.
INBOX_RATE_LIMITS = {"address": (20, 60 * 60), "email": (5, 24 * 60 * 60)}
# Behind a front proxy that sets it, the header naming the visitor's address (its last entry counts).
CLIENT_ADDRESS_HEADER = env("CLIENT_ADDRESS_HEADER", "").strip()
INBOX_CLIENT_ADDRESS_HEADER = f"HTTP_{CLIENT_ADDRESS_HEADER.upper().replace('-', '_')}" if CLIENT_ADDRESS_HEADER else ""
# Days after a request is answered, closed or marked spam before its personal data is deleted.
INBOX_RETENTION_DAYS = int(env("REQUEST_RETENTION_DAYS", "365"))

# Files that must never be served publicly (nginx serves MEDIA_ROOT to anyone): visitors' official letters.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
# How many days ahead a visit must be requested: the office sets it; the form states it.
VISIT_MINIMUM_LEAD_DAYS = int(env("VISIT_MINIMUM_LEAD_DAYS", "30"))
# The Bangkok Metropolitan Administration's privacy policy (BMA is the data controller), linked from the notices.
BMA_PRIVACY_POLICY_URL = "https://greener.bangkok.go.th/en/privacy-policy"
