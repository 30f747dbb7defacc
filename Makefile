# The two commands a newcomer needs: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
# Debian's own Python 3.11 where there is one: the Python docs/deployment.md deploys on, built with
# profile-guided and link-time optimization, so the suite takes about a fifth less CPU than on a
# plain source build (pyenv's python3 on this machine; docs/testing.md). Otherwise python3.
DISTRO_PYTHON := /usr/bin/python3.11
PYTHON ?= $(if $(wildcard $(DISTRO_PYTHON)),$(DISTRO_PYTHON),python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install messages demo run worker test test-fast lint format makemessages browser-tools screenshots bench bench-sign bench-stories bench-bakerydemo stack-check lighthouse lighthouse-scores clean map

install: $(VENV)/.installed messages

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11+ is needed ($(PYTHON) not found)"; exit 1; }
	@# Debian keeps venv's pip bootstrap in a package of its own.
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || [ "$(PYTHON)" != "$(DISTRO_PYTHON)" ] || \
		{ apt-get update -qq && apt-get install -y -qq python3.11-venv >/dev/null; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $@

# gettext's msgfmt compiles each catalogue that is missing or older than its .po, as `manage.py
# compilemessages` does (the same `msgfmt --check-format`), without starting Django: every
# `make test` and `make test-fast` passes here, and compilemessages took 2.5 s to find nothing to do.
# msgfmt is installed from Debian's packages if it is missing.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po locale_wagtail/*/LC_MESSAGES/django.po))
messages: $(CATALOGUES)

%/LC_MESSAGES/django.mo: %/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }
	msgfmt --check-format -o $@ $<

makemessages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale es --ignore=.venv --ignore=node_modules --no-obsolete --no-location

demo: install
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py demo

# outbox_flush re-queues whatever a stopped worker left behind and books the periodic maintenance
# (reaper, retries, pruning) that the worker then runs every minute (docs/email.md).
# The task worker sends every email: if it dies (its database connection cut, a crash), it is
# started again after 2 s, as the deployment guide's systemd unit does. Ctrl-C stops it.
WORKER_LOOP = trap "exit 130" INT TERM; while true; do $(PY) manage.py outbox_flush; $(PY) manage.py task_worker; \
	echo "task worker stopped (exit $$?); starting it again in 2 s" >&2; sleep 2; done

worker: install
	@$(WORKER_LOOP)

# The development server and a task worker together, with the site's and the admin's addresses
# after each start of the server; Ctrl-C stops both and exits 0 (core/devserver.py).
run: demo
	@$(PY) manage.py develop --port $(PORT)

# The suite runs on every core (pytest-xdist) and prints its 15 slowest tests. Locally the test
# databases are kept between runs (--reuse-db: only new migrations run, in var/ for SQLite);
# CI starts afresh (PYTEST_DB=--create-db TEST_SQLITE_NAME=). docs/testing.md says more.
PYTEST_DB ?= --reuse-db
TEST_SQLITE_NAME ?= $(CURDIR)/var/test-db.sqlite3
# PYTHONDONTWRITEBYTECODE (set on some machines, this one included) is unset for the tests, so
# that pytest keeps each test module with its asserts rewritten in __pycache__; otherwise every
# test process rewrites all of them at every run (about 4 s of CPU each, half of collecting
# the tests).
PYTEST = mkdir -p var && PYTHONDONTWRITEBYTECODE= TEST_SQLITE_NAME=$(TEST_SQLITE_NAME) $(PY) -m pytest -n auto --durations=15 $(PYTEST_DB)

# The whole suite, its browser checkers included (a fresh clone would otherwise skip axe-core,
# the Nu checker and the Observatory). Lighthouse's audits take minutes and want the machine to
# themselves: `make lighthouse`.
test: install browser-tools lint
	$(PYTEST) -m "not lighthouse"

# Chromium (Debian's package) and the offline checkers (axe-core, the Nu HTML checker, the MDN
# HTTP Observatory) the browser and security tests use. Without them those tests skip with a
# reason; CI installs them and requires them. --ignore-scripts: the packages' install scripts only
# download things (a JRE, certificate and preload lists) that are not needed offline; the
# Observatory reads an HSTS preload list, empty here (no domain of ours is preloaded).
OBSERVATORY_PRELOAD := node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
NODE_STAMP := node_modules/.installed
browser-tools:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
	@command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
	@command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light openssl >/dev/null; }
	@command -v systemd-analyze >/dev/null || { apt-get update -qq && apt-get install -y -qq systemd >/dev/null; }
	@# npm ci starts node_modules afresh (about 20 s): only when the lock file changed since.
	@if [ ! -f $(NODE_STAMP) ] || [ package-lock.json -nt $(NODE_STAMP) ] || [ package.json -nt $(NODE_STAMP) ]; then \
		echo "npm ci --ignore-scripts --no-audit --no-fund --loglevel=error" && \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); fi
	@test -f $(OBSERVATORY_PRELOAD) || echo '{}' > $(OBSERVATORY_PRELOAD)

# Lighthouse on every page type in both languages, as deployed (about 5 minutes): prints the scores.
lighthouse: install browser-tools
	rm -rf var/lighthouse
	$(PYTEST) -n 0 -m lighthouse
	@$(MAKE) --no-print-directory lighthouse-scores

lighthouse-scores:
	@printf '| page | performance | accessibility | best practices | SEO | CPU slowdown |\n|---|---:|---:|---:|---:|---:|\n'
	@cat var/lighthouse/en.md var/lighthouse/es.md

test-fast: install lint
	$(PYTEST) -m "not browser and not live"

# The browser journeys again, keeping a full-page screenshot of every page and state they visit
# (both languages, 360 and 1280 px) in artifacts/screenshots/ for people to look at.
screenshots: install browser-tools
	SCREENSHOTS=1 $(PYTEST) -m browser

# import-linter holds the layers (docs/architecture.md; contracts in pyproject.toml).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The scorecard's US map: projects the Census shapes (npm's us-atlas) with d3-geo into
# states/data/us-states.json, which is committed so that the site itself never needs Node.
map:
	@command -v npm >/dev/null || { echo "Node.js and npm are needed to rebuild the map"; exit 1; }
	cd tools/map && npm ci --no-audit --no-fund && node build.mjs

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache var
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Benchmarks print ratios against baselines measured in the same run (not tests).
bench: install
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx-light >/dev/null; }
	$(PY) bench/run.py

# 200 people sign the demo petition at once over HTTP, on SQLite and then PostgreSQL
# (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/bench_sign, dropped and recreated).
bench-sign: install
	$(PY) bench/sign.py

# Search and the story index at 16, 300 and 3,000 stories per language, on SQLite and PostgreSQL
# (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/bench_stories, dropped and recreated).
bench-stories: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/stories.py

# Our cold pages against Wagtail's bakerydemo (issue 20): bakerydemo runs from its own checkout and
# virtualenv, started beforehand; give its address and gunicorn master pid (bench/bakerydemo.py):
#   make bench-bakerydemo BAKERYDEMO_URL=http://127.0.0.1:8000 BAKERYDEMO_PID=1234
bench-bakerydemo: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	BAKERYDEMO_URL=$(BAKERYDEMO_URL) BAKERYDEMO_PID=$(BAKERYDEMO_PID) $(PY) bench/bakerydemo.py

# The production stack with its parts failing on purpose: gunicorn ×2, PostgreSQL, Redis behind a
# proxy that stalls and refuses, the task worker with its connection cut, 200 signers at once.
# Needs the machine's PostgreSQL and Redis; prints what it measured (docs/deployment.md).
stack-check: install
	$(PY) bench/stack_check.py
