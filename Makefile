# Two entry points for a fresh Debian 12 machine:
#   make run    install dependencies, build, and serve on 127.0.0.1:8080
#   make test   install dependencies, build, and run every test, then run
#               them again under AddressSanitizer and UndefinedBehaviorSanitizer

BUILD_DIR ?= build
SANITIZE_DIR ?= build-sanitize
DATA_DIR ?= var
LISTEN ?= 127.0.0.1:8080
SHARED_DATA ?= ../shared/data
JOBS ?= $(shell nproc)

.PHONY: deps build web run demo test test-fast test-web test-sanitize bench clean

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) -j$(JOBS)
	$(MAKE) web

# The web application, built into web/dist, which `techmarket serve` serves.
web:
	cd web && npm run build

run: build
	$(BUILD_DIR)/techmarket serve --data-dir $(DATA_DIR) --listen $(LISTEN)

# Loads the reference data and NASA's offers into $(DATA_DIR), then serves.
demo: build
	$(BUILD_DIR)/techmarket import reference $(SHARED_DATA) --data-dir $(DATA_DIR)
	$(BUILD_DIR)/techmarket import offers $(SHARED_DATA)/tech_offers/nasa_t2_portfolio_2025-05-10.jsonl --data-dir $(DATA_DIR)
	$(BUILD_DIR)/techmarket serve --data-dir $(DATA_DIR) --listen $(LISTEN)

test: deps test-fast test-sanitize

test-fast:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) -j$(JOBS)
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)
	$(MAKE) test-web

# Unit tests of the web application, then browser tests in headless Chromium
# against a real server; screenshots go to $(BUILD_DIR)/browser-artifacts.
test-web: web
	cd web && npm run test:unit
	cd web && TECHMARKET_BINARY=$(abspath $(BUILD_DIR))/techmarket \
	  TECHMARKET_SHARED_DATA=$(abspath $(SHARED_DATA)) \
	  BROWSER_ARTIFACTS=$(abspath $(BUILD_DIR))/browser-artifacts npm run test:browser

test-sanitize:
	cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Debug -DTECHMARKET_SANITIZE=ON -DTECHMARKET_BENCH=OFF
	cmake --build $(SANITIZE_DIR) -j$(JOBS)
	ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j$(JOBS)

bench: build
	./bench/run.sh $(BUILD_DIR)
	node bench/web_page_weight.mjs web/dist 200

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)

# Compares the search engine with SQLite FTS5 and PostgreSQL full-text search
# at 1,000,000 documents (SEARCH_BENCH_DOCUMENTS sets another size).
.PHONY: bench-search
bench-search: build
	./bench/search_engines.sh $(BUILD_DIR)
