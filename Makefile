# Two commands on a fresh machine (see README.md):
#   make dashboard   set everything up, open the dashboard on the bundled data
#   make test        set everything up, run every test (lint, units, gold set, browser)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
# The geoparser's compiled core (geo/*.pyx; the modules that use it fall back to pure Python
# without it): Cython writes C into build/, the C compiler builds each module next to its .pyx.
EXT    := $(shell $(PYTHON) -c "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))")
CORE   := $(patsubst %.pyx,%$(EXT),$(wildcard geo/*.pyx)) geo/_geoparse_compiled$(EXT)
CC     ?= cc
# geo/_storeread.pyx reads the store over SQLite's C API: it needs SQLite's header (Debian:
# libsqlite3-dev) and is skipped without it (exports then read through Python's sqlite3)
LDLIBS__storeread := -lsqlite3
HEADER__storeread := sqlite3.h
PACKAGE__storeread := libsqlite3-dev
PORT   ?= 8501

.PHONY: setup browser postgis dashboard test lint bench

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

# (-ffp-contract=off: no fused multiply-add, so distances are CPython's to the last bit)
geo/%$(EXT): geo/%.pyx $(STAMP)
	@if [ -n "$(HEADER_$*)" ] && ! echo '#include <$(HEADER_$*)>' | $(CC) -E -x c - >/dev/null 2>&1; \
	then echo "note: <$(HEADER_$*)> not found: geo/$* not built, its pure-Python path runs" \
	  "(same results; Debian: apt install $(PACKAGE_$*))"; \
	else set -x; mkdir -p build && $(BIN)/cython -3 --fast-fail $< -o build/$*.c && \
	  $(CC) -shared -fPIC -O2 -ffp-contract=off -fno-strict-aliasing \
	  -I"$$($(BIN)/python -c "import sysconfig; print(sysconfig.get_paths()['include'])")" \
	  build/$*.c -o $@ $(LDLIBS_$*); fi

# geo/geoparse.py compiled as it is (pure Python semantics: no annotation typing) into a twin
# that the geoparse command uses while it carries the source's hash (geo.cli._geoparser_class)
geo/_geoparse_compiled$(EXT): geo/geoparse.py $(STAMP)
	@mkdir -p build
	{ cat $<; echo; echo "SOURCE_SHA256 = \"$$(sha256sum $< | cut -c1-64)\""; } > build/_geoparse_compiled.py
	$(BIN)/cython -3 --fast-fail -X annotation_typing=False --module-name geo._geoparse_compiled \
	  build/_geoparse_compiled.py -o build/_geoparse_compiled.c
	$(CC) -shared -fPIC -O2 -ffp-contract=off -fno-strict-aliasing \
	  -I"$$($(BIN)/python -c "import sysconfig; print(sysconfig.get_paths()['include'])")" \
	  build/_geoparse_compiled.c -o $@

setup: $(STAMP) $(CORE)

# Debian's chromium drives the end-to-end tests (playwright's own browser download cannot
# work on closed networks). Installed with apt when missing; CHROMIUM=/path uses another.
browser:
	@if [ -z "$$CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi

# The store tests run against a real PostgreSQL + PostGIS that they start themselves in a
# temporary folder (tests/pgcluster.py); Debian's package is installed with apt when missing.
postgis:
	@if [ ! -e /usr/share/postgresql/15/extension/postgis.control ]; then \
	  echo "installing Debian's PostgreSQL 15 + PostGIS for the store tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql-15-postgis-3 >/dev/null; \
	fi

dashboard: setup
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

lint: setup
	$(BIN)/ruff check geo dashboard tests bench scripts
	$(BIN)/ruff format --check geo dashboard tests bench scripts

test: setup browser postgis lint
	$(BIN)/python -m pytest

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done
