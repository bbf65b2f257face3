"""The environment a production start gets, for the tests that start Django with the production settings."""

import os
import secrets


def production_env(**extra):
    """The environment of a production start: production settings, a fresh secret key, loopback hosts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="iad_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    env.update(extra)
    return env
