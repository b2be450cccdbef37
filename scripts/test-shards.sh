#!/usr/bin/env bash
# Runs the whole test suite as three processes at once (the tests must be built:
# `swift build --build-tests`). Most end-to-end tests wait on the hedgerow binary or the
# git they start, so one process leaves a core idle; three keep two cores busy. The
# shards run the test bundle directly: `swift test` processes would queue on SwiftPM's
# lock on .build. Shards are cut by suite from the bundle's own list, so together they
# run every test exactly once: end-to-end suites A-G, end-to-end suites I-Z, and the
# rest (the in-process suites and the hostile-input end-to-end suites). Each shard's log
# is kept in $TEST_LOGS (default: a temporary folder); a failing shard's errors are printed.
set -u
bundle=${TEST_BUNDLE:-$(ls -d .build/debug/*PackageTests.xctest 2>/dev/null | head -1)}
[ -x "$bundle" ] || { echo "test-shards: no test bundle in .build/debug; run swift build --build-tests" >&2; exit 2; }
logs=${TEST_LOGS:-$(mktemp -d)}
mkdir -p "$logs"
suites=$("$bundle" --list-tests | sed -n 's#^\([A-Za-z0-9_]*\.[A-Za-z0-9_]*\)/.*#\1#p' | sort -u)
[ -n "$suites" ] || { echo "test-shards: the bundle listed no tests" >&2; exit 2; }
shard() { echo "$suites" | grep -E "$1" | paste -sd, -; }
lists=("$(shard '^EndToEndTests\.[A-G]')" "$(shard '^EndToEndTests\.[I-Z]')" "$(echo "$suites" | grep -vE '^EndToEndTests\.[A-GI-Z]' | paste -sd, -)")
start=$(date +%s)
pids=()
for i in "${!lists[@]}"; do
  "$bundle" "${lists[$i]}" > "$logs/shard-$i.log" 2>&1 &
  pids+=($!)
done
status=()
for i in "${!pids[@]}"; do
  wait "${pids[$i]}"; status+=($?)
done
failed=0 total=0
for i in "${!lists[@]}"; do
  log="$logs/shard-$i.log"
  # XCTest's last "Executed" line is the shard's total.
  summary=$(grep -E "^[[:space:]]+Executed [0-9]+ tests?" "$log" | tail -1 | sed 's/^[[:space:]]*//')
  echo "shard $i ($(echo "${lists[$i]}" | tr ',' '\n' | wc -l) suites): ${summary:-no summary}"
  n=$(echo "$summary" | sed -nE 's/^Executed ([0-9]+) tests?.*/\1/p')
  total=$((total + ${n:-0}))
  if [ "${status[$i]}" -ne 0 ] || [ -z "$summary" ]; then
    failed=1
    echo "---- shard $i failed (exit ${status[$i]}); its errors (whole log: $log):"
    grep -E "error: |Fatal error|fatal error|failed \(" "$log" | head -60
    tail -5 "$log"
  fi
done
expected=$("$bundle" --list-tests | grep -c "/")
echo "tests: $total of $expected run in $(( $(date +%s) - start )) s over ${#lists[@]} shards"
[ "$total" -eq "$expected" ] || { echo "test-shards: $((expected - total)) tests did not run" >&2; failed=1; }
exit $failed
