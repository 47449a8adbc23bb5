# Quick start: `make audit` and `make test`; both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: audit test lint typecheck clean

$(BIN)/planaudit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

audit: $(BIN)/planaudit
	$(BIN)/planaudit check plans/ --fail-on never

test: $(BIN)/planaudit
	$(BIN)/python -m pytest
	$(BIN)/ruff check planaudit tests
	$(BIN)/ruff format --check planaudit tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
