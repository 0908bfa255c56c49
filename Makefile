# Two commands do everything on a fresh machine:
#   make site   installs what is missing, builds the portal into Site/
#   make test   installs what is missing, runs every test
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

SWIFT ?= swift
NOW ?= $(shell TZ=Europe/London date +%F)

.PHONY: site test deps build-debug build-release swift-test cli-test clean

site: deps
	$(SWIFT) build -c release --product portal
	.build/release/portal build --content Content --theme Theme --output Site --now $(NOW)

test: deps swift-test cli-test

swift-test: deps
	$(SWIFT) test

cli-test: deps
	$(SWIFT) build --product portal
	Tests/cli/cli-test.sh .build/debug/portal

# cmark comes from Debian (libcmark-dev); pkg-config finds it for the CCmark target.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "Installing libcmark-dev and pkg-config…"; \
		apt-get update -qq; \
		apt-get install -y -qq --no-install-recommends libcmark-dev pkg-config \
			|| apt-get install -y -qq --no-install-recommends libcmark-dev pkg-config; \
	fi

clean:
	rm -rf .build Site Site.*
