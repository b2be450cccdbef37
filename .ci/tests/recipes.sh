#!/usr/bin/env bash
# Runs the CI recipes in docs/ci/ as written, against temporary repositories, so a recipe
# cannot rot unnoticed: the GitHub workflow (through the action's scan step), the GitLab job
# (its before_script installs the tarball when one is given), the pre-commit configuration
# and the Kubernetes audit and merge Jobs. usage: recipes.sh HEDGEROW [TARBALL]
source "$(dirname "$0")/lib.sh"
HEDGEROW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TARBALL=${2:+$(cd "$(dirname "$2")" && pwd)/$(basename "$2")}
recipes="python3 $ROOT/.ci/tests/recipes.py"
mkdir -p "$WORK/bin" && ln -s "$HEDGEROW" "$WORK/bin/hedgerow"
export PATH="$WORK/bin:$PATH"

echo "== recipes: pages show the tested files"
expect_exit 0 "docs/ci pages show each recipe verbatim" -- $recipes doc-blocks

# origin: main (clean), feature (adds the example's files), tidy (a clean change).
new_repo "$WORK/src"
git -C "$WORK/src" checkout -q -b feature
cp -R "$ROOT/Fixtures/example" "$WORK/src/config"
git -C "$WORK/src" add config && git -C "$WORK/src" commit -q -m "add config"
git -C "$WORK/src" checkout -q -b tidy main
echo "more words" >> "$WORK/src/README.md" && git -C "$WORK/src" commit -q -am "tidy"
git clone -q --bare "$WORK/src" "$WORK/origin.git"
base=$(git -C "$WORK/origin.git" rev-parse main)
feature=$(git -C "$WORK/origin.git" rev-parse feature)
tidy=$(git -C "$WORK/origin.git" rev-parse tidy)

echo "== recipes: GitHub Actions (docs/ci/github-actions.yml)"
expect_exit 0 "workflow matches GitHub's workflow schema" -- \
  check-jsonschema --builtin-schema vendor.github-workflows "$ROOT/docs/ci/github-actions.yml"
if $recipes github > "$WORK/gha.env" 2> "$WORK/gha.err"; then pass "checkout depth, pinned action, its inputs and outputs agree with action.yml"
else fail "workflow and action disagree: $(tail -1 "$WORK/gha.err")"; fi
git clone -q "$WORK/origin.git" "$WORK/gha"
printf '{"pull_request":{"base":{"sha":"%s"},"head":{"sha":"%s"}}}' "$base" "$feature" > "$WORK/gha-event.json"
# The workflow's `with:` inputs become the scan step's environment, as action.yml maps them.
expect_exit 1 "the workflow's action step fails a pull request that adds the example" -- \
  sh -c "cd '$WORK/gha' && git checkout -q '$feature' && env \$(cat '$WORK/gha.env' | tr -d \"'\") \
    GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH='$WORK/gha-event.json' GITHUB_OUTPUT='$WORK/gha.out' \
    GITHUB_STEP_SUMMARY='$WORK/gha-summary.md' RUNNER_TEMP='$WORK' '$ROOT/.github/action/run.sh'"
contains "$WORK/gha.out" "^sarif-file=$WORK/gha/hedgerow.sarif$" "sarif-file output for upload-sarif"
ls "$WORK/gha/hedgerow-incidents/"*.md >/dev/null 2>&1 && pass "incident-dir input drafted records" || fail "no records in hedgerow-incidents"

echo "== recipes: GitLab CI (docs/ci/gitlab-ci.yml)"
expect_exit 0 "job matches GitLab's CI schema" -- \
  check-jsonschema --builtin-schema vendor.gitlab-ci "$ROOT/docs/ci/gitlab-ci.yml"
