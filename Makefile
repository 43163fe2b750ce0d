# `make run` and `make test` are all a fresh machine needs (see README).
# Django 6 needs Python 3.12+: take python3.12 from PATH, else pyenv's.
PYTHON ?= $(or $(shell command -v python3.12 2>/dev/null),$(lastword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12)),$(error Python 3.12 not found: set PYTHON=/path/to/python3.12))
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

install: $(VENV)/.installed

run: install
	$(BIN)/duban migrate --no-input
	$(BIN)/duban demo
	$(BIN)/duban runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/duban check --fail-level WARNING
	$(BIN)/duban makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
