# Two commands do all the set-up on a fresh machine:
#   make run   extract the claims of a bundled sample (installs on first use
#              what extraction needs, no more)
#   make test  run the whole test suite (installs on first use the test and
#              Dask extras too: the suite's Dask tests need dask and pyarrow)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The compiled build (mypyc, see hatch_build.py), for benchmarks and for a
# second run of the suite: a regular install, not an editable one.
COMPILED := .venv-compiled
SAMPLE ?= samples/zhuzhou-daily-2024-01.txt
SOURCES := $(shell find src -type f -not -name '*.so' -not -path '*/__pycache__/*')

.PHONY: run test test-compiled bench golden clean

# The development install is editable and pure Python: an edited module is
# the one that runs, with nothing to rebuild. pip is quiet, and takes a
# while on first use: the line before it says what is going on.
$(BIN)/newsfacts: pyproject.toml hatch_build.py
	@echo "make $(or $(firstword $(MAKECMDGOALS)),run): installing newsfacts into $(VENV) (first run only)…"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

# The extras of the suite (pytest, hypothesis, mypy, selenium...) and Dask's
# (dask, distributed, pyarrow, pandas: most of the venv's size), only for
# the targets that need them.
EXTRAS := $(VENV)/.installed-test-dask
$(EXTRAS): $(BIN)/newsfacts pyproject.toml
	@echo "make $(or $(firstword $(MAKECMDGOALS)),test): installing the test and dask extras into $(VENV) (first run only)…"
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $@

$(COMPILED)/bin/newsfacts: pyproject.toml hatch_build.py $(SOURCES)
	test -x $(COMPILED)/bin/python || $(PYTHON) -m venv $(COMPILED)
	$(COMPILED)/bin/pip install --quiet --upgrade pip
	$(COMPILED)/bin/pip install --quiet '.[test,pandas]'
	$(COMPILED)/bin/python -c 'import newsfacts.core.pipeline as p, sys; sys.exit(p.__file__.endswith(".py"))'
	touch $@

run: $(BIN)/newsfacts
	$(BIN)/newsfacts extract $(SAMPLE) --format table

# -n auto: one worker per core (pytest-xdist).
test: $(EXTRAS)
	$(BIN)/python -m pytest -n auto

# The suite against the compiled build (CI runs both). Only newsfacts.core
# is compiled: the tests of the command line's habits, the table, the HTML
# report and the workbook exercise io/ and cli.py, the same Python in both
# builds, and run in `make test` alone (they are a third of the suite's time).
PURE_ONLY := tests/test_cli_habits_17.py tests/test_table_17.py tests/test_html_report.py tests/test_xlsx.py
test-compiled: $(COMPILED)/bin/newsfacts
	$(COMPILED)/bin/python -m pytest -n auto -p no:cacheprovider $(addprefix --ignore=,$(PURE_ONLY))

bench: $(COMPILED)/bin/newsfacts
	$(COMPILED)/bin/python bench/run.py

# Rewrite tests/golden/ from the current extractor, and show how each changed
# claim moved against the gold of the dev set; review before committing.
golden: $(EXTRAS)
	$(BIN)/python tests/test_golden.py --regenerate

clean:
	rm -rf $(VENV) $(COMPILED) .pytest_cache
	find src -name '*.so' -delete
