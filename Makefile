# Quick start: `make audit` and `make test`; both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOWEST := .venv-lowest
UNPACKED := build/lowest/unpacked

.PHONY: audit test test-lowest fuzz bench fidelity clean

# The stamps re-run the install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

$(VENV)/.installed-uv: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test-lowest]'
	touch $@

audit: $(VENV)/.installed
	$(BIN)/planaudit check plans/ --fail-on never

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest
	$(BIN)/ruff check planaudit tests benchmarks
	$(BIN)/ruff format --check planaudit tests benchmarks
	$(BIN)/mypy

# The tests against the lowest versions pyproject.toml allows (uv's lowest-direct resolution),
# run from the unpacked sdist: the floors are true, and the sdist holds what its tests need.
# A new .venv-lowest each time: uv makes it in seconds from its cache.
test-lowest: $(VENV)/.installed-test $(VENV)/.installed-uv
	rm -rf build/lowest $(LOWEST)
	mkdir -p $(UNPACKED)
	$(BIN)/python -m build --sdist --no-isolation --outdir build/lowest . >build/lowest/log 2>&1 \
		|| (cat build/lowest/log; exit 1)
	tar -xzf build/lowest/planaudit-*.tar.gz -C $(UNPACKED) --strip-components=1
	$(BIN)/uv venv --quiet --python $(PYTHON) $(LOWEST)
	$(BIN)/uv pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct \
		-e '$(UNPACKED)[test]'
	cd $(UNPACKED) && $(CURDIR)/$(LOWEST)/bin/python -m pytest -p no:cacheprovider

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
	rm -rf $(VENV) $(LOWEST) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis *.egg-info
