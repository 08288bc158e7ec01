# Two commands for a fresh clone (Python 3.11+ and the package registries only):
#   make demo   creates .venv, installs Parley, ingests the demo corpus into ./parley.db
#   make test   installs the dev dependencies and runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test install dev lint model bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEVSTAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(STAMP)

dev: $(DEVSTAMP)

demo: install
	$(BIN)/parley ingest demo/corpus --meta demo/demo.meta.json --db parley.db
	@echo
	$(BIN)/parley stats --db parley.db
	@echo
	@echo "Next: . $(BIN)/activate, then try:"
	@echo "  parley ls                          # the documents"
	@echo "  parley show <doc id>               # one document, evidence highlighted"
	@echo "  parley export --format json -o record.json"
	@echo "  parley extractors                  # what runs on each article"

test: dev
	$(BIN)/ruff check src tests bench training demo
	bash scripts/test-deps.sh
	PARLEY_TEST_PG_URL="$${PARLEY_TEST_PG_URL:-$$(bash scripts/postgres-for-tests.sh)}" $(BIN)/python -m pytest -q

lint: dev
	$(BIN)/ruff check src tests bench training demo

model: dev
	$(BIN)/python training/build.py

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
