# hedgerow: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/hedgerow

.PHONY: setup setup-libs build demo test check-rules check-sarif check-output contract samples check-samples check-links check-docs eval bench clean dist stage install rule-table check-rule-table fuzz

## setup: install the system libraries hedgerow links against (PCRE2, libarchive) if they are missing,
## pdftotext (poppler-utils) for PDFs, and xclip and Xvfb for the clipboard round-trip test of
## `hedgerow redact --clipboard` (Debian/Ubuntu).
setup: setup-libs
	@if command -v apt-get >/dev/null && ! command -v pdftotext >/dev/null; then \
		echo "Installing poppler-utils (pdftotext, for PDFs)..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq poppler-utils; \
	fi
	@if command -v apt-get >/dev/null && { ! command -v xclip >/dev/null || ! command -v Xvfb >/dev/null; }; then \
		echo "Installing xclip and xvfb (clipboard test)..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq xclip xvfb; \
	fi

## setup-libs: only the libraries the build links (what `make dist` and `make install` ask for).
setup-libs:
	@if ! pkg-config --exists libpcre2-8 2>/dev/null || [ ! -f /usr/include/pcre2.h ]; then \
		echo "Installing libpcre2-dev (PCRE2 with JIT)..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpcre2-dev pkg-config; \
	fi
	@if ! pkg-config --exists libarchive 2>/dev/null || [ ! -f /usr/include/archive.h ]; then \
		echo "Installing libarchive-dev (archives and Office containers)..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libarchive-dev pkg-config; \
	fi

## build: release build of the hedgerow binary.
build: setup
	$(SWIFT) build -c release

## demo: set up, build, and scan the bundled example (finds something in every category).
demo: build
	@echo "== hedgerow scan Fixtures/example =="
	@$(BIN) scan Fixtures/example; status=$$?; \
	echo "(exit code $$status: 0 clean, 1 findings, 2 error)"; \
	[ $$status -eq 1 ]

## test: set up and run the whole test suite, then the rules' own examples. The end-to-end
## tests run the release binary (the one `make dist` packs, built once for both): a debug
## binary spends a quarter of a second of every start in the argument parser's debug-only
## self-checks, and the tests start it hundreds of times. The suite runs in three shards at
## once (scripts/test-shards.sh): most end-to-end tests wait on a child process, so one
## test process leaves a core idle. `swift test` still runs it in one process.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --static-swift-stdlib --product hedgerow --scratch-path $(DIST_BUILD)
	HEDGEROW_TEST_BINARY=$(CURDIR)/$(DIST_BUILD)/release/hedgerow scripts/test-shards.sh
	.build/debug/hedgerow rules check

## fuzz: build the libFuzzer targets (Fuzz/README.md) in .build-fuzz and run each for FUZZ_SECONDS
## (default 60) from its seed corpus; fails if any target crashes, naming the input it wrote.
FUZZ_SECONDS ?= 60
fuzz: setup-libs
	SWIFT=$(SWIFT) FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## rule-table: regenerate docs/rule-table.md (rules by category, counts, providers) from
## `hedgerow rules list --format json`; commit it with any rule change.
rule-table:
	$(SWIFT) build
	python3 scripts/rule-table.py --bin .build/debug/hedgerow

## check-rule-table: fail when docs/rule-table.md no longer matches the rules (fix: make rule-table).
check-rule-table:
	$(SWIFT) build
	@python3 scripts/rule-table.py --bin .build/debug/hedgerow --check || { echo "docs/rule-table.md is stale: run make rule-table"; exit 1; }

## check-sarif: validate SARIF output (findings, and a clean run) against the SARIF 2.1.0 schema.
SARIF_SCHEMA ?= ../shared/schemas/sarif-schema-2.1.0.json
check-sarif:
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	@mkdir -p .build/sarif
	@.build/debug/hedgerow scan Fixtures/example --format sarif -o .build/sarif/findings.sarif || [ $$? -eq 1 ]
	@.build/debug/hedgerow scan Sources --format sarif -o .build/sarif/clean.sarif
	python3 .ci/validate-sarif.py $(SARIF_SCHEMA) .build/sarif/findings.sarif .build/sarif/clean.sarif

## check-output: run every command that writes JSON and validate each document and line
## against its schema in docs/schemas (JSON Schema 2020-12).
check-output:
	@python3 -c 'import jsonschema, referencing' 2>/dev/null || python3 -m pip install -q jsonschema
	python3 .ci/validate-output.py .build/debug/hedgerow

