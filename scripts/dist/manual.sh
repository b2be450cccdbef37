#!/usr/bin/env bash
# Writes the manual page(s) for a built hedgerow into OUT_DIR with swift-argument-parser's own
# generate-manual tool (the engine behind its GenerateManual plugin). The plugin itself is not
# used because it rebuilds every product in its own configuration; the tool is built from the
# package copy SwiftPM already checked out (no network beyond the usual dependency fetch) and
# pointed at the exact binary that ships, so the page matches its options.
# usage: scripts/dist/manual.sh BINARY OUT_DIR [SCRATCH_PATH]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BINARY OUT_DIR [SCRATCH_PATH]" >&2; exit 2; }
binary=$1 out=$2 scratch=${3:-.build-dist}
swift=${SWIFT:-swift}

# Same flags as the hedgerow build so the shared modules are not rebuilt.
"$swift" build -c release --static-swift-stdlib --product generate-manual --scratch-path "$scratch" >&2
tool="$scratch/release/generate-manual"
rm -rf "$out" && mkdir -p "$out"
# The commit date, not today's, so the same commit gives the same page.
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
# One page per subcommand (hedgerow.1, hedgerow.scan.1, ...): `man hedgerow.git` reads like git's own.
"$tool" "$binary" --multi-page --date "$date" --output-directory "$out"
ls "$out"/*.1 >/dev/null
