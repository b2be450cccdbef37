# hedgerow: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/hedgerow

.PHONY: setup build demo test check-rules check-sarif samples eval bench clean

## setup: install the system libraries hedgerow links against (PCRE2, libarchive) if they are missing,
## pdftotext (poppler-utils) for PDFs, and xclip and Xvfb for the clipboard round-trip test of
## `hedgerow redact --clipboard` (Debian/Ubuntu).
setup:
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

## build: release build of the hedgerow binary.
build: setup
	$(SWIFT) build -c release

## demo: set up, build, and scan the bundled example (finds something in every category).
demo: build
	@echo "== hedgerow scan Fixtures/example =="
	@$(BIN) scan Fixtures/example; status=$$?; \
	echo "(exit code $$status: 0 clean, 1 findings, 2 error)"; \
	[ $$status -eq 1 ]

## test: set up and run the whole test suite, then the rules' own examples.
test: setup
	$(SWIFT) build
	$(SWIFT) test
	.build/debug/hedgerow rules check

## check-sarif: validate SARIF output (findings, and a clean run) against the SARIF 2.1.0 schema.
SARIF_SCHEMA ?= ../shared/schemas/sarif-schema-2.1.0.json
check-sarif:
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	@mkdir -p .build/sarif
	@.build/debug/hedgerow scan Fixtures/example --format sarif -o .build/sarif/findings.sarif || [ $$? -eq 1 ]
	@.build/debug/hedgerow scan Sources --format sarif -o .build/sarif/clean.sarif
	python3 .ci/validate-sarif.py $(SARIF_SCHEMA) .build/sarif/findings.sarif .build/sarif/clean.sarif

## samples: regenerate the README's sample prevention result and incident records from Fixtures/.
samples:
	$(SWIFT) build
	scripts/samples.sh .build/debug/hedgerow

## eval: precision and recall on the shared labelled corpus (../shared/eval).
eval: build
	$(BIN) scan ../shared/eval/visible --format json > /tmp/hedgerow-eval.json || true
	python3 ../shared/eval/score.py --labels ../shared/eval/visible/labels.jsonl \
		--findings /tmp/hedgerow-eval.json --format hedgerow --root ../shared/eval/visible \
		--misses /tmp/hedgerow-misses.jsonl

## bench: speed and memory (not a test): the standard library, a generated corpus, a 2 GB file,
## the pre-commit hook, history and a 20-repository audit. Set SCANNERS_BIN to compare kingfisher and gitleaks.
bench: build
	bench/scan-bench.sh $(BIN)
	bench/git-bench.sh $(BIN)
	bench/audit-bench.sh $(BIN)

clean:
	rm -rf .build
