#!/usr/bin/env bash
# `make bench` / `make bench-synthetic` / `make bench-scaling`: prepares everything the benchmark needs, then
# runs scripts/performance/bench.py.
#   scripts/performance/bench.sh            seed data (the office's own content)
#   scripts/performance/bench.sh synthetic  seed data plus synthetic_data.py (10,000 cities, 50,000 activities...)
#   scripts/performance/bench.sh scaling    the synthetic data set against one a tenth of its size (1,000 cities...)
# Installs wrk (and PostgreSQL) from Debian if missing, starts PostgreSQL at BENCH_PGHOST:5432 (127.0.0.1) if none
# answers, and uses a database of its own per data set (iad_bench, iad_bench_synthetic, iad_bench_tenth), created
# if needed (scripts/setup-machine.sh).
# The synthetic run measures every page on both data sets, one right after the other.
# Set REDIS_URL to benchmark with the Redis cache instead of local memory; BENCH_ONLY="home city_list" to measure
# only those page types (bench.py --help for the other BENCH_ settings).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
DATA=${1:-seed}
export PGHOST=${BENCH_PGHOST:-127.0.0.1}

scripts/setup-machine.sh packages wrk postgresql
scripts/setup-machine.sh postgresql

prepare() {  # prepare DATABASE_NAME seed|synthetic|tenth: create, migrate, load
  local url=postgres://postgres@$PGHOST:5432/$1
  scripts/setup-machine.sh database "$url"
  DATABASE_URL=$url "$PY" manage.py migrate --noinput --verbosity 0
  if [ "$2" != seed ]; then
    # Made once and kept (indexing 60,000 rows for search takes minutes): synthetic_data.py --replace to make
    # it again.
    if ! DATABASE_URL=$url "$PY" manage.py shell -c "import sys; from relations.models import SisterCity; sys.exit(0 if SisterCity.objects.filter(slug__startswith='synthetic-').exists() else 1)"; then
      DATABASE_URL=$url "$PY" manage.py seed --verbosity 0
      if [ "$2" = tenth ]; then
        DATABASE_URL=$url "$PY" scripts/performance/synthetic_data.py --cities 1000 --networks 100 --embassies 500 \
          --activities 5000 --visits 1000
      else
        DATABASE_URL=$url "$PY" scripts/performance/synthetic_data.py
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
  DATABASE_URL=postgres://postgres@$PGHOST:5432/iad_bench_synthetic "$PY" scripts/performance/bench.py \
    --label scaling --compare-with "postgres://postgres@$PGHOST:5432/iad_bench_tenth" --compare-label tenth
  exit
fi
prepare iad_bench seed
if [ "$DATA" = synthetic ]; then
  prepare iad_bench_synthetic synthetic
  DATABASE_URL=postgres://postgres@$PGHOST:5432/iad_bench_synthetic \
    "$PY" scripts/performance/bench.py --label synthetic --compare-with "postgres://postgres@$PGHOST:5432/iad_bench"
else
  DATABASE_URL=postgres://postgres@$PGHOST:5432/iad_bench "$PY" scripts/performance/bench.py --label seed
fi