## contract: show that JSON output is unchanged but for the contract's renames, against an
## earlier build: make contract OLD_BIN=/path/to/old/hedgerow
STDLIB ?= $(shell python3 -c 'import sysconfig;print(sysconfig.get_paths()["stdlib"])')
contract:
	@test -n "$(OLD_BIN)" || { echo "set OLD_BIN to an earlier hedgerow binary"; exit 2; }
	@mkdir -p .build/contract
	@for input in ../shared/eval/visible ../shared/eval/people-visible Fixtures $(STDLIB); do \
		name=$$(echo $$input | tr '/.' '__'); \
		$(OLD_BIN) scan $$input --format json --min-confidence low > .build/contract/$$name.old.json; \
		.build/debug/hedgerow scan $$input --format json --min-confidence low > .build/contract/$$name.new.json; \
		python3 scripts/check-output-contract.py .build/contract/$$name.old.json .build/contract/$$name.new.json || exit 1; \
	done

## samples: regenerate the sample prevention result and incident records in docs/examples/ from Fixtures/.
samples:
	$(SWIFT) build
	scripts/samples.sh .build/debug/hedgerow docs/examples

## check-samples: fail when docs/examples/ is not what `make samples` writes today (uses the
## debug binary `make test` builds).
check-samples:
	@test -x .build/debug/hedgerow || { echo "check-samples: no .build/debug/hedgerow; run make test or swift build first"; exit 2; }
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	scripts/samples.sh .build/debug/hedgerow "$$tmp" > /dev/null; \
	if diff -ru docs/examples "$$tmp"; then echo "check-samples: docs/examples is up to date"; \
	else echo "check-samples: docs/examples is stale: run make samples and commit the result"; exit 1; fi

## check-links: every relative link in README.md and docs/ resolves (files and #headings).
check-links:
	python3 scripts/check-links.py

## check-docs: samples up to date and no broken links.
check-docs: check-samples check-links

## eval: precision and recall on the shared labelled corpus (../shared/eval).
eval: build
	$(BIN) scan ../shared/eval/visible --format json > /tmp/hedgerow-eval.json || true
	python3 ../shared/eval/score.py --labels ../shared/eval/visible/labels.jsonl \
		--findings /tmp/hedgerow-eval.json --format hedgerow --root ../shared/eval/visible \
		--misses /tmp/hedgerow-misses.jsonl

## bench: speed and memory (not a test): the standard library, a generated corpus, a 2 GB file,
## the pre-commit hook, history, a 20-repository audit, scan and redact of 100 MB generated
## transcripts, one long line, dense SARIF and ulimit -v. Set SCANNERS_BIN to compare kingfisher and gitleaks.
bench: build
	bench/scan-bench.sh $(BIN)
	bench/git-bench.sh $(BIN)
	bench/audit-bench.sh $(BIN)
	bench/transcript-bench.sh $(BIN)
	bench/limits-bench.sh $(BIN)

## dist: the release tarball dist/hedgerow-VERSION-linux-ARCH.tar.gz and its .sha256: a binary with
## the Swift runtime linked in (needs only glibc and libpcre2-8 on the target), completions,
## the manual page, LICENSE and a short README. See docs/install.md.
VERSION := $(shell cat VERSION)
ARCH := $(shell uname -m)
DIST_NAME := hedgerow-$(VERSION)-linux-$(ARCH)
STAGE := .build/stage/$(DIST_NAME)
MANUAL := .build/manual
PREFIX ?= /usr/local

dist: stage
	@mkdir -p dist
	tar -C $(dir $(STAGE)) --owner=0 --group=0 --numeric-owner --sort=name -czf dist/$(DIST_NAME).tar.gz $(DIST_NAME)
	cd dist && sha256sum $(DIST_NAME).tar.gz > $(DIST_NAME).tar.gz.sha256
	@ls -l dist/$(DIST_NAME).tar.gz && cat dist/$(DIST_NAME).tar.gz.sha256

## install: the same files as the tarball, from a build, under PREFIX (default /usr/local; DESTDIR honoured).
install: stage
	mkdir -p $(DESTDIR)$(PREFIX)
	cp -R $(STAGE)/. $(DESTDIR)$(PREFIX)/

# The static build goes to its own scratch path so `make build` (dynamic) and `make dist` do
# not relink each other's binary on every alternation.
DIST_BUILD := .build-dist
stage: setup-libs
	$(SWIFT) build -c release --static-swift-stdlib --product hedgerow --scratch-path $(DIST_BUILD)
	SWIFT=$(SWIFT) scripts/dist/manual.sh $(DIST_BUILD)/release/hedgerow $(MANUAL) $(DIST_BUILD)
	scripts/dist/stage.sh $(DIST_BUILD)/release/hedgerow $(MANUAL) $(STAGE)

clean:
	rm -rf .build .build-dist .build-fuzz dist
