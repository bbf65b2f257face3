#!/usr/bin/env bash
# `make bench` / `make bench-synthetic`: prepares everything the benchmark needs, then runs scripts/bench.py.
#   scripts/bench.sh            seed data (the office's own content)
#   scripts/bench.sh synthetic  seed data plus generate_synthetic_data (10,000 cities, 50,000 activities...)
#   scripts/bench.sh scaling    the synthetic data set against one a tenth of its size (1,000 cities...)
# Installs wrk (and PostgreSQL) from Debian if missing, starts PostgreSQL at 127.0.0.1:5432 if none answers,
# and uses a database of its own per data set (iad_bench, iad_bench_synthetic, iad_bench_tenth), created
# if needed.
# The synthetic run measures every page on both data sets, one right after the other.
# Set REDIS_URL to benchmark with the Redis cache instead of local memory.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DATA=${1:-seed}

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pg_ctlcluster >/dev/null || command -v pg_isready >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PGHOST=${BENCH_PGHOST:-127.0.0.1}
if ! pg_isready -q -h "$PGHOST" -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p 5432 && break; sleep 1; done
fi

prepare() {  # prepare DATABASE_NAME seed|synthetic|tenth: create, migrate, load
  local url=postgres://postgres@$PGHOST:5432/$1
  DATABASE_URL=$url "$PY" - <<PYEOF
import dj_database_url, psycopg2
cfg = dj_database_url.parse("$url")
conn = psycopg2.connect(dbname="postgres", user=cfg["USER"], password=cfg["PASSWORD"], host=cfg["HOST"], port=cfg["PORT"] or 5432)
conn.autocommit = True
with conn.cursor() as cur:
    cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]])
    if not cur.fetchone():
        cur.execute(f'CREATE DATABASE "{cfg["NAME"]}"')
        print(f"Created database {cfg['NAME']}")
PYEOF
  DATABASE_URL=$url "$PY" manage.py migrate --noinput --verbosity 0
  if [ "$2" != seed ]; then
    # Made once and kept (indexing 60,000 rows for search takes minutes): --replace to make it again.
    if ! DATABASE_URL=$url "$PY" manage.py shell -c "import sys; from relations.models import SisterCity; sys.exit(0 if SisterCity.objects.filter(slug__startswith='synthetic-').exists() else 1)"; then
      DATABASE_URL=$url "$PY" manage.py seed --verbosity 0
      if [ "$2" = tenth ]; then
        DATABASE_URL=$url "$PY" manage.py generate_synthetic_data --cities 1000 --networks 100 --embassies 500 --activities 5000
      else
        DATABASE_URL=$url "$PY" manage.py generate_synthetic_data
      fi
    fi
  else
    DATABASE_URL=$url "$PY" manage.py seed --verbosity 0
  fi
}

# Production settings for the set-up commands too (hashed static files, as gunicorn will serve them).
export DJANGO_SETTINGS_MODULE=iad_site.settings.prod
export SECRET_KEY=${SECRET_KEY:-bench-only-$(printf 'x%.0s' $(seq 1 50))}
export ALLOWED_HOSTS=127.0.0.1,localhost
export STATIC_ROOT=${STATIC_ROOT:-$PWD/.bench/static}
mkdir -p .bench
"$PY" manage.py compilemessages --ignore=.venv --verbosity 0
"$PY" manage.py collectstatic --noinput --verbosity 0

if [ "$DATA" = scaling ]; then
  prepare iad_bench_synthetic synthetic
  prepare iad_bench_tenth tenth
  DATABASE_URL=postgres://postgres@$PGHOST:5432/iad_bench_synthetic "$PY" scripts/bench.py --label scaling \
    --compare-with "postgres://postgres@$PGHOST:5432/iad_bench_tenth" --compare-label tenth
  exit
fi
prepare iad_bench seed
if [ "$DATA" = synthetic ]; then
  prepare iad_bench_synthetic synthetic
  DATABASE_URL=postgres://postgres@$PGHOST:5432/iad_bench_synthetic \
    "$PY" scripts/bench.py --label synthetic --compare-with "postgres://postgres@$PGHOST:5432/iad_bench"
else
  DATABASE_URL=postgres://postgres@$PGHOST:5432/iad_bench "$PY" scripts/bench.py --label seed
fi
