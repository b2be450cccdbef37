# Shared by the .ci/tests scripts: a temporary folder removed on exit, assertions that say
# what failed, and throwaway repositories with fixed identities. Sourced, not run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hedgerow-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
# One key for every run, so fingerprints agree across the runs a test compares.
export HEDGEROW_FINGERPRINT_KEY=hedgerow-ci-test-key

failures=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*" >&2; failures=$((failures + 1)); }
# expect_exit WANT LABEL -- COMMAND...: runs COMMAND, output to $WORK/last.out
expect_exit() {
  local want=$1 label=$2; shift 3
  local got=0
  "$@" > "$WORK/last.out" 2>&1 || got=$?
  if [ "$got" = "$want" ]; then pass "$label (exit $got)"; else
    fail "$label: exit $got, expected $want"; sed 's/^/       | /' "$WORK/last.out" | tail -20 >&2; fi
}
contains() { if grep -q -- "$2" "$1"; then pass "$3"; else fail "$3: '$2' not in $(basename "$1")"; fi; }
# No raw value found in the example may appear in FILE... (hedgerow masks every output).
RAW_VALUES=$WORK/raw-values.txt
no_raw_values() {
  local file
  if [ ! -s "$RAW_VALUES" ]; then
    "$HEDGEROW" scan "$ROOT/Fixtures/example" --show-values --format json 2>/dev/null |
      python3 -c 'import json,sys
for f in json.load(sys.stdin).get("findings", []):
    # Protective markings are public words the rule descriptions use; a PEM armour
    # line names the key type, which masks show on purpose. Every other line of a value counts.
    if f.get("category") == "protective_marking": continue
    for line in (f.get("value") or "").splitlines():
        if len(line) >= 6 and not line.startswith("-----"): print(line)' | sort -u > "$RAW_VALUES" || true
  fi
  [ -s "$RAW_VALUES" ] || { fail "could not list the example's raw values"; return; }
  for file in "$@"; do
    if grep -F -q -f "$RAW_VALUES" "$file"; then fail "raw value in $(basename "$file")"; else pass "no raw value in $(basename "$file")"; fi
  done
}
finish() {
  if [ "$failures" -ne 0 ]; then echo "$1: $failures failure(s)" >&2; exit 1; fi
  echo "$1: all passed"
}
# new_repo DIR: an empty repository on main with one clean commit.
new_repo() {
  git init -q -b main "$1"
  echo "# demo" > "$1/README.md"
  git -C "$1" add README.md && git -C "$1" commit -q -m "first"
}
