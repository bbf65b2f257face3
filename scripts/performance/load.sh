#!/usr/bin/env bash
# `make load`: wrk with 200 connections for 60 seconds against the production server, then the figures.
#
# The production server is gunicorn (WORKERS, 2 unless set) with production settings on PostgreSQL at
# 127.0.0.1:5432, in a database of its own (iad_load, created and seeded if needed; LOAD_DATABASE_URL
# for another). wrk walks every public page type that answers 200 in every language (the registry's list,
# with real detail pages from the seed), each request marked as coming through the TLS proxy. At the same
# time a second wrk floods the Ask form with posts from the same one address (FLOOD_CONNECTIONS, 10 unless
# set; scripts/performance/flood.lua): the form's guards must turn it away (429, or 400 for a form sent too
# fast) without a single server error. Exits 1 on any socket error or non-2xx answer on the public pages, or
# any 5xx or socket error in the flood. Installs wrk and PostgreSQL from Debian if missing
# (scripts/setup-machine.sh).
#   CONNECTIONS=200 DURATION=60s THREADS=2 FLOOD_CONNECTIONS=10 scripts/performance/load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
GUNICORN=$(dirname "$PY")/gunicorn
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-2}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-10}

scripts/setup-machine.sh packages wrk postgresql
scripts/setup-machine.sh postgresql
export DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iad_load}
scripts/setup-machine.sh database "$DATABASE_URL"

WORK=$(mktemp -d)
SERVER=
FLOOD=
# Under `set -e` a failed kill of a process that has already ended would make the run fail after its figures.
cleanup() {
  if [ -n "$FLOOD" ]; then kill "$FLOOD" 2>/dev/null || true; fi
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true; fi
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

# Every public page type that answers 200, in every language, from the registry (manage.py public_pages).
LOAD_PATHS=$("$PY" manage.py public_pages | "$PY" -c '
import json, sys
print(" ".join(page["path"] for page in json.load(sys.stdin) if page["status"] == 200))
')
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
echo "and at the same time wrk -t1 -c$FLOOD_CONNECTIONS posting to /th/questions/ (the Ask form) from the same address"
FLOOD_PATH=/th/questions/ FLOOD_ORIGIN="https://127.0.0.1:$PORT" \
  wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$DURATION" --latency -s scripts/performance/flood.lua "http://127.0.0.1:$PORT" \
  >"$WORK/flood.txt" &
FLOOD=$!
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/performance/load.lua "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt"
wait "$FLOOD"

"$PY" - "$WORK/wrk.txt" "$WORK/flood.txt" <<'PYTHON'
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
flood = json.loads(next(line for line in open(sys.argv[2]) if line.startswith("FLOOD "))[6:])
refused = {status: flood[status] for status in ("429", "400", "403", "other_4xx")}
print(f"form flood      {flood['requests']} posts ({flood['requests_per_s']} req/s, p99 {flood['p99_ms']} ms): "
      f"refused {refused}, accepted {flood['2xx'] + flood['3xx']}, 5xx {flood['5xx']}, "
      f"socket errors {flood['socket_errors']}")
public_ok = errors == 0 and result["non_2xx"] == 0 and result["requests"] > 0
flood_ok = flood["5xx"] == 0 and flood["socket_errors"] == 0 and flood["429"] > 0
sys.exit(0 if public_ok and flood_ok else 1)
PYTHON
