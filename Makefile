# Two commands do all the set-up on a fresh machine:
#   make run   extract the claims of a bundled sample (installs on first use)
#   make test  run the whole test suite (installs on first use)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE ?= samples/zhuzhou-daily-2024-01.txt

.PHONY: run test bench golden clean

# The install compiles the extraction modules (mypyc, see pyproject.toml),
# so it is redone whenever a source changes; HATCH_BUILD_NO_HOOKS=true in
# the environment installs them uncompiled.
SOURCES := $(wildcard src/newsfacts/*.py)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(BIN)/newsfacts: $(BIN)/python pyproject.toml $(SOURCES)
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $@

run: $(BIN)/newsfacts
	$(BIN)/newsfacts extract $(SAMPLE) --format table

test: $(BIN)/newsfacts
	$(BIN)/python -m pytest

bench: $(BIN)/newsfacts
	$(BIN)/python bench/run.py

# Rewrite tests/golden/ from the current extractor; review the diff before committing.
golden: $(BIN)/newsfacts
	$(BIN)/python tests/test_golden.py --regenerate

clean:
	rm -rf $(VENV) .pytest_cache src/*.so src/newsfacts/*.so
