#!/usr/bin/env bash
# Benchmark (not a test): `hedgerow scan` and `hedgerow redact` of generated 100 MB meeting
# transcripts (bench/gen_transcript.py): Teams-style and Zoom-style WebVTT at an ordinary
# density of personal values, and a dense Teams-style file (a value in every turn of the
# participant's) for redaction's worst case. Wall time, MB/s and peak RSS, median of RUNS,
# with the machine's load before each input (timings on a shared machine move with it).
# Usage: bench/transcript-bench.sh [hedgerow]   (MEGABYTES=100 RUNS=5 THREADS= BENCH_DIR=)
set -euo pipefail
HEDGEROW=$(realpath "${1:-.build/release/hedgerow}")
WORK=${BENCH_DIR:-/tmp/hedgerow-bench}/transcripts
RUNS=${RUNS:-5}
MEGABYTES=${MEGABYTES:-100}
THREADS=${THREADS:+--threads $THREADS}
mkdir -p "$WORK"

# Runs "$@" RUNS times; prints "median_wall_s max_rss_kb".
measure() {
  local i; rm -f "$WORK/times.txt"
  for i in $(seq 1 "$RUNS"); do /usr/bin/time -a -o "$WORK/times.txt" -f "%e %M" "$@" >/dev/null 2>&1 || true; done
  grep -v Command "$WORK/times.txt" | python3 -c 'import sys,statistics; r=[l.split() for l in sys.stdin if l.strip()]; print(statistics.median(float(a) for a,_ in r), max(int(b) for _,b in r))'
}
report() { # name bytes wall rss
  python3 -c 'import sys; n, b, w, r = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]); print(f"  {n:<8} {w:7.2f} s  {b / 1e6 / w:8.1f} MB/s  peak RSS {r / 1024:6.1f} MB")' "$@"
}

for spec in "teams ordinary" "zoom ordinary" "teams dense"; do
  set -- $spec
  file="$WORK/$1-$2-${MEGABYTES}mb.vtt"
  [ -f "$file" ] || python3 "$(dirname "$0")/gen_transcript.py" "$file" "$MEGABYTES" "$1" "$2"
  bytes=$(stat -c %s "$file")
  echo "== $1-style WebVTT, $2 density ($((bytes / 1000000)) MB; median of $RUNS; load $(cut -d' ' -f1-3 /proc/loadavg)) =="
  # `scan` as JSON Lines to a file: the prevention result of a transcript holds every
  # finding in memory for its verdict, which is not what is measured here.
  read -r w r < <(measure "$HEDGEROW" scan "$file" --format jsonl -o "$WORK/findings.jsonl" $THREADS)
  report scan "$bytes" "$w" "$r"
  read -r w r < <(measure "$HEDGEROW" redact "$file" -o "$WORK/redacted.vtt" $THREADS)
  report redact "$bytes" "$w" "$r"
done
rm -f "$WORK/findings.jsonl" "$WORK/redacted.vtt" "$WORK/times.txt"
