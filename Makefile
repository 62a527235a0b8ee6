# `make` installs the project into .venv and writes output/ from the snapshot in raw/;
# `make check` runs the fast tier of the tests (about a minute: no test marked slow, portals,
# browser or lint, see pyproject.toml); `make test` runs the whole test suite. All create
# .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: all run check test validate clean bench portals portals-start portals-stop portals-clean

all: run

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

# `make run TOWN=villebourg.toml` runs another town's file (README, "Another town");
# without TOWN, the project's city.toml.
TOWN ?=

run: $(INSTALLED)
	$(PY) -m pipeline run $(if $(TOWN),--town $(TOWN))

FAST := not slow and not portals and not browser and not lint

# The edit-test loop: each property draws a fifth of its examples (tests/properties.py), and
# Python keeps the compiled code and pytest's rewritten tests in __pycache__ (git ignores it)
# even where the machine's environment says not to, so the next `make check` reuses them.
check: $(INSTALLED)
	TESTS_TIER=check PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -m "$(FAST)" -p no:cacheprovider -n auto --dist loadgroup

test: $(INSTALLED)
	$(PY) -m pytest

validate: $(INSTALLED)
	$(PY) -m pipeline validate output

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

# Benchmark (not a test): writes docs/benchmarks.md and docs/benchmarks.json.
bench: $(INSTALLED)
	$(PY) bench/bench.py

# The real CKAN and udata that tests/portals/ publishes to. The test session installs and
# starts them itself (into the git-ignored .portals/, reused by later runs); these targets
# do the same by hand: install, run in the foreground until Ctrl-C, stop what a killed
# session left, remove the cache.
PORTALS_CACHE := .portals

portals: $(INSTALLED)
	$(PY) -m tests.portals install

portals-start: $(INSTALLED)
	$(PY) -m tests.portals start

portals-stop: $(INSTALLED)
	$(PY) -m tests.portals stop

portals-clean: portals-stop
	rm -rf $(PORTALS_CACHE)
