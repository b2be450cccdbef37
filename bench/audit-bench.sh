#!/usr/bin/env bash
# Benchmark (not a test): audit 20 generated repositories with history, then the same in
# two shards merged. Prints wall time and peak RSS. Usage: bench/audit-bench.sh [hedgerow]
set -euo pipefail
HEDGEROW=$(realpath "${1:-.build/release/hedgerow}")
WORK=${BENCH_DIR:-/tmp/hedgerow-bench}/audit
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.invalid
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HEDGEROW_FINGERPRINT_KEY=bench-key
if [ ! -d "$WORK/repos/repo19" ]; then
  echo "generating 20 repositories with history in $WORK/repos ..."
  rm -rf "$WORK"; mkdir -p "$WORK/repos"
  stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
  find "$stdlib" -maxdepth 1 -name '*.py' | sort > "$WORK/files.txt"
  python3 - "$WORK/repos" "$WORK/files.txt" <<'PY'
import os, random, subprocess, sys
root, listing = sys.argv[1], sys.argv[2]
files = open(listing).read().split()
rng = random.Random(20)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
for r in range(20):
    repo = os.path.join(root, f"repo{r:02d}")
    subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True)
    for c in range(30):
        for f in rng.sample(files, 3):
            text = open(f, encoding="utf-8", errors="replace").read()
            if rng.random() < 0.3:  # sprinkle fake values
                key = "AKIA" + "".join(rng.choice(alphabet) for _ in range(16))
                text += f"\n# aws_access_key_id = {key}\n# contact: user{rng.randint(1,999)}@gmail.com\n"
            with open(os.path.join(repo, f"c{c}_{os.path.basename(f)}"), "w") as out:
                out.write(text)
        subprocess.run(["git", "-C", repo, "add", "-A"], check=True)
        subprocess.run(["git", "-C", repo, "commit", "-q", "-m", f"commit {c}"], check=True)
PY
fi
size=$(du -sm "$WORK/repos" | cut -f1)
commits=$(for r in "$WORK"/repos/*; do git -C "$r" rev-list --all --count; done | paste -sd+ | bc)
echo "20 repositories, $commits commits, ${size} MB on disk"
cd "$WORK"
rm -rf state s1 s2
/usr/bin/time -o t.txt -f "%e %M" "$HEDGEROW" audit repos --state-dir state --format json -o whole.json 2>/dev/null || true
read -r wall rss < <(tail -1 t.txt); echo "audit (one run):        ${wall} s wall, peak RSS ${rss} KB"
/usr/bin/time -o t.txt -f "%e %M" "$HEDGEROW" audit repos --shard 1/2 --state-dir s1 --format json -o s1.json 2>/dev/null || true
read -r w1 r1 < <(tail -1 t.txt)
/usr/bin/time -o t.txt -f "%e %M" "$HEDGEROW" audit repos --shard 2/2 --state-dir s2 --format json -o s2.json 2>/dev/null || true
read -r w2 r2 < <(tail -1 t.txt)
/usr/bin/time -o t.txt -f "%e %M" "$HEDGEROW" merge s1 s2 --format json -o merged.json 2>/dev/null || true
read -r wm rm_ < <(tail -1 t.txt)
echo "shard 1/2: ${w1} s, ${r1} KB; shard 2/2: ${w2} s, ${r2} KB; merge: ${wm} s, ${rm_} KB"
if cmp -s whole.json merged.json; then echo "merged report == unsharded report"; else echo "MERGED REPORT DIFFERS"; exit 1; fi
