# MeetGraph
#   make demo   installs what is missing, builds, and runs the main job on seeds/ into output/
#               (and ingests seeds/ into meetgraph.sqlite for `meetgraph query`)
#   make test   runs the tests, then the dev-set evaluation when ../shared/corpus/dev exists
#   make eval   scores extraction on the dev set, the train split and the frozen test split
#   make mine   reports what looks wrong on unlabeled texts (Tests/Corpus/MINING.md)
#   make bench  runs the benchmarks (release build), SQLite and PostgreSQL; figures are recorded in README.md
#   make serve  ingests seeds/ into meetgraph.sqlite and opens the web page at http://127.0.0.1:8080/
SHELL := /bin/bash
DEB_PACKAGES := libgraphviz-dev pkg-config fonts-noto-cjk graphviz
MEETGRAPH := .build/debug/meetgraph
DEV_CORPUS := ../shared/corpus/dev
TRAIN_CORPUS := Tests/Corpus/train
TEST_CORPUS := Tests/Corpus/test
MIN_ATTEND_F1 := 0.90

# Headless Chromium for the web page's browser tests; they are skipped, saying so, when it cannot start.
BROWSER_PACKAGES := chromium
PORT := 8080

# PostgreSQL for the tests and benchmarks of the PostgreSQL store (Debian 12's postgresql is 15).
# The tests start their own throwaway cluster on loopback; they are skipped, saying so, when none can start.
POSTGRES_PACKAGES := postgresql

.PHONY: deps browser postgres build demo serve test eval mine bench clean

deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing" >&2; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

browser:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || { \
	  echo "installing: $(BROWSER_PACKAGES) (for the browser tests)" >&2; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; } \
	  || echo "could not install $(BROWSER_PACKAGES): the browser tests will be skipped" >&2; }

postgres:
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "installing: $(POSTGRES_PACKAGES) (for the PostgreSQL store's tests)" >&2; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(POSTGRES_PACKAGES) >/dev/null; } \
	  || echo "could not install $(POSTGRES_PACKAGES): the PostgreSQL tests will be skipped" >&2; \
	fi

build: deps
	swift build

demo: build
	$(MEETGRAPH) analyze seeds --out output
	$(MEETGRAPH) ingest seeds --db meetgraph.sqlite
	@echo "try: $(MEETGRAPH) query who-met 柯望川"

serve: build
	$(MEETGRAPH) ingest seeds --db meetgraph.sqlite
	$(MEETGRAPH) serve --db meetgraph.sqlite --port $(PORT)

test: deps browser postgres
	swift build --build-tests
	swift test --skip-build
	@if [ -d "$(DEV_CORPUS)" ]; then $(MAKE) --no-print-directory eval; else echo "no $(DEV_CORPUS): evaluation skipped"; fi

# dev and train: the texts rules are written on (figures and worst documents); test: the frozen
# split, aggregate figures only, never read while writing rules (Tests/Corpus/README.md).
eval:
	@echo "== dev ($(DEV_CORPUS))"
	@$(MEETGRAPH) eval $(DEV_CORPUS) --min-attend $(MIN_ATTEND_F1)
	@if [ -d "$(TRAIN_CORPUS)" ]; then echo "== train ($(TRAIN_CORPUS))"; $(MEETGRAPH) eval $(TRAIN_CORPUS); fi
	@if [ -d "$(TEST_CORPUS)" ]; then echo "== test, frozen ($(TEST_CORPUS))"; $(MEETGRAPH) eval $(TEST_CORPUS) --summary; fi

# Extraction over unlabeled texts, the train split and dev, reporting what looks wrong without gold
# (never the frozen test split). Needs Debian's python3-jieba as the reference segmenter.
mine: build
	@dpkg -s python3-jieba >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq python3-jieba >/dev/null; }
	/usr/bin/python3 scripts/mine.py --meetgraph $(MEETGRAPH) --examples 40 --out Tests/Corpus/MINING.md \
	  Tests/Corpus/unlabeled $(TRAIN_CORPUS) $(DEV_CORPUS)

bench: deps postgres
	swift build -c release --product meetgraph-bench
	swift build -c release --product meetgraph
	.build/release/meetgraph-bench extraction
	.build/release/meetgraph-bench extraction --threads 2
	if [ -d $(DEV_CORPUS) ]; then .build/release/meetgraph-bench extraction --threads 2 --texts $(DEV_CORPUS); fi
	.build/release/meetgraph-bench graph
	.build/release/meetgraph-bench store
	scripts/with-postgres.sh sh -c '.build/release/meetgraph-bench store --postgres "$$MEETGRAPH_PG_URL"'
	.build/release/meetgraph-bench render
	.build/release/meetgraph-bench io

clean:
	rm -rf .build
