PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,build]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/storyline code examples/articles --db storyline.db --format table

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/storyline eval

bench: $(STAMP)
	$(BIN)/python -m bench.throughput

clean:
	rm -rf $(VENV) storyline.db storyline.db-wal storyline.db-shm
