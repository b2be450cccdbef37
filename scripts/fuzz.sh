#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets (Fuzz/Targets, enabled in Package.swift by
# HEDGEROW_FUZZ) in their own scratch path and runs each for FUZZ_SECONDS from its seed
# corpus (Fuzz/corpus/<target>), FUZZ_JOBS targets at a time. Fails when any target
# crashes, hangs or runs out of memory, naming the input that did it.
#   FUZZ_SECONDS  time per target (default 60)
#   FUZZ_TARGETS  which targets (default: all)
#   FUZZ_JOBS     targets run side by side (default: the number of cores)
set -uo pipefail
# Swift's own crash handler would take the trap before libFuzzer could write the input.
export SWIFT_BACKTRACE=enable=no
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"fuzz-diff fuzz-transcripts fuzz-documents fuzz-config fuzz-rules fuzz-scanner"}
JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
SCRATCH=.build-fuzz
WORK=$SCRATCH/work

start=$(date +%s)
for target in $TARGETS; do
    # One product at a time: the instrumented libraries cannot link into `hedgerow` itself.
    HEDGEROW_FUZZ=1 "$SWIFT" build -c release --scratch-path "$SCRATCH" --product "$target" 2>&1 |
        grep -E "error|Build of" || true
    [ -x "$SCRATCH/release/$target" ] || { echo "fuzz: could not build $target" >&2; exit 2; }
done
echo "fuzz: built $(echo $TARGETS | wc -w) targets in $(( $(date +%s) - start )) s"

# Each target: new inputs go to $WORK/corpus/<target> (the seeds in the repository stay as
# they are); a crashing input is written to $WORK/crashes/<target>/.
run() {
    local target=$1 log=$WORK/$1.log
    mkdir -p "$WORK/corpus/$target" "$WORK/crashes/$target"
    "$SCRATCH/release/$target" "$WORK/corpus/$target" "Fuzz/corpus/$target" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$WORK/crashes/$target/" -print_final_stats=1 > "$log" 2>&1
    local status=$?
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    if [ $status -eq 0 ]; then
        echo "fuzz: $target: ${runs:-?} inputs in ${SECONDS_EACH} s, no crash"
    else
        local input
        input=$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')
        echo "fuzz: $target FAILED (exit $status); crashing input: ${input:-see $log}"
        echo "fuzz:   replay: $SCRATCH/release/$target ${input:-<input>}   (log: $log)"
        grep -E "Fatal error|Precondition failed|ERROR: libFuzzer|==ERROR|SUMMARY" "$log" | head -5 | sed 's/^/fuzz:   /'
        return 1
    fi
}

mkdir -p "$WORK"
failed=0
pids=()
names=()
for target in $TARGETS; do
    run "$target" &
    pids+=($!); names+=("$target")
    # Keep at most JOBS targets running.
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 1; done
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
echo "fuzz: finished in $(( $(date +%s) - start )) s"
[ $failed -eq 0 ] || { echo "fuzz: a target crashed: keep its input in Fuzz/corpus/<target>/ with the fix and its test" >&2; exit 1; }
