#!/usr/bin/env python3
"""Shows that a JSON output changed only by the output contract's renames.

usage: scripts/check-output-contract.py OLD.json NEW.json

OLD is a document written before schema version 1 (or by any earlier build), NEW the
same command's output now. OLD's keys are renamed through docs/schemas/renames.json and
given NEW's envelope (tool, schema_version); the two must then be equal, finding for
finding. Exit 0 when they are, 1 with the first differences when they are not.
"""
import json, pathlib, sys

TABLE = json.loads((pathlib.Path(__file__).resolve().parent.parent / "docs/schemas/renames.json").read_text())
RENAMES = TABLE["renames"]
MAP_FIELDS = {"shared_values", "suppressed", "occurrences", "distinct_values", "by_severity", "by_category",
              "by_data_category", "repeat_fingerprints", "files_skipped", "findings_by_category", "match_limit_hits"}


def renamed(value):
    if isinstance(value, list):
        return [renamed(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, inner in value.items():
        name = RENAMES.get(key, key)
        out[name] = inner if name in MAP_FIELDS else renamed(inner)
    return out


def differences(a, b, path="$"):
    if type(a) is not type(b):
        yield f"{path}: {type(a).__name__} vs {type(b).__name__}"
    elif isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a: yield f"{path}.{key}: only in new"
            elif key not in b: yield f"{path}.{key}: only in old"
            else: yield from differences(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        if len(a) != len(b): yield f"{path}: {len(a)} items vs {len(b)}"
        for n, (x, y) in enumerate(zip(a, b)): yield from differences(x, y, f"{path}[{n}]")
    elif a != b:
        yield f"{path}: values differ"


old = renamed(json.loads(pathlib.Path(sys.argv[1]).read_text()))
new = json.loads(pathlib.Path(sys.argv[2]).read_text())
for key in ("tool", "schema_version"):
    if key in new: old[key] = new[key]
found = list(differences(old, new))
if found:
    print(f"{sys.argv[2]}: differs from {sys.argv[1]} beyond the renames:")
    for line in found[:20]: print("  " + line)
    sys.exit(1)
findings = len(new.get("findings", new.get("repositories", [])))
print(f"{sys.argv[2]}: identical to {sys.argv[1]} after the renames ({findings} findings)")
