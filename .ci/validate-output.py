#!/usr/bin/env python3
"""Runs every hedgerow command that writes JSON on the bundled example and on a
temporary repository, and validates each document and each JSON line against its schema
under docs/schemas/ (JSON Schema draft 2020-12). Fails on the first document that does
not validate, naming the command, the line and the schema's complaint.

usage: .ci/validate-output.py HEDGEROW_BINARY
"""
import json, os, pathlib, shutil, subprocess, sys, tempfile

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "docs" / "schemas"
BINARY = os.path.abspath(sys.argv[1])

resources = []
for path in SCHEMAS.glob("*.schema.json"):
    doc = json.loads(path.read_text())
    Draft202012Validator.check_schema(doc)
    resources.append((doc["$id"], Resource.from_contents(doc)))
registry = Registry().with_resources(resources)
checked = {}


def validator(name):
    doc = json.loads((SCHEMAS / name).read_text())
    return Draft202012Validator(doc, registry=registry)


def check(name, text, what, lines=False):
    v = validator(name)
    docs = [line for line in text.splitlines() if line.strip()] if lines else [text]
    if not docs:
        sys.exit(f"FAIL {what}: no output to validate")
    for n, item in enumerate(docs, 1):
        errors = sorted(v.iter_errors(json.loads(item)), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            where = f" line {n}" if lines else ""
            sys.exit(f"FAIL {what}{where} against {name}: {e.message} at {list(e.absolute_path)}")
    checked[name] = checked.get(name, 0) + len(docs)
    print(f"ok   {what}: {len(docs)} {'line' if lines else 'document'}{'s' if len(docs) != 1 else ''} valid against {name}")


def run(args, cwd, expect=(0, 1), env=None):
    p = subprocess.run([BINARY] + args, cwd=cwd, capture_output=True, text=True, env=env)
    if p.returncode not in expect:
        sys.exit(f"FAIL hedgerow {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def git(args, cwd):
    subprocess.run(["git", "-c", "user.name=Fixture", "-c", "user.email=fixture@example.invalid"] + args,
                   cwd=cwd, check=True, capture_output=True)


work = pathlib.Path(tempfile.mkdtemp(prefix="hedgerow-schema-"))
try:
    example = ROOT / "Fixtures" / "example"
    repo = work / "repo"
    shutil.copytree(example, repo)
    git(["init", "-q"], repo)
    git(["add", "."], repo)
    git(["commit", "-qm", "example"], repo)

    check("scan.schema.json", run(["scan", str(example), "--format", "json", "--min-confidence", "low"], ROOT), "scan --format json")
    check("scan.schema.json", run(["scan", "Sources", "--format", "json"], ROOT, expect=(0,)), "scan --format json (clean)")
    check("scan-lines.schema.json", run(["scan", str(example), "--format", "jsonl"], ROOT), "scan --format jsonl", lines=True)
    (work / "intl.txt").write_text("Office: tel +33 6 12 34 56 78\n")  # hedgerow:allow made-up number, to carry `country`
    intl = run(["scan", str(work / "intl.txt"), "--format", "json"], work)
    if '"country" : "France"' not in intl and '"country":"France"' not in intl:
        sys.exit("FAIL scan of an international number: no country in\n" + intl)
    check("scan.schema.json", intl, "scan --format json (international phone)")
    check("scan.schema.json", run(["git", "--history", "--format", "json"], repo), "git --history --format json")
    check("scan-lines.schema.json", run(["git", "--history", "--format", "jsonl"], repo), "git --history --format jsonl", lines=True)

    (repo / "staged.env").write_text((example / "deploy.env").read_text())
    git(["add", "staged.env"], repo)
    near_miss = work / "near-miss.jsonl"
    check("scan.schema.json", run(["git", "--staged", "--format", "json", "--log-near-miss", str(near_miss)], repo), "git --staged --format json")
    check("near-miss.schema.json", near_miss.read_text(), "near-miss log", lines=True)

    state, incidents = work / "state", work / "incidents"
    check("audit.schema.json", run(["audit", str(repo), "--state-dir", str(state), "--format", "json", "--incident-dir", str(incidents)], work), "audit --format json")
    check("audit-lines.schema.json", run(["audit", str(repo), "--state-dir", str(work / "state2"), "--format", "jsonl"], work), "audit --format jsonl", lines=True)
    # The states an audit can report beyond "ok": a shallow clone, a repository with a
    # broken ref ("partial", exit 2) and published attributions (findings with a context).
    odd = work / "odd"
    odd.mkdir()
    subprocess.run(["git", "clone", "-q", "--depth", "1", "file://" + str(repo), str(odd / "shallow")], check=True, capture_output=True)
    subprocess.run(["git", "clone", "-q", str(repo), str(odd / "damaged")], check=True, capture_output=True)
    (odd / "damaged" / ".git" / "refs" / "heads" / "missing").write_text("0123456789abcdef0123456789abcdef01234567\n")
    (odd / "damaged" / "AUTHORS").write_text("Rhys Green <rhys.green@example.org>\n")  # hedgerow:allow
    git(["add", "AUTHORS"], odd / "damaged")
    git(["commit", "-qm", "credits"], odd / "damaged")
    check("audit.schema.json", run(["audit", str(odd), "--state-dir", str(work / "state3"), "--format", "json"], work, expect=(2,)), "audit --format json (shallow, partial, attribution)")
    check("audit-lines.schema.json", run(["audit", str(odd), "--state-dir", str(work / "state4"), "--format", "jsonl"], work, expect=(2,)), "audit --format jsonl (shallow, partial, attribution)", lines=True)
    for f in sorted((work / "state3" / "repos").glob("*.json")):
        check("audit-state.schema.json", f.read_text(), f"audit state {f.name}")
    for f in sorted((state / "repos").glob("*.json")):
        check("audit-state.schema.json", f.read_text(), f"audit state {f.name}")
    for f in sorted(incidents.glob("AIENG-*.json")):
        check("incident-record.schema.json", f.read_text(), f"incident record {f.name}")
    check("audit.schema.json", run(["merge", str(state), "--format", "json"], work), "merge --format json")
    check("audit-lines.schema.json", run(["merge", str(state), "--format", "jsonl"], work), "merge --format jsonl", lines=True)
    check("report.schema.json", run(["report", str(incidents), "--format", "json"], work, expect=(0,)), "report --format json")
    check("rules.schema.json", run(["rules", "list", "--format", "json"], work, expect=(0,)), "rules list --format json")

    mapfile = work / "map.json"
    run(["redact", str(example / "support-call.vtt"), "--map", str(mapfile), "-o", str(work / "clean.vtt")], work, expect=(0,))
    check("redaction-map.schema.json", mapfile.read_text(), "redact --map")

    expected = {p.name for p in SCHEMAS.glob("*.schema.json")} - {"common.schema.json"}
    missing = expected - set(checked)
    if missing:
        sys.exit(f"FAIL no command's output was validated against: {', '.join(sorted(missing))}")
    print(f"all {sum(checked.values())} documents and lines valid against {len(checked)} schemas")
finally:
    shutil.rmtree(work, ignore_errors=True)
