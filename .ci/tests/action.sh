#!/usr/bin/env bash
# The GitHub Action's scan step (.github/action/run.sh) run as GitHub runs it, in temporary
# repositories with the GITHUB_* variables and event payloads of pull_request and push events;
# its install step from a release tarball when one was built. usage: action.sh HEDGEROW [TARBALL]
source "$(dirname "$0")/lib.sh"
HEDGEROW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TARBALL=${2:+$(cd "$(dirname "$2")" && pwd)/$(basename "$2")}
export PATH="$(dirname "$HEDGEROW"):$PATH"
echo "== action"

# The action's metadata, against GitHub's published schema (carried by check-jsonschema).
expect_exit 0 "action.yml matches the action metadata schema" -- \
  check-jsonschema --builtin-schema vendor.github-actions "$ROOT/action.yml"

# origin: main (clean), feature (adds the example's files), tidy (a clean change).
new_repo "$WORK/src"
git -C "$WORK/src" checkout -q -b feature
cp -R "$ROOT/Fixtures/example" "$WORK/src/config"
git -C "$WORK/src" add config && git -C "$WORK/src" commit -q -m "add config"
git -C "$WORK/src" checkout -q -b tidy main
echo "more words" >> "$WORK/src/README.md"
git -C "$WORK/src" commit -q -am "tidy"
git clone -q --bare "$WORK/src" "$WORK/origin.git"
git clone -q "$WORK/origin.git" "$WORK/checkout"
co=$WORK/checkout
base=$(git -C "$co" rev-parse origin/main)
feature=$(git -C "$co" rev-parse origin/feature)
tidy=$(git -C "$co" rev-parse origin/tidy)
# A pull request is checked out as GitHub's merge commit, not the branch head.
git -C "$co" checkout -q --detach "$base"
git -C "$co" merge -q --no-ff -m "Merge feature into main" "$feature"
merge=$(git -C "$co" rev-parse HEAD)

# run_action NAME EVENT PAYLOAD [VAR=VALUE...]: the scan step with a fresh output, summary and SARIF path.
run_action() {
  local name=$1 event=$2 payload=$3; shift 3
  mkdir -p "$WORK/$name"
  printf '%s\n' "$payload" > "$WORK/$name/event.json"
  (cd "$co" && env GITHUB_ACTIONS=true GITHUB_EVENT_NAME="$event" GITHUB_EVENT_PATH="$WORK/$name/event.json" \
    GITHUB_OUTPUT="$WORK/$name/output" GITHUB_STEP_SUMMARY="$WORK/$name/summary.md" RUNNER_TEMP="$WORK" \
    HEDGEROW_SARIF="$WORK/$name/hedgerow.sarif" "$@" "$ROOT/.github/action/run.sh")
}
pr() { printf '{"pull_request":{"base":{"sha":"%s","ref":"main"},"head":{"sha":"%s","ref":"%s"}}}' "$1" "$2" "$3"; }

expect_exit 1 "pull_request adding the example fails" -- \
  run_action pr-findings pull_request "$(pr "$base" "$feature" feature)" GITHUB_BASE_REF=main GITHUB_HEAD_REF=feature GITHUB_SHA="$merge" GITHUB_REF=refs/pull/7/merge
out=$WORK/pr-findings
contains "$out/output" "^exit-code=1$" "exit-code output is 1"
contains "$out/output" "^scanned=$base..$feature$" "the range is base..head of the pull request"
contains "$out/output" "^sarif-file=$out/hedgerow.sarif$" "sarif-file output names the report"
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]["results"]; sys.exit(0 if r else 1)' "$out/hedgerow.sarif"; then
  pass "SARIF holds results"; else fail "SARIF has no results"; fi
[ -s "$out/summary.md" ] && pass "job summary written" || fail "job summary empty"
no_raw_values "$out/hedgerow.sarif" "$out/summary.md" "$WORK/last.out"

expect_exit 0 "fail-on-findings false reports but passes" -- \
  run_action pr-soft pull_request "$(pr "$base" "$feature" feature)" GITHUB_SHA="$merge" HEDGEROW_FAIL_ON_FINDINGS=false
contains "$WORK/pr-soft/output" "^exit-code=1$" "exit-code output still 1"

