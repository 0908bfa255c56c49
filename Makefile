# Two commands do everything on a fresh machine:
#   make site   installs what is missing, builds the portal into Site/
#   make test   installs what is missing, runs every test
# and one puts the programs on this computer:
#   make install   portal and portal-serve into $(PREFIX)/bin (DESTDIR= to stage a package)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

SWIFT ?= swift
NOW ?= $(shell TZ=Europe/London date +%F)

# Release builds link Swift's libraries into the programs: a build starts in 7 ms, not 20.
# (portal-serve's web server then needs libcurl's development files; see deps.)
RELEASE_BUILD := $(SWIFT) build -c release --static-swift-stdlib
# Where the release build puts the programs.
RELEASE_DIR := .build/release

PREFIX ?= /usr/local

VENV := .venv
PYTHON := $(VENV)/bin/python

.PHONY: site install test bench deps browser-deps bench-deps build-debug build-release swift-test cli-test browser-test clean

site: deps $(VENV)/.ready
	$(RELEASE_BUILD)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" .build/release/portal build --content Content --output Site --now $(NOW)

# portal serve runs the portal-serve beside portal: both go into the same folder.
install: deps
	$(RELEASE_BUILD)
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(RELEASE_DIR)/portal $(RELEASE_DIR)/portal-serve "$(DESTDIR)$(PREFIX)/bin/"

test: deps swift-test cli-test browser-test

swift-test: deps
	$(SWIFT) test

cli-test: deps
	$(SWIFT) build
	Tests/cli/cli-test.sh .build/debug/portal

# Browser tests: Debian's Chromium and its driver, and the Python tools in a virtual
# environment (axe-core, the Nu validator, Pagefind, pytest).
browser-test: deps browser-deps
	$(SWIFT) build
	$(PYTHON) -m pytest Tests/browser -q -s -p no:cacheprovider

browser-deps: $(VENV)/.ready
	@if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then \
		echo "Installing Chromium and its driver…"; \
		apt-get update -qq; \
		apt-get install -y -qq --no-install-recommends chromium chromium-driver \
			|| apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	fi

# WeasyPrint (in the requirements) lays out text with Debian's Pango.
$(VENV)/.ready: Tests/browser/requirements.txt
	@if ! ldconfig -p | grep -q libpangoft2-1.0.so.0; then \
		echo "Installing Pango for WeasyPrint…"; \
		apt-get update -qq; \
		apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0; \
	fi
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/browser/requirements.txt
	touch $@

# Speed against Hugo on the same site (a table of ratios; nothing is asserted), then the
# preview's latency from a save to the reloaded page in headless Chromium, against
# hugo server (preview.py, with Selenium from the browser tests' environment).
# BENCH_PAGES sets the corpus size for both; PREVIEW_EDITS=3 makes the preview rows quick.
bench: deps bench-deps browser-deps
	$(RELEASE_BUILD)
	python3 Benchmarks/bench.py
	$(PYTHON) Benchmarks/preview.py

bench-deps:
	@if ! command -v hugo >/dev/null || ! command -v hyperfine >/dev/null || ! command -v cmark >/dev/null || ! test -x /usr/bin/time; then \
		apt-get update -qq; \
		apt-get install -y -qq --no-install-recommends hugo hyperfine cmark time; \
	fi

# cmark and qpdf come from Debian (libcmark-dev, libqpdf-dev); pkg-config finds them for
# the CCmark and CQPDF targets.
# libcurl's development files let the release build link Foundation's networking, which
# portal-serve's web server uses, into portal-serve.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null || ! pkg-config --exists libqpdf 2>/dev/null || ! pkg-config --exists libcurl 2>/dev/null; then \
		echo "Installing libcmark-dev, libqpdf-dev, libcurl4-openssl-dev and pkg-config…"; \
		apt-get update -qq; \
		apt-get install -y -qq --no-install-recommends libcmark-dev libqpdf-dev libcurl4-openssl-dev pkg-config \
			|| apt-get install -y -qq --no-install-recommends libcmark-dev libqpdf-dev libcurl4-openssl-dev pkg-config; \
	fi

clean:
	rm -rf .build Site Site.* $(VENV)
