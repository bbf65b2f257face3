# Every command a developer or operator needs. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run setup test lint format messages clean

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

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
