#!/usr/bin/env bash
# Lays out what `make dist` packs and `make install` copies, so the tarball and an install
# from a build hold exactly the same files:
#   bin/hedgerow
#   share/man/man1/hedgerow*.1
#   share/bash-completion/completions/hedgerow
#   share/zsh/site-functions/_hedgerow
#   share/fish/vendor_completions.d/hedgerow.fish
#   share/doc/hedgerow/{LICENSE,README.md,example/}
# usage: scripts/dist/stage.sh BINARY MANUAL_DIR STAGE_DIR
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BINARY MANUAL_DIR STAGE_DIR" >&2; exit 2; }
binary=$1 manual=$2 stage=$3
root=$(cd "$(dirname "$0")/../.." && pwd)

rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
  "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d" "$stage/share/doc/hedgerow"

install -m 755 "$binary" "$stage/bin/hedgerow"
# Release binaries carry no debug sections: they would triple the download.
strip "$stage/bin/hedgerow" 2>/dev/null || true

# Completions come from the binary itself (swift-argument-parser), so they match its options.
"$stage/bin/hedgerow" --generate-completion-script bash > "$stage/share/bash-completion/completions/hedgerow"
"$stage/bin/hedgerow" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_hedgerow"
"$stage/bin/hedgerow" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/hedgerow.fish"

pages=$(ls "$manual"/*.1 2>/dev/null | wc -l)
[ "$pages" -gt 0 ] || { echo "stage: no manual pages in $manual" >&2; exit 2; }
install -m 644 "$manual"/*.1 "$stage/share/man/man1/"

install -m 644 "$root/LICENSE" "$stage/share/doc/hedgerow/LICENSE"
install -m 644 "$root/scripts/dist/README.dist.md" "$stage/share/doc/hedgerow/README.md"
# The bundled example (fake data in real formats): `hedgerow scan` on it finds something in
# every category, which is the quickest check that an install works.
cp -R "$root/Fixtures/example" "$stage/share/doc/hedgerow/example"
chmod -R u+rwX,go+rX,go-w "$stage"
