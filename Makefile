# `make` installs the project into .venv and writes output/ from the snapshot in raw/;
# `make test` runs the whole test suite. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: all run test validate clean bench

all: run

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

run: $(INSTALLED)
	$(PY) -m pipeline run

test: $(INSTALLED)
	$(PY) -m pytest

validate: $(INSTALLED)
	$(PY) -m pipeline validate output

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

# Benchmark (not a test): writes docs/benchmarks.md and docs/benchmarks.json.
bench: $(INSTALLED)
	$(PY) bench/bench.py
