# `make run` and `make test` are all a fresh machine needs (see README).
# Django 6 needs Python 3.12+: the first interpreter on PATH or under pyenv that runs and is new enough
# (pyenv's shims exist for every version but fail for those not selected).
PYTHON ?= $(or $(shell for p in python3.12 python3.13 $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	"$$p" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null && { command -v "$$p"; break; }; done),\
	$(error Python 3.12+ not found: set PYTHON=/path/to/python3.12))
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test install lint pytest demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The browser libraries (ECharts for the charts, Tom Select for the type-ahead filters) come
# from the npm registry at the versions package-lock.json pins, copied where Django's static
# files finder looks (git-ignored): nothing is fetched from a CDN.
VENDOR := duban/static/vendor
$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p $(VENDOR)/echarts $(VENDOR)/tom-select
	cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE $(VENDOR)/echarts/
	cp node_modules/tom-select/dist/js/tom-select.complete.min.js \
		node_modules/tom-select/dist/css/tom-select.min.css node_modules/tom-select/LICENSE \
		$(VENDOR)/tom-select/
	touch $@

install: $(VENV)/.installed $(VENDOR)/.installed

# The demo's data belong to the reference notice's year: serve it as of the demo's date,
# with the background worker and the webhook sender beside the web server (`duban serve`).
run: install
	$(BIN)/duban migrate --no-input
	$(BIN)/duban demo
	DUBAN_TODAY=$${DUBAN_TODAY:-$$($(BIN)/duban demo --today)} $(BIN)/duban serve 127.0.0.1:8000

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/duban check --fail-level WARNING
	$(BIN)/duban makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules $(VENDOR)
