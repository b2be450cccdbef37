#!/usr/bin/env bash
# The action's scan step, runnable outside GitHub for tests: reads the GITHUB_* variables and
# the event file, works out what the event added, runs hedgerow, writes SARIF, the job summary
# and step outputs. Exit 0 clean, 1 findings (when HEDGEROW_FAIL_ON_FINDINGS is true), 2 error.
set -uo pipefail
hedgerow=${HEDGEROW:-hedgerow}
mode=${HEDGEROW_MODE:-auto}
sarif=${HEDGEROW_SARIF:-hedgerow.sarif}
event=${GITHUB_EVENT_NAME:-}
zero=0000000000000000000000000000000000000000

fail() { echo "::error::hedgerow: $*" >&2; emit exit-code 2; exit 2; }
emit() { if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >> "$GITHUB_OUTPUT"; fi; }
# One field of the event payload; jq is on GitHub's runners, python3 on most others.
field() {
  local path=$1 file=${GITHUB_EVENT_PATH:-}
  [ -n "$file" ] && [ -f "$file" ] || return 0
  if command -v jq >/dev/null; then jq -r "$path // empty" "$file"
  else python3 -c 'import json,sys
v=json.load(open(sys.argv[1]))
for k in sys.argv[2].lstrip(".").split("."): v=v.get(k) if isinstance(v,dict) else None
print("" if v is None else v)' "$file" "$path"; fi
}
# A commit the range needs but a shallow checkout lacks is fetched once; if it still is not
# there, say how to fix the checkout rather than scan less than asked.
have_commit() {
  git cat-file -e "$1^{commit}" 2>/dev/null && return 0
  git fetch --no-tags --quiet origin "$1" 2>/dev/null && git cat-file -e "$1^{commit}" 2>/dev/null
}

command -v "$hedgerow" >/dev/null || fail "the hedgerow binary is not on PATH"
git rev-parse --git-dir >/dev/null 2>&1 || fail "$(pwd) is not a git checkout (use actions/checkout first)"

if [ "$mode" = auto ]; then
  case "$event" in pull_request|pull_request_target|push) mode=range ;; *) mode=tree ;; esac
fi

case "$mode" in
  range)
    case "$event" in
      pull_request|pull_request_target)
        base=$(field .pull_request.base.sha); head=$(field .pull_request.head.sha)
        [ -n "$base" ] && [ -n "$head" ] || fail "the pull_request event has no base and head commits"
        ;;
      push)
        base=$(field .before); head=$(field .after)
        head=${head:-${GITHUB_SHA:-}}
        [ -n "$head" ] || fail "the push event has no after commit"
        if [ "$head" = "$zero" ]; then
          echo "hedgerow: the push deleted a branch; nothing was added"
          emit exit-code 0; emit scanned none; exit 0
        fi
        # A force push can leave `before` unreachable: then, like a new branch, compare with
        # the default branch rather than fail every force push.
        if [ -n "$base" ] && [ "$base" != "$zero" ] && [ "$(field .forced)" = true ] && ! have_commit "$base"; then
          echo "::notice::hedgerow: the commit before this force push is gone; scanning what the default branch lacks"
          base=$zero
        fi
        if [ -z "$base" ] || [ "$base" = "$zero" ]; then
          # A new branch: what it adds is what the default branch does not hold. If the
          # default branch is the one being created (a first push), everything is new.
          default=$(field .repository.default_branch)
          if [ -n "$default" ] && [ "refs/heads/$default" != "${GITHUB_REF:-}" ] && have_commit "origin/$default"; then
            base="origin/$default"
          else
            base=""
          fi
        fi
        ;;
      *) fail "mode range needs a push or pull_request event, not '${event:-none}'" ;;
    esac
    have_commit "$head" || fail "commit $head is not in the checkout"
    if [ -n "$base" ]; then
      have_commit "$base" || fail "the range base $base is not in the checkout; use actions/checkout with fetch-depth: 0"
      scanned="$base..$head"
      scan=(git --range "$scanned")
    else
      scanned="history of $head"
      scan=(git --history --branch "$head")
    fi
    ;;
  tree) scanned=tree; scan=(scan .) ;;
  history) scanned=history; scan=(git --history) ;;
  *) fail "unknown mode '$mode' (auto, range, tree or history)" ;;
esac

common=(--min-confidence "${HEDGEROW_MIN_CONFIDENCE:-medium}")
[ -n "${HEDGEROW_BASELINE:-}" ] && common+=(--baseline "$HEDGEROW_BASELINE")
echo "hedgerow: scanning $scanned"
emit scanned "$scanned"

# SARIF (and incident records, drafted once) first; its exit code is the verdict.
incidents=()
[ -n "${HEDGEROW_INCIDENT_DIR:-}" ] && incidents=(--incident-dir "$HEDGEROW_INCIDENT_DIR")
mkdir -p "$(dirname "$sarif")"
"$hedgerow" "${scan[@]}" "${common[@]}" "${incidents[@]}" --format sarif -o "$sarif"
status=$?
[ "$status" -le 1 ] || fail "hedgerow exited $status (see the messages above)"
emit sarif-file "$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")"

# The same scan as Markdown for the job page and the log (masked, like every format).
summary=$(mktemp "${RUNNER_TEMP:-/tmp}/hedgerow-summary.XXXXXX")
"$hedgerow" "${scan[@]}" "${common[@]}" --format markdown -o "$summary"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$summary" >> "$GITHUB_STEP_SUMMARY"; fi
cat "$summary"
rm -f "$summary"

emit exit-code "$status"
if [ "$status" -eq 1 ] && [ "${HEDGEROW_FAIL_ON_FINDINGS:-true}" != true ]; then
  echo "::warning::hedgerow found personal data or secrets (fail-on-findings is off)"
  exit 0
fi
exit "$status"
