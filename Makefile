# Two commands for a new user: `make run` and `make test` (see README.md).
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test lint format

$(STAMP): pyproject.toml .ci/build-constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --build-constraint .ci/build-constraints.txt -e ".[dev]"
	touch $(STAMP)

# SQLite and demo data unless DATABASE_URL says otherwise; DEBUG and a development key only here.
run: export DJANGO_DEBUG ?= 1
run: export DJANGO_SECRET_KEY ?= development-only-key-not-for-production
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_casebook
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_requests
	$(PY) manage.py load_demo_objections
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; fi; }
	$(MAKE) --no-print-directory lint
	DJANGO_SECRET_KEY=check-only $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n auto

# Style, template indentation, the import layers and the types of the pure engine and services.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --tabwidth 2 --check templates
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SECRET_KEY=check-only DJANGO_ALLOWED_HOSTS=localhost $(PY) -m mypy

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml --tabwidth 2 templates
