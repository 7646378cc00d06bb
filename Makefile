# Bluelight: the two commands are `make demo` and `make test`. Both are idempotent.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CSS := build/static/bluelight/bluelight.css

.PHONY: demo test install assets runtime-packages system-packages postgres lint bench bench-load clean screenshots

demo: install runtime-packages
	$(BIN)/bluelight demo

install: $(STAMP) assets

$(BIN)/python:
	command -v $(PYTHON) >/dev/null || PYTHON=python3; $${PYTHON:-$(PYTHON)} -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch node_modules/.package-lock.json

assets: $(CSS)

$(CSS): node_modules/.package-lock.json bluelight/assets/bluelight.scss
	npm run --silent build
	mkdir -p build/static/govuk
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js build/static/govuk/
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images build/static/govuk/

runtime-packages:
	bash scripts/system-packages.sh runtime

system-packages:
	bash scripts/system-packages.sh runtime test

postgres: system-packages
	bash scripts/postgres.sh

test: install system-packages
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings_test
	@echo "== the suite on SQLite =="
	$(BIN)/pytest
	@echo "== the suite on PostgreSQL =="
	source <(bash scripts/postgres.sh) && $(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo

bench: install
	$(BIN)/python bench/dashboard_report.py
	$(BIN)/python bench/simulation.py
	$(BIN)/python bench/board_pack.py
	$(BIN)/python bench/workbook_import.py --formats xlsx,ods,csv
	$(BIN)/python bench/practice_search.py
	$(BIN)/python bench/hotspots.py
	$(BIN)/python bench/cover.py
	$(BIN)/python bench/demand.py

# The web tier under load: gunicorn on PostgreSQL, driven by locust at 10, 25 and 50 users.
bench-load: install system-packages
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	source <(bash scripts/postgres.sh) && $(BIN)/python bench/web_load.py

clean:
	rm -rf $(VENV) node_modules build var/static

# The user guide's screenshots, taken by the browser tests of the office's week (tests/e2e/test_office_week.py).
screenshots: install system-packages
	$(BIN)/pytest -q -p no:cacheprovider tests/e2e/test_office_week.py -k browser
	mkdir -p docs/images && cp build/screenshots/week-*.png docs/images/
