# Every command a developer or operator needs. `make run` and `make test` work on a fresh clone; `make help`
# lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
COMPILE_MESSAGES := $(PY) manage.py compilemessages --ignore=$(VENV) --verbosity 0

.PHONY: run setup help test test-postgresql lint format messages clean bench bench-synthetic bench-scaling \
	serve observatory load browser-test lighthouse crawl deploy-check restore-drill

# Beside the server, the mail queue is sent every 10 seconds, as a timer does in production (docs/operations.md);
# with the dev settings each message is written as a file in mail/.
run: setup ## The site on 127.0.0.1:8000 (PORT=...), dev settings, seed content, mail written to mail/; what `make` alone does
	@echo "Mail: queued in the database, sent every 10 s by manage.py send_queued_mail; each message is a file in mail/"
	@trap 'kill $$sender 2>/dev/null' EXIT INT TERM; \
	(while sleep 10; do $(PY) manage.py send_queued_mail --log-level 1 >/dev/null 2>&1; done) & sender=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

setup: $(VENV)/.installed ## Install, compile translations, migrate, seed, make the Editors group, collect static
	$(COMPILE_MESSAGES)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed
	$(PY) manage.py editors_group --verbosity 0
	$(PY) manage.py collectstatic --noinput --verbosity 0

help: ## List every target with what it does
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

test: $(VENV)/.installed lint ## Lint, then the whole suite on SQLite (or DATABASE_URL); prints the 25 slowest tests
	$(COMPILE_MESSAGES)
	$(PY) -m pytest --durations=25

# The tests whose outcome can depend on the database; those that use no database, or start processes of their
# own (browser suite, servers), run once, in `make test`.
test-postgresql: $(VENV)/.installed ## Only the database-dependent tests, on DATABASE_URL (default: PostgreSQL, db iad)
	$(COMPILE_MESSAGES)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/iad} \
		$(PY) -m pytest --database-dependent-only --durations=25

lint: $(VENV)/.installed ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Fix what ruff can and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed ## Refresh the translation catalogues after marking new strings (translate, then make setup)
	$(PY) manage.py makemessages --locale th --locale en --ignore=$(VENV) --ignore=staticfiles --no-obsolete

# The benchmark installs wrk and PostgreSQL if missing and uses databases of its own (scripts/performance/bench.sh).
# BENCH_SECONDS, BENCH_BASELINE_SECONDS, BENCH_CONNECTIONS and BENCH_ONLY (page type names) shorten a run.
bench: $(VENV)/.installed ## Every page type under gunicorn on PostgreSQL, cached and uncached, against bare Django
	scripts/performance/bench.sh seed

bench-synthetic: $(VENV)/.installed ## make bench on 10,000 cities, 50,000 activities..., compared with the seed data
	scripts/performance/bench.sh synthetic

bench-scaling: $(VENV)/.installed ## Whether cost grows with data: the synthetic data set against one a tenth its size
	scripts/performance/bench.sh scaling

# Production settings read SECRET_KEY, ALLOWED_HOSTS and the rest from the environment (.env.example).
WORKERS ?= 2
BIND ?= 127.0.0.1:$(PORT)
serve: $(VENV)/.installed ## Production: check --deploy, migrate, collect static, then gunicorn on BIND (127.0.0.1:8000)
	DJANGO_SETTINGS_MODULE=iad_site.settings.prod $(PY) manage.py check --deploy --fail-level WARNING
	$(COMPILE_MESSAGES)
	DJANGO_SETTINGS_MODULE=iad_site.settings.prod $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=iad_site.settings.prod $(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn iad_site.wsgi --workers $(WORKERS) --bind $(BIND) --access-logfile -

observatory: $(VENV)/.installed ## Security headers graded by the MDN HTTP Observatory over HTTPS (needs node, npm)
	scripts/audits/observatory.sh

# CONNECTIONS, DURATION (60s), THREADS and WORKERS change the run.
load: $(VENV)/.installed ## wrk, 200 connections for 60 s, on gunicorn and PostgreSQL; fails on any error or non-2xx
	scripts/performance/load.sh

# `make test` runs these too, skipping them where Chromium or Java is missing.
browser-test: $(VENV)/.installed node_modules/.installed ## Browser suite and HTML check only (needs Chromium, Java, npm)
	$(COMPILE_MESSAGES)
	REQUIRE_BROWSER=1 $(PY) -m pytest tests/browser

# Installs nginx, openssl and PostgreSQL from Debian where they are missing (root needed then), and uses a
# database and a folder of its own, removed at the end.
deploy-check: $(VENV)/.installed ## deploy/nginx/iad.conf in front of gunicorn and PostgreSQL on loopback: TLS, redirects, headers, files, uploads
	$(COMPILE_MESSAGES)
	$(PY) scripts/deploy/check.py

# Two databases and a folder of its own, removed at the end; pg_dump and pg_restore of the server's version.
restore-drill: $(VENV)/.installed ## Back up a filled PostgreSQL site as the nightly timer does, restore it anew, compare everything
	$(COMPILE_MESSAGES)
	$(PY) scripts/deploy/restore_drill.py

# Four scores per page, median of RUNS (default 3) for Performance; ONLY="home city_list" (page type names)
# measures only those.
lighthouse: $(VENV)/.installed node_modules/.installed ## Lighthouse (mobile), every page type and language; RUNS=1: quick
	$(PY) scripts/audits/lighthouse.py $(ONLY)

# Settings: iad_site.settings.test unless DJANGO_SETTINGS_MODULE is set. Crawl before and after a change,
# then `diff -r BEFORE AFTER`.
crawl: $(VENV)/.installed ## Every public page, as files in OUT=folder, from DATABASE_URL (db.sqlite3), seeded beforehand
	@test -n "$(OUT)" || { echo "usage: make crawl OUT=folder (a new or empty folder)" >&2; exit 2; }
	$(COMPILE_MESSAGES)
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-iad_site.settings.test} $(PY) scripts/audits/crawl.py "$(OUT)"

# vnu.jar (the Nu HTML Checker) and Lighthouse, as pinned in package-lock.json; no install scripts.
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

clean: ## Remove the virtualenv, collected static files and the SQLite database
	rm -rf $(VENV) staticfiles db.sqlite3