expect_exit 0 "a clean pull_request passes" -- \
  run_action pr-clean pull_request "$(pr "$base" "$tidy" tidy)" GITHUB_SHA="$tidy"
contains "$WORK/pr-clean/output" "^exit-code=0$" "exit-code output is 0"

incidents=$WORK/incidents
expect_exit 1 "incident-dir and min-confidence are passed on" -- \
  run_action pr-incidents pull_request "$(pr "$base" "$feature" feature)" HEDGEROW_INCIDENT_DIR="$incidents" HEDGEROW_MIN_CONFIDENCE=high
ls "$incidents"/*.md >/dev/null 2>&1 && pass "incident records drafted" || fail "no incident records in $incidents"

# A baseline made from the feature's findings silences exactly them.
expect_exit 0 "baseline created from the checkout" -- \
  sh -c "cd '$co' && '$HEDGEROW' baseline create config -o '$WORK/baseline.tsv'"
expect_exit 0 "baseline input suppresses known findings" -- \
  run_action pr-baseline pull_request "$(pr "$base" "$feature" feature)" HEDGEROW_BASELINE="$WORK/baseline.tsv"

expect_exit 2 "a base missing from a shallow checkout is an error that says what to do" -- \
  run_action pr-shallow pull_request "$(pr 1111111111111111111111111111111111111111 "$feature" feature)"
contains "$WORK/last.out" "fetch-depth: 0" "the message names fetch-depth: 0"

zero=0000000000000000000000000000000000000000
push() { printf '{"before":"%s","after":"%s","repository":{"default_branch":"main"}}' "$1" "$2"; }
expect_exit 1 "push of a new branch scans what the default branch lacks" -- \
  run_action push-new push "$(push "$zero" "$feature")" GITHUB_REF=refs/heads/feature GITHUB_SHA="$feature"
contains "$WORK/push-new/output" "^scanned=origin/main..$feature$" "new branch range starts at origin/main"
expect_exit 0 "push before..after of a clean commit passes" -- \
  run_action push-clean push "$(push "$base" "$tidy")" GITHUB_REF=refs/heads/tidy GITHUB_SHA="$tidy"
contains "$WORK/push-clean/output" "^scanned=$base..$tidy$" "push range is before..after"
expect_exit 1 "a force push whose before commit is gone compares with the default branch" -- \
  run_action push-forced push "$(printf '{"before":"%s","after":"%s","forced":true,"repository":{"default_branch":"main"}}' \
    2222222222222222222222222222222222222222 "$feature")" GITHUB_REF=refs/heads/feature
contains "$WORK/push-forced/output" "^scanned=origin/main..$feature$" "forced push range starts at origin/main"
expect_exit 0 "a deleted branch has nothing to scan" -- \
  run_action push-delete push "$(push "$feature" "$zero")" GITHUB_REF=refs/heads/feature
expect_exit 1 "first push of the default branch scans its history" -- \
  run_action push-first push "$(push "$zero" "$merge")" GITHUB_REF=refs/heads/main GITHUB_SHA="$merge"
expect_exit 2 "mode range on another event is an error" -- \
  run_action dispatch workflow_dispatch '{}' HEDGEROW_MODE=range
expect_exit 1 "auto on another event scans the checkout" -- \
  run_action schedule schedule '{}'

# The install step from a release tarball: checksum checked, binary put on GITHUB_PATH.
if [ -n "$TARBALL" ]; then
  sum=$(cut -d' ' -f1 "$TARBALL.sha256")
  expect_exit 0 "install step from release-url" -- env GITHUB_PATH="$WORK/path" RUNNER_TEMP="$WORK" \
    HEDGEROW_BIN_DIR="$WORK/bin" HEDGEROW_RELEASE_URL="file://$TARBALL" HEDGEROW_RELEASE_SHA256="$sum" \
    "$ROOT/.github/action/install.sh"
  contains "$WORK/path" "^$WORK/bin$" "bin folder added to GITHUB_PATH"
  expect_exit 2 "install step refuses a tarball with the wrong checksum" -- env RUNNER_TEMP="$WORK" \
    HEDGEROW_BIN_DIR="$WORK/bin2" HEDGEROW_RELEASE_URL="file://$TARBALL" HEDGEROW_RELEASE_SHA256="${sum//?/0}" \
    "$ROOT/.github/action/install.sh"
fi
finish "action"
