#!/usr/bin/env bash
# Benchmark (not a test): the pre-commit hook on a one-line staged change in a generated
# repository of 5,000 files, and history throughput against `git log -p -U0` alone.
# Usage: bench/git-bench.sh [path/to/hedgerow]
set -euo pipefail
HEDGEROW=$(realpath "${1:-.build/release/hedgerow}")
WORK=${BENCH_DIR:-/tmp/hedgerow-bench}
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.invalid
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
mkdir -p "$WORK"

median() { python3 -c 'import sys,statistics; v=[float(x) for x in sys.stdin.read().split()]; print("%.1f" % (statistics.median(v)*1000))'; }
timeit() { # runs "$@" once, prints its wall time in seconds (timed inside python, not python's start-up)
  python3 -c 'import subprocess,sys,time; s=time.perf_counter(); subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL); print(time.perf_counter()-s)' "$@"; }

# 1. A repository of 5,000 generated files, one commit, then a one-line staged change.
REPO="$WORK/repo-5000"
if [ ! -d "$REPO/.git" ]; then
  echo "generating $REPO ..."
  rm -rf "$REPO"; mkdir -p "$REPO"
  python3 - "$REPO" <<'PY'
import os, sys, random
root = sys.argv[1]; rng = random.Random(5000)
words = "service handler request response config value table index user record cache queue".split()
for i in range(5000):
    d = os.path.join(root, f"pkg{i % 50:02d}", f"mod{i % 7}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"file{i:04d}.py"), "w") as f:
        for n in range(rng.randint(20, 120)):
            f.write(f"def {rng.choice(words)}_{n}(x):\n    return x + {n}  # {' '.join(rng.choices(words, k=6))}\n")
PY
  git -C "$REPO" init -q -b main && git -C "$REPO" add -A && git -C "$REPO" commit -q -m initial
fi
git -C "$REPO" reset -q --hard
echo "TIMEOUT = 30  # seconds" >> "$REPO/pkg00/mod0/file0000.py"
git -C "$REPO" add pkg00/mod0/file0000.py
(cd "$REPO" && "$HEDGEROW" git --staged >/dev/null) # warm the page cache
hook=$(for i in $(seq 1 15); do (cd "$REPO" && timeit "$HEDGEROW" git --staged --quiet); done | median)
diffonly=$(for i in $(seq 1 15); do (cd "$REPO" && timeit git diff --cached -U0); done | median)
echo "hook: hedgerow git --staged, one-line change, 5,000-file repository: median ${hook} ms (git diff --cached alone: ${diffonly} ms)"
# gitleaks from SCANNERS_BIN (as in scan-bench.sh) or the PATH.
GITLEAKS=$( [ -n "${SCANNERS_BIN:-}" ] && [ -x "$SCANNERS_BIN/gitleaks" ] && echo "$SCANNERS_BIN/gitleaks" || command -v gitleaks || true)
if [ -n "$GITLEAKS" ]; then
  gl=$(for i in $(seq 1 5); do (cd "$REPO" && timeit "$GITLEAKS" git --staged --no-banner); done | median)
  echo "      gitleaks git --staged: median ${gl} ms; hedgerow is $(python3 -c "print(f'{$gl/$hook:.1f}')")x faster"
fi
git -C "$REPO" reset -q --hard

# 2. History: commits that each add a slice of the Python standard library.
HIST="$WORK/history"
if [ ! -d "$HIST/.git" ]; then
  echo "generating $HIST ..."
  rm -rf "$HIST"; mkdir -p "$HIST"; git -C "$HIST" init -q -b main
  stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
  find "$stdlib" -name '*.py' -not -path '*/site-packages/*' -not -path '*/test/*' | sort | awk 'NR <= 2000' > "$WORK/files.txt"
  split -l 4 "$WORK/files.txt" "$WORK/batch."
  for b in "$WORK"/batch.*; do
    while read -r f; do rel=${f#"$stdlib"/}; mkdir -p "$HIST/$(dirname "$rel")"; cp "$f" "$HIST/$rel"; done < "$b"
    git -C "$HIST" add -A && git -C "$HIST" commit -q -m "add $(basename "$b")"
  done
  rm -f "$WORK"/batch.*
fi
bytes=$(git -C "$HIST" log -p -U0 --all --no-color | wc -c)
commits=$(git -C "$HIST" rev-list --all | wc -l)
logonly=$(for i in 1 2 3; do timeit git -C "$HIST" log -p -U0 --all --no-color; done | median)
hist=$(for i in 1 2 3; do timeit "$HEDGEROW" git --history -C "$HIST"; done | median)
/usr/bin/time -o "$WORK/rss.txt" -f "%M" "$HEDGEROW" git --history -C "$HIST" >/dev/null 2>&1 || true
rss=$(tail -1 "$WORK/rss.txt")
python3 - "$bytes" "$commits" "$logonly" "$hist" "$rss" <<'PY'
import sys
b, c, log, h, rss = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
print(f"history: {c} commits, {b/1e6:.1f} MB of git log -p -U0 output")
print(f"  git log -p -U0 alone:  {log:.0f} ms ({b/1e6/(log/1000):.0f} MB/s)")
print(f"  hedgerow git --history: {h:.0f} ms ({b/1e6/(h/1000):.0f} MB/s, {h/log:.2f}x git log alone), peak RSS {rss} KB")
PY
