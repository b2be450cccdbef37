#!/usr/bin/env bash
# Writes the sample prevention result and incident records from Fixtures/example with the built
# tool into docs/examples/ (or OUTDIR), for docs/incident-records.md. `make samples` runs it;
# `make check-samples` runs it into a temporary folder and compares.
# Usage: scripts/samples.sh [hedgerow] [OUTDIR]
#
# The files must not change from run to run: the fingerprint key is fixed (a published sample
# key, not a secret), and the detection time, the ICO deadline derived from it and the year in
# the incident IDs are rewritten to fixed values.
set -euo pipefail
cd "$(dirname "$0")/.."
HEDGEROW=${1:-.build/debug/hedgerow}
OUT=${2:-docs/examples}
export HEDGEROW_FINGERPRINT_KEY=hedgerow-docs-sample-key
export NO_COLOR=1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$HEDGEROW" scan - < Fixtures/example/deploy.env > "$work/prevention.txt" || [ $? -eq 1 ]
"$HEDGEROW" scan Fixtures/example --exposed --incident-dir "$work/records" > /dev/null 2>&1 || [ $? -eq 1 ]
cl=$(grep -l '"category" *: *"CL"' "$work"/records/AIENG-*.json | head -1)
de=$(grep -l '"category" *: *"DE"' "$work"/records/AIENG-*.json | head -1)
mkdir -p "$OUT"
python3 - "$work/prevention.txt" "$cl" "$de" "$OUT" <<'PY'
import datetime, json, re, sys
prevention, cl, de, out = sys.argv[1:5]
FIXED = datetime.datetime(2026, 1, 5, 9, 0, 0, tzinfo=datetime.timezone.utc)
def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
def normalise(record_json):
    record = json.load(open(record_json))
    detected = record.get("detected") or record.get("detected_at")
    text = open(record_json[: -len(".json")] + ".md").read()
    if detected:
        when = datetime.datetime.strptime(detected, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
        # Every time in a record is the detection time or a deadline counted from it.
        for hours in (0, 1, 4, 24, 72):
            text = text.replace(iso(when + datetime.timedelta(hours=hours)), iso(FIXED + datetime.timedelta(hours=hours)))
    text = re.sub(r"AIENG-\d{4}-", f"AIENG-{FIXED.year}-", text)
    return text
open(f"{out}/prevention-result.txt", "w").write(open(prevention).read())
open(f"{out}/incident-record-cl.md", "w").write(normalise(cl))
open(f"{out}/incident-record-de.md", "w").write(normalise(de))
PY
echo "samples written to $OUT"
