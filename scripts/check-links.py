#!/usr/bin/env python3
"""Checks that every relative link in README.md and docs/ resolves: the file or folder exists,
and a #fragment names a heading of the Markdown file it points at (GitHub's anchor rules).
Usage: scripts/check-links.py [FILE.md ...]   (default: README.md and every .md under docs/)
Exit 0 when all resolve, 1 naming each broken link, 2 on usage errors."""
import os
import re
import sys

# Pages other branches are adding. A link to one of these is reported but does not fail the
# check until the page exists; remove an entry once its page is on main.
PENDING = {"docs/precision-stdlib.md"}

LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ANCHOR_TAG = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"")


def prose_lines(text):
    """Yields (line number, line) outside fenced code blocks, with inline code removed."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, re.sub(r"`[^`]*`", "", line)


def slug(heading):
    text = re.sub(r"<[^>]+>", "", heading).replace("`", "").strip().lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path, cache={}):
    if path not in cache:
        found, seen = set(), {}
        text = open(path, encoding="utf-8").read()
        fenced = False
        for line in text.split("\n"):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if fenced:
                continue
            found.update(ANCHOR_TAG.findall(line))
            match = HEADING.match(line)
            if match:
                base = slug(match.group(2))
                count = seen.get(base, 0)
                seen[base] = count + 1
                found.add(base if count == 0 else f"{base}-{count}")
        cache[path] = found
    return cache[path]


def main(argv):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    os.chdir(root)
    files = argv or ["README.md"] + sorted(
        os.path.join(d, f) for d, _, fs in os.walk("docs") for f in fs if f.endswith(".md"))
    broken, pending, checked = [], set(), 0
    for source in files:
        if not os.path.isfile(source):
            print(f"check-links: no such file: {source}", file=sys.stderr)
            return 2
        text = open(source, encoding="utf-8").read()
        for number, line in prose_lines(text):
            for target in LINK.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):   # http:, https:, mailto:
                    continue
                checked += 1
                path, _, fragment = target.partition("#")
                resolved = os.path.normpath(os.path.join(os.path.dirname(source), path)) if path else source
                where = f"{source}:{number}: {target}"
                if resolved.rstrip("/") in PENDING:
                    if not os.path.exists(resolved):
                        pending.add(resolved)
                    continue
                if not os.path.exists(resolved):
                    broken.append(f"{where}: {resolved} does not exist")
                elif fragment and resolved.endswith(".md") and fragment not in anchors(resolved):
                    broken.append(f"{where}: no heading #{fragment} in {resolved}")
    for path in sorted(pending):
        print(f"check-links: {path} is linked but not written yet (listed as pending)")
    for line in broken:
        print(f"check-links: broken link: {line}", file=sys.stderr)
    print(f"check-links: {checked} relative links in {len(files)} files, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
