#!/usr/bin/env bash
# Benchmark (not a test) for issue 23's reliability items: one 200 MB line of digit clusters
# against the same bytes in lines (item 14), SARIF memory on a file dense with findings
# (item 18), and a scan under `ulimit -v 200000` (item 12). Wall and user time, peak RSS.
# Usage: bench/limits-bench.sh [hedgerow]
set -euo pipefail
HEDGEROW=$(realpath "${1:-.build/release/hedgerow}")
WORK=${BENCH_DIR:-/tmp/hedgerow-bench}
mkdir -p "$WORK"

# Pieces with digit clusters (order numbers, timestamps, references, versions), joined by
# a space (one line) or by a newline every sixth piece; the same seed gives the same pieces.
generate() { # file megabytes separator
  python3 - "$@" <<'PY'
import random, sys
path, size, sep = sys.argv[1], int(sys.argv[2]) * 1_000_000, sys.argv[3]
rng = random.Random(14)
with open(path, "w") as out:
    n = 0
    while n < size:
        parts = []
        for _ in range(6):
            k = rng.randrange(5)
            if k == 0: parts.append("order %d" % rng.randint(10**7, 10**9))
            elif k == 1: parts.append("qty %d.%d.%d" % (rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 99)))
            elif k == 2: parts.append("at 2024-%02d-%02d %02d:%02d:%02d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)))
            elif k == 3: parts.append("ref %d-%d-%d" % (rng.randint(100, 999), rng.randint(10, 99), rng.randint(1000, 9999)))
            else: parts.append("the quick brown fox")
        line = " ".join(parts) + ("\n" if sep == "newline" else " ")
        out.write(line); n += len(line)
PY
}
run() { # label args...
  local label=$1; shift
  /usr/bin/time -f "%e %U %M" -o "$WORK/limits-time.txt" "$@" >/dev/null 2>&1 || true
  read -r wall user rss < "$WORK/limits-time.txt"
  printf '  %-34s %7.2f s wall  %7.2f s user  peak RSS %6.1f MB\n' "$label" "$wall" "$user" "$(echo "$rss / 1024" | bc -l)"
}

[ -f "$WORK/digits-lines-200.txt" ] || generate "$WORK/digits-lines-200.txt" 200 newline
[ -f "$WORK/digits-one-line-200.txt" ] || generate "$WORK/digits-one-line-200.txt" 200 space
echo "== 200 MB of digit clusters: in lines, and as one line =="
run "in lines" "$HEDGEROW" scan --format jsonl "$WORK/digits-lines-200.txt"
run "one line" "$HEDGEROW" scan --format jsonl "$WORK/digits-one-line-200.txt"
run "one line, --threads 1" "$HEDGEROW" scan --threads 1 --format jsonl "$WORK/digits-one-line-200.txt"

# About 10,000 findings per MB (UK phone numbers in the drama range, low confidence).
DENSE="$WORK/phones-100.txt"
if [ ! -f "$DENSE" ]; then
  python3 - "$DENSE" <<'PY'
import random, sys
rng = random.Random(18)
with open(sys.argv[1], "w") as out:
    n = 0
    while n < 100_000_000:
        line = "call 07700 900%03d or 07700 900%03d today\n" % (rng.randint(0, 999), rng.randint(0, 999))
        out.write(line); n += len(line)
PY
fi
echo "== SARIF and JSON Lines of 100 MB dense with findings (--min-confidence low) =="
run "sarif" "$HEDGEROW" scan --min-confidence low --format sarif "$DENSE"
run "jsonl" "$HEDGEROW" scan --min-confidence low --format jsonl "$DENSE"

echo "== under ulimit -v 200000 (exit status; 2 is a clean refusal) =="
for i in 1 2 3; do
  status=0; (ulimit -v 200000; "$HEDGEROW" scan --format jsonl "$WORK/digits-lines-200.txt" >/dev/null 2>"$WORK/limits-err.txt") || status=$?
  echo "  run $i: exit $status $(head -c 160 "$WORK/limits-err.txt")"
done
