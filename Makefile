# ECX kmo-portefeuille site: one entry point for a fresh machine, a developer and CI.
# MkDocs runs as `python -m mkdocs` from here, so the hooks can import site_overrides.kmo_build.
#
#   make setup   .venv from requirements-dev.txt + node_modules from package-lock.json
#   make serve   live preview with a working calculator on http://127.0.0.1:8000/ (STRICT=1: warnings stop it)
#   make build   the static site in site/
#   make check-data   parameters.json: valid JSON, the schema, the rules' load (build, serve and test run it first)
#   make test    spelling, browser-module tests (Node), unit, Pyodide (Node), the editor drill and browser tests (the large fuzz run excluded; the 15 slowest listed)
#   make fuzz    the large hypothesis run
#   make bench   calculator vs bare Pyodide on phone/network profiles, typing latency, page weight, Lighthouse
#   make data-report     the support in typical cases before (BASE, default main) and after the data change, as Markdown
#   make spelling        Dutch spelling of docs/ and of the visitor texts in parameters.json
#   make check-sources   has a source page changed? Markdown report (REPORT=file.md, SOURCES="id ...")
#   make accept-sources  record the source pages as they are now, after an editor read the changes
#   make clean   remove build output and caches (keeps .venv and node_modules)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
ADDR ?= 127.0.0.1:8000
PYTEST_ARGS ?=

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

VENV_STAMP := $(VENV)/.stamp-requirements
NPM_STAMP := node_modules/.stamp-package-lock

.PHONY: help setup chromium check-data serve build test fuzz bench data-report spelling check-sources accept-sources clean

help:
	@sed -n 's/^#   make /  make /p' Makefile

setup: $(VENV_STAMP) $(NPM_STAMP)

$(VENV_STAMP): requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	.ci/ensure-node-modules
	@touch $@

chromium: $(VENV_STAMP)
	.ci/ensure-chromium $(PY)

# A mistake in parameters.json stops here, with one Dutch message, before anything is built or tested.
check-data: $(VENV_STAMP)
	@$(PY) -m site_overrides.kmo_build.check_data

serve: setup check-data
	KMO_SITE_URL=http://$(ADDR)/ $(PY) -m mkdocs serve -a $(ADDR) $(if $(STRICT),--strict)

build: setup check-data
	$(PY) -m mkdocs build --strict

test: setup check-data chromium spelling
	node --test tests/web/
	$(PY) -m pytest -m "not fuzz" --durations=15 $(PYTEST_ARGS)

fuzz: setup
	$(PY) -m pytest -m fuzz $(PYTEST_ARGS)

BENCH_STAMP := bench/node_modules/.stamp-package-lock

# Lighthouse and PyScript for the benchmark only (make test does not need them).
$(BENCH_STAMP): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --ignore-scripts
	@touch $@

bench: setup chromium $(BENCH_STAMP)
	$(PY) -m mkdocs build --strict -q
	$(PY) -m bench.run $(BENCH_ARGS)

BASE ?= main

# The rules package on the path, as in the tests; no Node needed.
data-report: $(VENV_STAMP)
	PYTHONPATH=calculator $(PY) -m maintenance.data_report --base $(BASE)

# cspell with its Dutch dictionary (cspell.config.yaml, project-words.txt); each unknown word is
# printed as file:line:column, and EDITING.md says what to do.
spelling: $(NPM_STAMP)
	@node_modules/.bin/cspell --no-progress --no-summary -c cspell.config.yaml || { \
	  echo "Spelfout: verbeter het woord of zet het in project-words.txt (EDITING.md#spelfout)."; exit 1; }

# The source watch needs only the Python tools, not Node.
SOURCE_WATCH = $(PY) -m maintenance.source_watch $(if $(REPORT),--report $(REPORT)) $(addprefix --only ,$(SOURCES))

check-sources: $(VENV_STAMP)
	$(SOURCE_WATCH)

accept-sources: $(VENV_STAMP)
	$(SOURCE_WATCH) --update

clean:
	rm -rf site .cache build dist .pytest_cache .hypothesis test-results screenshots bench-results
	find calculator tests site_overrides -name __pycache__ -type d -prune -exec rm -rf {} +
	find calculator -maxdepth 1 -name '*.egg-info' -exec rm -rf {} +
