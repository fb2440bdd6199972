# `make run` and `make test` do all the set-up on a fresh machine: they create .venv and install.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint format eval bench kb-check clean

$(STAMP): pyproject.toml
	@# The statistics chart wants a Korean font (Debian's fonts-nanum); without it, it still works.
	@fc-list 2>/dev/null | grep -qi nanum || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& (apt-get update -qq && apt-get install -y -qq fonts-nanum) >/dev/null 2>&1; } \
		|| echo "note: fonts-nanum not installed; /stats charts will use a default font"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# A new or older database is brought to the current schema first; the bot refuses a stale one.
run: $(STAMP)
	$(PY) bot.py migrate
	$(PY) bot.py

# The storage and flow tests run on SQLite and on a private, throwaway PostgreSQL server (Unix
# socket only, deleted afterwards), started when PostgreSQL can be (CI installs it from Debian).
test: $(STAMP)
	$(PY) bot.py kb-check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	tools/with_test_postgres.sh $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

kb-check: $(STAMP)
	$(PY) bot.py kb-check

# The labelled dev sets live beside the repository, in ../shared/eval.
eval: $(STAMP)
	$(PY) ../shared/eval/score_qa.py
	$(PY) ../shared/eval/score_check.py

bench: $(STAMP)
	$(PY) bot.py bench

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
