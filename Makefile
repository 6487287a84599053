# Ringfence developer entry points. Services run locally without Docker (deploy/local/);
# docker-compose.yml is the equivalent for machines with Docker.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PYTHON_PACKAGES := ringfence streams redaction storage cli
# mypy maps modules to files by folder, so it reads the ringfence namespace through links.
TYPECHECK_ROOT := build/typecheck/ringfence

.PHONY: help install provision services-up services-down services-status wipe run test unit lint bench

help:
	@echo "make install        virtualenv in $(VENV) with the project and its dev tools"
	@echo "make provision      system packages, Kafka jars and the MinIO binary (once)"
	@echo "make services-up    start the development Kafka + MinIO (state kept between runs)"
	@echo "make services-down  stop them"
	@echo "make wipe           stop them and delete their state"
	@echo "make run            services + ringfence bootstrap + ringfence worker (Ctrl-C stops all)"
	@echo "make test           whole test suite against a fresh, separate test instance,"
	@echo "                   then the unit tests on the newest Python claimed (3.13)"
	@echo "make unit           unit tests only (no services)"
	@echo "make lint           ruff + mypy"
	@echo "make bench          benchmark scripts in benchmarks/"

install: $(VENV)/.installed

# Re-installs whenever pyproject.toml changes (new dependency), otherwise nothing to do.
$(VENV)/.installed: pyproject.toml
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	touch $@

provision:
	deploy/local/provision.sh

services-up: provision
	deploy/local/start.sh

services-down:
	deploy/local/stop.sh

services-status:
	deploy/local/status.sh

wipe:
	deploy/local/wipe.sh

run: install provision
	deploy/local/run.sh

test: install provision
	deploy/local/test.sh
	deploy/local/newest_python.sh

unit: install
	$(VENV)/bin/pytest -q tests/unit

lint: install
	$(VENV)/bin/ruff check $(PYTHON_PACKAGES) tests benchmarks setup.py
	rm -rf $(TYPECHECK_ROOT) && mkdir -p $(TYPECHECK_ROOT)
	for file in ringfence/*.py; do ln -s ../../../$$file $(TYPECHECK_ROOT)/; done
	for folder in streams redaction storage cli; do ln -s ../../../$$folder $(TYPECHECK_ROOT)/$$folder; done
	$(VENV)/bin/mypy

# Each benchmark script runs its baseline side by side and prints ratios.
bench: install
	@set -e; shopt -s nullglob; scripts=(benchmarks/*.py); \
	if (( $${#scripts[@]} == 0 )); then echo "no benchmarks/*.py yet"; exit 0; fi; \
	for script in "$${scripts[@]}"; do echo "== $$script"; $(VENV)/bin/python "$$script"; done
