#!/usr/bin/env bash
# What a Debian machine needs before the suite, the benchmark or the load test can run, done only where it
# is missing. Used by .ci/run, scripts/performance/bench.sh and scripts/performance/load.sh; by hand too:
#
#   scripts/setup-machine.sh packages NAME...   install the Debian packages among NAME... that are missing
#   scripts/setup-machine.sh postgresql         start the PostgreSQL server unless one answers at PGHOST:PGPORT
#   scripts/setup-machine.sh redis              start a Redis server unless one answers at 127.0.0.1:6379
#   scripts/setup-machine.sh database URL       create the PostgreSQL database of URL (postgres://...) if missing
#
# PGHOST and PGPORT default to 127.0.0.1 and 5432. Installing needs root (apt-get); a fresh machine has
# Python and Debian's base packages only, and may or may not run PostgreSQL or Redis already.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
REDIS_PORT=6379

answers() {  # answers HOST PORT: something accepts connections there
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

postgresql_up() {
  if command -v pg_isready >/dev/null; then pg_isready -q -h "$PGHOST" -p "$PGPORT"; else answers "$PGHOST" "$PGPORT"; fi
}

has() {  # has PACKAGE: what the package provides is there already (or, for a server, one answers)
  case $1 in
    gettext) command -v msgfmt >/dev/null ;;
    postgresql) command -v pg_ctlcluster >/dev/null || postgresql_up ;;
    redis-server) command -v redis-server >/dev/null || answers 127.0.0.1 "$REDIS_PORT" ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    default-jre-headless) command -v java >/dev/null ;;
    npm | wrk) command -v "$1" >/dev/null ;;
    *) dpkg -s "$1" >/dev/null 2>&1 ;;
  esac
}

wait_for() {  # wait_for WHAT CHECK...: up to 30 s
  for _ in $(seq 1 30); do
    "${@:2}" && return
    sleep 1
  done
  echo "$1 did not start within 30 s." >&2
  exit 1
}

packages() {
  local missing=()
  for package in "$@"; do has "$package" || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing ${missing[*]} from Debian..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

postgresql() {
  postgresql_up && return
  packages postgresql
  # Debian's cluster, whatever its version; no systemd on CI machines and containers.
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  wait_for PostgreSQL postgresql_up
}

redis() {
  answers 127.0.0.1 "$REDIS_PORT" && return
  packages redis-server
  # A cache only: nothing is saved to disk.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  wait_for Redis answers 127.0.0.1 "$REDIS_PORT"
}

database() {
  [ $# -eq 1 ] || { echo "usage: $0 database postgres://USER@HOST:PORT/NAME" >&2; exit 2; }
  "$PY" - "$1" <<'PYTHON'
import sys

import dj_database_url
import psycopg2

config = dj_database_url.parse(sys.argv[1])
connection = psycopg2.connect(
    dbname="postgres", user=config["USER"], password=config["PASSWORD"], host=config["HOST"], port=config["PORT"] or 5432
)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
    if not cursor.fetchone():
        cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
        print(f"Created database {config['NAME']}")
PYTHON
}

case ${1:-} in
  packages | postgresql | redis | database) "$@" ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
