# Realty CRM developer commands. Thin on purpose: the logic lives in scripts/.
#   make run      serve http://127.0.0.1:8069 (admin/admin), creating database "realty" (demo data, 简体中文) on first use
#   make test     every Odoo test of every realty addon + the end-to-end suite tests/; ends with "N passed, N failed"
#   make test-upstream  Odoo's own suites (crm; UPSTREAM_SUITES in scripts/run_tests.py) with every realty addon
#                 installed; ends with "N passed, N failed"
#   make lint     ruff check + ruff format --check
#   make format   ruff check --fix + ruff format
#   make deps     pip install -r requirements.txt
#   make i18n     export addons/<addon>/i18n/zh_CN.po for every realty addon (uses a throwaway database)
#   make bench    run every bench/*.py
#   make clean    remove Python and tool caches
#   make backup [DB=realty]  back up a database (zip with filestore, recorded in its Backups list)
#   make restore FILE=backup.zip DB=new_db  restore a backup into a NEW database (never over an existing one)
# Environment knobs are documented in scripts/odoo-env.sh, scripts/run.sh and scripts/run_tests.py.

PYTHON ?= python3
RUFF ?= ruff
# only the directories that exist (ruff reports a missing path as an error)
LINT_PATHS := $(wildcard addons tests scripts bench tools)

.PHONY: help run test test-upstream lint format deps i18n bench clean backup restore

help:
	@sed -n '2,13s/^# //p' Makefile

run:
	scripts/run.sh $(ARGS)

test:
	$(PYTHON) scripts/run_tests.py

test-upstream:
	$(PYTHON) scripts/run_tests.py --upstream

lint:
	$(RUFF) check $(LINT_PATHS)
	$(RUFF) format --check $(LINT_PATHS)

format:
	$(RUFF) check --fix $(LINT_PATHS)
	$(RUFF) format $(LINT_PATHS)

deps:
	$(PYTHON) -m pip install -r requirements.txt

i18n:
	scripts/i18n.sh

bench:
	scripts/bench.sh

clean:
	find . -path ./.cache -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache

backup:
	scripts/backup.sh $(DB)

restore:
	scripts/restore.sh "$(FILE)" "$(DB)"