# GitLab's bash runs each part with -eo pipefail.
{ echo "set -eo pipefail"; $recipes gitlab hedgerow before; } > "$WORK/gitlab-before.sh"
{ echo "set -eo pipefail"; $recipes gitlab hedgerow script; } > "$WORK/gitlab.sh"
mkdir -p "$WORK/shim" "$WORK/prefix"
printf '#!/bin/sh\necho "(apt-get $* skipped in the test)"\n' > "$WORK/shim/apt-get" && chmod +x "$WORK/shim/apt-get"
gitlab_env=(CI_PROJECT_DIR=. CI_DEFAULT_BRANCH=main "PATH=$WORK/prefix/bin:$WORK/shim:$PATH")
if [ -n "$TARBALL" ]; then
  # The before_script as written: apt-get stubbed (the packages are here), curl fetches the tarball.
  gitlab_env+=(HEDGEROW_URL="file://$TARBALL" HEDGEROW_SHA256="$(cut -d' ' -f1 "$TARBALL.sha256")" HEDGEROW_PREFIX="$WORK/prefix")
  expect_exit 0 "before_script installs the tarball" -- env "${gitlab_env[@]}" bash "$WORK/gitlab-before.sh"
  rm -f /tmp/hedgerow.tar.gz   # where the recipe downloads to, as on a throwaway runner
  [ -x "$WORK/prefix/bin/hedgerow" ] && pass "hedgerow installed under HEDGEROW_PREFIX" || fail "no $WORK/prefix/bin/hedgerow"
fi
# gitlab_job NAME VAR=VALUE...: a clone as GitLab makes it (the pipeline's branch only), then the job.
gitlab_job() {
  local name=$1 branch=$2; shift 2
  git clone -q --single-branch --branch "$branch" "$WORK/origin.git" "$WORK/gl-$name"
  (cd "$WORK/gl-$name" && env "${gitlab_env[@]}" "$@" bash "$WORK/gitlab.sh")
}
expect_exit 1 "merge request adding the example fails" -- gitlab_job mr feature CI_PIPELINE_SOURCE=merge_request_event \
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main CI_MERGE_REQUEST_DIFF_BASE_SHA="$base" CI_COMMIT_SHA="$feature"
[ -s "$WORK/gl-mr/hedgerow.json" ] && [ -s "$WORK/gl-mr/hedgerow.md" ] && pass "JSON and Markdown artifacts written" || fail "artifacts missing"
no_raw_values "$WORK/gl-mr/hedgerow.json" "$WORK/gl-mr/hedgerow.md" "$WORK/last.out"
expect_exit 0 "merge request without CI_MERGE_REQUEST_DIFF_BASE_SHA uses the fetched target" -- gitlab_job mr-nobase tidy \
  CI_PIPELINE_SOURCE=merge_request_event CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main CI_COMMIT_SHA="$tidy"
expect_exit 2 "a target branch that cannot be fetched fails clearly" -- gitlab_job mr-missing feature \
  CI_PIPELINE_SOURCE=merge_request_event CI_MERGE_REQUEST_TARGET_BRANCH_NAME=no-such-branch CI_COMMIT_SHA="$feature"
contains "$WORK/last.out" "cannot fetch the target branch 'no-such-branch'" "the failure names the target branch"
expect_exit 0 "push to the default branch: before..after" -- gitlab_job push tidy CI_PIPELINE_SOURCE=push \
  CI_COMMIT_BRANCH=main CI_COMMIT_BEFORE_SHA="$base" CI_COMMIT_SHA="$tidy"
expect_exit 1 "first pipeline of a branch: its history" -- gitlab_job first feature CI_PIPELINE_SOURCE=push \
  CI_COMMIT_BEFORE_SHA=0000000000000000000000000000000000000000 CI_COMMIT_SHA="$feature"

echo "== recipes: pre-commit (docs/ci/pre-commit-config.yaml, .pre-commit-hooks.yaml)"
expect_exit 0 "hook manifest is valid" -- pre-commit validate-manifest "$ROOT/.pre-commit-hooks.yaml"
expect_exit 0 "recipe configuration is valid" -- pre-commit validate-config "$ROOT/docs/ci/pre-commit-config.yaml"
python3 - "$ROOT" > "$WORK/pc-check" 2>&1 <<'PY' && pass "hedgerow-system first; the building hook says what it needs; pinned by a full SHA" || { fail "pre-commit files"; cat "$WORK/pc-check" >&2; }
import re, sys, yaml, pathlib
root = pathlib.Path(sys.argv[1])
hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
assert hooks[0]["id"] == "hedgerow-system", "hedgerow-system must come first"
build = next(h for h in hooks if h["id"] == "hedgerow")
for need in ("Swift", "PCRE2", "network"):
    assert need in build["description"], f"the building hook's description must name {need}"
