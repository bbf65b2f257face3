"""A production-like site of its own on this machine, for `make deploy-check` and `make restore-drill`: the
Debian packages they need, PostgreSQL databases made for the run and dropped after it, and the environment a
production start gets (deploy/systemd/ reads the same variables from /etc/iad/env)."""

import contextlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETUP_MACHINE = ROOT / "scripts" / "setup-machine.sh"
PGHOST = os.environ.get("PGHOST", "127.0.0.1")
PGPORT = os.environ.get("PGPORT", "5432")


def setup_machine(*arguments):
    subprocess.run([str(SETUP_MACHINE), *arguments], cwd=ROOT, check=True, env={**os.environ, "PY": sys.executable})


def database_url(name):
    return f"postgres://postgres@{PGHOST}:{PGPORT}/{name}"


def _drop(name):
    import psycopg2

    connection = psycopg2.connect(dbname="postgres", user="postgres", host=PGHOST, port=PGPORT)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


@contextlib.contextmanager
def own_database(name):
    """An empty PostgreSQL database called `name` for the length of the block (one left by an interrupted
    run is dropped first); its URL."""
    url = database_url(name)
    _drop(name)
    setup_machine("database", url)
    try:
        yield url
    finally:
        _drop(name)


def production_env(**extra):
    """The environment of a production start: production settings, a fresh secret key, loopback hosts."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="iad_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1",
    )
    env.update(extra)
    return env
