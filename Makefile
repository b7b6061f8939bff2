# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make serve   set up, import sources/, build and serve on http://127.0.0.1:8000
#   make test    set up (including a headless browser) and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
CORPUS ?= ../shared/corpus/alchemy-ko-2020/AlchemyInsights
# The repository `make serve` and `make build` import (any locale: README, Another locale).
SOURCES ?= sources
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build import test lint test-py test-js system-deps bench bench-import bench-spf bench-site bench-preview bench-search bench-compress clean

$(BIN)/sxs: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $@

# Debian packages the tests need (a headless browser, Node.js for the JavaScript tests, gettext for
# `msgfmt --check`, nginx to serve the published site), each installed only when its command is
# missing: see .ci/system-deps.
system-deps:
	@bash .ci/system-deps

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

import: $(BIN)/sxs
	$(BIN)/sxs import $(SOURCES) --out docs/articles

# One process per language on as many cores as there are, merged (tools/sxs/site/split.py).
build: import
	$(BIN)/sxs build --strict

serve: import
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

test: lint test-py test-js

# Style and types: ruff and mypy --strict, configured in pyproject.toml.
lint: $(BIN)/sxs
	$(BIN)/ruff check tools tests bench
	$(BIN)/mypy

test-py: $(BIN)/sxs system-deps node_modules/.installed
	$(BIN)/sxs check docs/
	$(BIN)/pytest

test-js: system-deps node_modules/.installed
	node --test tests/js/*.test.js

bench: bench-import bench-spf bench-site bench-preview bench-search bench-compress

# Every shared repository by default; CORPUS=DIR for one of your own.
bench-import: $(BIN)/sxs
	$(BIN)/python bench/import_corpus.py $(if $(filter command line environment,$(origin CORPUS)),--corpus $(CORPUS))

# The four shared repositories (or CORPUS=DIR) imported into a scratch copy of the site, built by
# mkdocs and by sxs build: time per page, memory, site size, page weight; then the bytes of a first
# article view and a first search, served by nginx (bench/transfer.py, on one repository).
# A target missed (MISS, exit 1) still leaves the transfer figures to be measured.
bench-site: $(BIN)/sxs system-deps
	$(BIN)/python bench/site_scale.py $(if $(filter command line environment,$(origin CORPUS)),$(CORPUS)); \
	missed=$$?; $(BIN)/python bench/transfer.py $(CORPUS) && exit $$missed

# From saving an article's page to the browser showing it, with make serve running on the four
# shared repositories (or CORPUS=DIR).
bench-preview: $(BIN)/sxs system-deps
	$(BIN)/python bench/preview_edit.py $(if $(filter command line environment,$(origin CORPUS)),$(CORPUS))

# What the compressed copies cost the build, on the seed site and with the corpus imported.
bench-compress: $(BIN)/sxs
	$(BIN)/python bench/compress_cost.py $(CORPUS)

# The header search over the whole shared corpus in Chromium, against Material's default search.
bench-search: $(BIN)/sxs system-deps
	$(BIN)/python bench/search_recall.py --corpus $(CORPUS)

# Time to an SPF verdict with 50 ms added to every DNS lookup.
bench-spf:
	node bench/spf_bench.mjs

clean:
	rm -rf site .venv node_modules .pytest_cache