text = (root / "docs/ci/pre-commit-config.yaml").read_text()
repo = yaml.safe_load(text)["repos"][0]
assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"]), "rev must be a full commit SHA until releases are tagged"
assert "tag" in text, "the recipe must say why it pins a commit"
assert repo["hooks"][0]["id"] == "hedgerow-system"
PY
# The recipe with this repository as its source and HEAD as the pinned commit.
new_repo "$WORK/pc"
sed -e "s|repo: https://github.com/YOUR-ORG/hedgerow|repo: $ROOT|" \
    -e "s|rev: \"[0-9a-f]\{40\}\"|rev: \"$(git -C "$ROOT" rev-parse HEAD)\"|" \
    "$ROOT/docs/ci/pre-commit-config.yaml" > "$WORK/pc/.pre-commit-config.yaml"
export PRE_COMMIT_HOME=$WORK/pre-commit-home
git -C "$WORK/pc" add .pre-commit-config.yaml && git -C "$WORK/pc" commit -q -m "pre-commit"
expect_exit 0 "pre-commit install" -- sh -c "cd '$WORK/pc' && pre-commit install"
cp -R "$ROOT/Fixtures/example" "$WORK/pc/config" && git -C "$WORK/pc" add config
expect_exit 1 "pre-commit blocks a commit of the example" -- git -C "$WORK/pc" commit -q -m "config"
no_raw_values "$WORK/last.out"
git -C "$WORK/pc" reset -q && rm -rf "$WORK/pc/config"
echo "notes" > "$WORK/pc/notes.txt" && git -C "$WORK/pc" add notes.txt
expect_exit 0 "pre-commit lets a clean commit through" -- git -C "$WORK/pc" commit -q -m "notes"

echo "== recipes: Kubernetes sharded audit (docs/ci/kubernetes-audit.yaml)"
$recipes kubernetes > "$WORK/k8s.jsonl"
shards=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["completions"])' "$WORK/k8s.jsonl")
job_script() { python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readlines()[int(sys.argv[2])])["script"])' "$WORK/k8s.jsonl" "$1"; }
job_script 0 > "$WORK/audit.sh"; job_script 1 > "$WORK/merge.sh"
grep -q -- "--shard \"\$shard/$shards\"" "$WORK/audit.sh" && grep -q "seq -f '/results/state/shard-%g' 1 $shards" "$WORK/merge.sh" &&
  pass "shard count ($shards) agrees in completions, --shard and the merge" || fail "shard count disagrees between the Jobs"
# Mirrors: one repository with the example, three clean; /mirrors and /results become folders here.
mkdir -p "$WORK/mirrors"
for name in alpha bravo charlie; do new_repo "$WORK/mirrors/$name"; done
git clone -q --bare "$WORK/src" "$WORK/mirrors/delta.git"
mount() { sed -e "s|/mirrors|$WORK/mirrors|g" -e "s|/results|$WORK/results|g" "$1"; }
for ((i = 0; i < shards; i++)); do
  expect_exit 0 "audit shard index $i" -- env JOB_COMPLETION_INDEX=$i sh -c "$(mount "$WORK/audit.sh")"
done
[ "$(ls -d "$WORK/results/state/shard-"* | wc -l)" = "$shards" ] && pass "each shard wrote its own state folder" || fail "state folders missing"
expect_exit 0 "merge Job (findings are success)" -- sh -c "$(mount "$WORK/merge.sh")"
[ -s "$WORK/results/audit.md" ] && pass "merged report written" || fail "no audit.md"
ls "$WORK/results/incidents/"*.md >/dev/null 2>&1 && pass "incident records drafted once, from the merge" || fail "no incident records"
# The merge gives what one unsharded audit gives (volatile fields aside).
"$HEDGEROW" merge "$WORK/results/state/"shard-* --format json -o "$WORK/merged.json" || true
"$HEDGEROW" audit "$WORK/mirrors" --state-dir "$WORK/whole" --format json -o "$WORK/whole.json" 2>/dev/null || true
python3 - "$WORK/merged.json" "$WORK/whole.json" <<'PY' && pass "merged report equals an unsharded audit" || fail "merged report differs from an unsharded audit"
import json, sys
def strip(v):
    if isinstance(v, dict): return {k: strip(x) for k, x in v.items() if not any(t in k for t in ("time", "duration", "seconds", "elapsed", "generated", "scanned_at"))}
    if isinstance(v, list): return [strip(x) for x in v]
    return v
a, b = (strip(json.load(open(p))) for p in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
expect_exit 0 "merge with a missing shard folder is an error, not a smaller report" -- \
  sh -c "rm -rf '$WORK/results/state/shard-2' && ! sh -c \"\$(sed -e 's|/results|$WORK/results|g' '$WORK/merge.sh')\""
finish "recipes"
