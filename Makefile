# Quick start: `make audit` and `make test`; both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: audit test fuzz bench fidelity clean

# The stamps re-run the install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

audit: $(VENV)/.installed
	$(BIN)/planaudit check plans/ --fail-on never

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest
	$(BIN)/ruff check planaudit tests benchmarks
	$(BIN)/ruff format --check planaudit tests benchmarks
	$(BIN)/mypy

# The long fuzz run: 10,000 examples of each fuzz test (see tests/test_fuzz.py).
fuzz: $(VENV)/.installed-test
	PLANAUDIT_FUZZ=1 $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider \
		--hypothesis-show-statistics -q

# Speed and memory against the floor (Python start-up, plain YAML parsing); see benchmarks/.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

# How well draft reads the real reports of tests/corpus/, and verify accepts their gold plans.
fidelity: $(VENV)/.installed
	$(BIN)/python benchmarks/fidelity.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis *.egg-info
