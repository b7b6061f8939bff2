# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make serve   set up, import sources/, build and serve on http://127.0.0.1:8000
#   make test    set up (including a headless browser) and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
CORPUS ?= ../shared/corpus/alchemy-ko-2020/AlchemyInsights
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build import test lint test-py test-js system-deps bench bench-import bench-spf bench-site bench-search bench-compress clean

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
	$(BIN)/sxs import sources --out docs/articles

build: import
	$(BIN)/mkdocs build --strict

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

bench: bench-import bench-spf bench-site bench-search bench-compress

# Every shared repository by default; CORPUS=DIR for one of your own.
bench-import: $(BIN)/sxs
	$(BIN)/python bench/import_corpus.py $(if $(filter command line environment,$(origin CORPUS)),--corpus $(CORPUS))

# Imports the corpus into a scratch copy of the site and builds it: build time, site size, page weight;
# then the bytes of a first article view and a first search, served by nginx (bench/transfer.py).
bench-site: $(BIN)/sxs system-deps
	$(BIN)/python bench/site_scale.py $(CORPUS)
	$(BIN)/python bench/transfer.py $(CORPUS)

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
