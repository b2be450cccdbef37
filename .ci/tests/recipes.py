#!/usr/bin/env python3
"""Reads the CI recipes under docs/ci/ for recipes.sh: the commands to run, the values to
check. Parsing YAML here keeps the shell test free of YAML; nothing is rewritten by hand, so
what runs is what a reader copies. Subcommands print shell-ready text (shlex-quoted)."""
import json, re, shlex, sys, pathlib
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
CI = ROOT / "docs" / "ci"


def load(name):
    return yaml.safe_load((CI / name).read_text())


def doc_blocks():
    """Every docs/ci/*.md that names a recipe (<!-- recipe: FILE -->) shows it verbatim in the
    code block that follows, so the page and the tested file cannot drift apart."""
    bad = 0
    for page in sorted(list(CI.glob("*.md")) + [ROOT / "docs" / "install.md"]):
        text = page.read_text()
        for m in re.finditer(r"<!-- recipe: (\S+) -->\s*```[a-z]*\n(.*?)```", text, re.S):
            if (CI / m.group(1)).read_text() != m.group(2):
                print(f"{page.name}: the block after 'recipe: {m.group(1)}' differs from docs/ci/{m.group(1)}")
                bad += 1
            else:
                print(f"ok {page.name} shows {m.group(1)}")
    return 1 if bad else 0


def gitlab(job, part):
    """The job's variables as exports, then its before_script or its script, for bash."""
    spec = load("gitlab-ci.yml")[job]
    out = []
    for key, value in spec.get("variables", {}).items():
        # A variable the test already set (the tarball's URL and checksum, the prefix) wins,
        # as a CI/CD variable set in the project does over the file's.
        out.append(f'export {key}="${{{key}:-{value}}}"')
    out += spec["before_script" if part == "before" else "script"]
    print("\n".join(out))


def kubernetes():
    """Per Job: name, completions (1 if not indexed), and the container's shell script."""
    for doc in yaml.safe_load_all((CI / "kubernetes-audit.yaml").read_text()):
        container = doc["spec"]["template"]["spec"]["containers"][0]
        assert container["command"] == ["/bin/sh", "-c"], "recipes.sh runs args with /bin/sh -c"
        print(json.dumps({"name": doc["metadata"]["name"],
                          "completions": doc["spec"].get("completions", 1),
                          "indexed": doc["spec"].get("completionMode") == "Indexed",
                          "script": container["args"][0]}))


def github():
    """The hedgerow step's inputs as the env the action's scan step reads (its env: block
    maps each input to a variable), plus checks on the workflow around it."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    workflow = load("github-actions.yml")
    steps = workflow["jobs"]["hedgerow"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout.get("with", {}).get("fetch-depth") == 0, "checkout needs fetch-depth: 0"
    step = next(s for s in steps if re.match(r"[^/]+/hedgerow@", s.get("uses", "")))
    assert re.fullmatch(r"[^/]+/hedgerow@[0-9a-f]{40}", step["uses"]), "pin the action by full commit SHA"
    given = step.get("with", {})
    unknown = set(given) - set(action["inputs"])
    assert not unknown, f"inputs the action does not have: {sorted(unknown)}"
    used = set(re.findall(r"steps\.hedgerow\.outputs\.([a-z-]+)", (CI / "github-actions.yml").read_text()))
    assert used <= set(action["outputs"]), f"outputs the action does not have: {sorted(used - set(action['outputs']))}"
    scan = next(s for s in action["runs"]["steps"] if s.get("id") == "scan")
    for var, expr in scan["env"].items():
        m = re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", expr)
        if m:
            name = m.group(1)
            value = given.get(name, action["inputs"][name].get("default", ""))
            print(f"{var}={shlex.quote(str(value))}")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "doc-blocks": sys.exit(doc_blocks())
    elif command == "gitlab": gitlab(sys.argv[2], sys.argv[3])
    elif command == "kubernetes": kubernetes()
    elif command == "github": github()
    else: sys.exit(f"unknown command {command}")
