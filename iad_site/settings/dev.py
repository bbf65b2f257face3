"""Settings for a developer's machine: debug on, a throwaway key, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret")

# Mail is written to files in mail/ (one .log file per message) instead of an SMTP server; `make run` starts the
# queue's sender beside the server, so a question's emails appear there within seconds.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "mail"  # noqa: F405
