# Every command a developer or operator needs. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run setup test lint format messages clean bench bench-synthetic bench-scaling

run: setup
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

setup: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=$(VENV) --verbosity 0
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed
	$(PY) manage.py editors_group --verbosity 0
	$(PY) manage.py collectstatic --noinput --verbosity 0

test: $(VENV)/.installed lint
	$(PY) manage.py compilemessages --ignore=$(VENV) --verbosity 0
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh the translation catalogues after marking new strings; translate, then `make setup`.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale th --locale en --ignore=$(VENV) --ignore=staticfiles --no-obsolete

# Load benchmark under gunicorn on PostgreSQL against a bare-Django baseline (README, "Benchmark").
bench: $(VENV)/.installed
	scripts/bench.sh seed

# The same on 10,000 cities, 1,000 networks, 5,000 embassies and 50,000 activities, compared with `make bench`.
bench-synthetic: $(VENV)/.installed
	scripts/bench.sh synthetic

# Whether cost grows with the data: the synthetic data set against one a tenth of its size, both filling every page.
bench-scaling: $(VENV)/.installed
	scripts/bench.sh scaling

# Production: gunicorn with production settings, which read SECRET_KEY, ALLOWED_HOSTS and the rest from the
# environment (.env.example). Checks the deployment, migrates, collects static files, then serves.
.PHONY: serve observatory load
WORKERS ?= 2
BIND ?= 127.0.0.1:$(PORT)
serve: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=iad_site.settings.prod $(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py compilemessages --ignore=$(VENV) --verbosity 0
	DJANGO_SETTINGS_MODULE=iad_site.settings.prod $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=iad_site.settings.prod $(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn iad_site.wsgi --workers $(WORKERS) --bind $(BIND) --access-logfile -

# Security headers graded by the MDN HTTP Observatory over HTTPS (needs node and npm; README "Security").
observatory: $(VENV)/.installed
	scripts/observatory.sh

# 200 connections for 60 s with wrk against gunicorn on PostgreSQL; fails on any socket error or non-2xx.
load: $(VENV)/.installed
	scripts/load.sh

# Browser suite and HTML check only (README "Browser tests, HTML check and Lighthouse"); `make test` runs
# them too, skipping them where Chromium or Java is missing. Needs /usr/bin/chromium, Java and npm.
.PHONY: browser-test lighthouse
browser-test: $(VENV)/.installed node_modules/.installed
	$(PY) manage.py compilemessages --ignore=$(VENV) --verbosity 0
	REQUIRE_BROWSER=1 $(PY) -m pytest tests/browser

# Lighthouse (mobile) on every public page type in both languages against gunicorn with production
# settings: four scores per page, median of RUNS (default 3) for Performance. RUNS=1 for a quick look.
lighthouse: $(VENV)/.installed node_modules/.installed
	$(PY) scripts/lighthouse.py

# vnu.jar (the Nu HTML Checker) and Lighthouse, as pinned in package-lock.json; no install scripts.
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
