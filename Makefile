# MeetGraph: `make demo` installs what is missing and runs the main job on seeds/ into output/;
# `make test` runs the tests (and the dev-set evaluation when ../shared/corpus/dev exists).
SHELL := /bin/bash
DEB_PACKAGES := libgraphviz-dev pkg-config fonts-noto-cjk graphviz
SWIFT_BUILD_FLAGS ?=
MEETGRAPH = .build/debug/meetgraph

.PHONY: deps build demo test eval bench clean

deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing" >&2; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

demo: build
	$(MEETGRAPH) analyze seeds --out output

test: deps
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	swift test --skip-build $(SWIFT_BUILD_FLAGS)

clean:
	rm -rf .build
