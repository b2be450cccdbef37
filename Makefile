# hedgerow: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/hedgerow

.PHONY: setup build demo test check-rules check-sarif check-output contract samples eval bench clean rule-table check-rule-table

## setup: install the system library hedgerow links against (PCRE2) if it is missing, and
## xclip and Xvfb for the clipboard round-trip test of `hedgerow redact --clipboard` (Debian/Ubuntu).
setup:
	@if ! pkg-config --exists libpcre2-8 2>/dev/null || [ ! -f /usr/include/pcre2.h ]; then \
		echo "Installing libpcre2-dev (PCRE2 with JIT)..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpcre2-dev pkg-config; \
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
