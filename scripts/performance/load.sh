#!/usr/bin/env bash
# `make load`: wrk with 200 connections for 60 seconds against the production server, then the figures.
#
# The production server is gunicorn (WORKERS, 2 unless set) with production settings on PostgreSQL at
# 127.0.0.1:5432, in a database of its own (iad_load, created and seeded if needed; LOAD_DATABASE_URL
# for another). wrk walks every public page type in both languages, detail pages from the seed included,
# each request marked as coming through the TLS proxy. Exits 1 on any socket error or non-2xx answer.
# Installs wrk and PostgreSQL from Debian if missing.
#   CONNECTIONS=200 DURATION=60s THREADS=2 scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
GUNICORN=$(dirname "$PY")/gunicorn
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-2}

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pg_isready >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

export DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iad_load}
"$PY" - <<'PYTHON'
import os

import dj_database_url
import psycopg2

config = dj_database_url.parse(os.environ["DATABASE_URL"])
connection = psycopg2.connect(
    dbname="postgres", user=config["USER"], password=config["PASSWORD"], host=config["HOST"], port=config["PORT"] or 5432
)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
    if not cursor.fetchone():
        cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
PYTHON

WORK=$(mktemp -d)
SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=iad_site.settings.prod
export SECRET_KEY
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS=127.0.0.1,localhost
export STATIC_ROOT=$WORK/static
"$PY" manage.py compilemessages --ignore=.venv --verbosity 0
"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py seed --verbosity 0
"$PY" manage.py collectstatic --noinput --verbosity 0

# Every public page type in both languages: the list pages from tests/conftest.py, and the first
# published object of each kind with a page of its own.
LOAD_PATHS=$("$PY" - <<'PYTHON'
import django

django.setup()
from django.apps import apps
from django.utils import translation

from tests.conftest import LANGUAGES, PUBLIC_PATHS

paths = []
for language in LANGUAGES:
    paths += [f"/{language}{path}" for path in PUBLIC_PATHS]
    with translation.override(language):
        for label in ("relations", "pages"):
            for model in apps.get_app_config(label).get_models():
                if hasattr(model, "get_absolute_url"):
                    manager = model._default_manager
                    objects = manager.published() if hasattr(manager, "published") else manager.all()
                    first = objects.first()
                    if first is not None:
                        paths.append(first.get_absolute_url().split("#")[0])
print(" ".join(dict.fromkeys(paths)))
PYTHON
)
export LOAD_PATHS

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$GUNICORN" iad_site.wsgi --workers "$WORKERS" --bind "127.0.0.1:$PORT" --no-control-socket --log-level warning 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/" && break
  sleep 0.2
done

echo "Pages: $LOAD_PATHS"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency against gunicorn --workers $WORKERS on 127.0.0.1:$PORT"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/load.lua "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt"

"$PY" - "$WORK/wrk.txt" <<'PYTHON'
import json
import sys

line = next(line for line in open(sys.argv[1]) if line.startswith("LOAD "))
result = json.loads(line[5:])
errors = sum(result["socket_errors"].values())
print()
print(f"requests        {result['requests']} in {result['duration_s']} s ({result['requests_per_s']} req/s)")
print(f"latency (ms)    p50 {result['p50_ms']}  p90 {result['p90_ms']}  p99 {result['p99_ms']}  max {result['max_ms']}")
print(f"socket errors   {errors} {result['socket_errors']}")
print(f"non-2xx         {result['non_2xx']}")
sys.exit(0 if errors == 0 and result["non_2xx"] == 0 and result["requests"] > 0 else 1)
PYTHON
