#!/usr/bin/env python3
"""Measures the name gazetteer; adds nothing to it.

(a) Of the person names labelled positive in an evaluation labels.jsonl (category "name",
    expect "positive"), the share of their word tokens found in given-names ∪ surnames.
(b) Of the STDLIB_TOP most frequent capitalised words in a Python standard library's .py text,
    how many are in the name lists but not in common-words.txt (would-be false positives).

    python3 scripts/lexicon-coverage.py LABELS.jsonl [--stdlib DIR] [--show]
"""
import argparse, collections, json, os, re, sysconfig, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "Rules", "lexicon")
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "revd"}


def fold(t):
    t = unicodedata.normalize("NFKD", t.translate(str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})))
    return "".join(c for c in t if not unicodedata.combining(c))


def load(name):
    with open(os.path.join(LEX, name), encoding="utf-8") as f:
        return {l.rstrip("\n") for l in f}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    given, surnames, common = load("given-names.txt"), load("surnames.txt"), load("common-words.txt")
    names = given | surnames

    rows = [json.loads(l) for l in open(a.labels, encoding="utf-8")]
    pos = [r for r in rows if r.get("category") == "name" and r.get("expect") == "positive"]
    tok = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
    found = folded = missing = 0
    miss = collections.Counter()
    in_common = 0
    for r in pos:
        for t in tok.findall(unicodedata.normalize("NFC", r["text"])):
            t = t.lower().replace("\u2019", "'")
            if t in TITLES:
                continue
            if t in names:
                found += 1
                in_common += t in common
            elif fold(t) in names or fold(t).replace("'", "") in names:
                folded += 1
            else:
                missing += 1
                miss[t] += 1
    total = found + folded + missing
    print(f"(a) {len(pos)} positive name labels, {total} tokens: {found} in the name lists as written "
          f"({100.0 * found / max(total, 1):.1f}%), {found + folded} with diacritics folded and apostrophes "
          f"dropped ({100.0 * (found + folded) / max(total, 1):.1f}%); {in_common} of the hits are in common-words.txt")
    if a.show:
        print("    missing:", " ".join(f"{t}×{n}" if n > 1 else t for t, n in miss.most_common()))

    counts = collections.Counter()
    cap = re.compile(r"\b[A-Z][a-z]+\b")
    for d, dirs, files in os.walk(a.stdlib):
        dirs[:] = [x for x in dirs if x not in ("site-packages", "__pycache__")]
        for fn in files:
            if fn.endswith(".py"):
                counts.update(cap.findall(open(os.path.join(d, fn), encoding="utf-8", errors="replace").read()))
    top = [w.lower() for w, _ in counts.most_common(1000)]
    fp = [w for w in top if w in names and w not in common]
    print(f"(b) of the 1000 most frequent capitalised stdlib words, {sum(w in names for w in top)} are in the "
          f"name lists; {len(fp)} of them are not in common-words.txt")
    if a.show:
        print("    ", " ".join(fp))


if __name__ == "__main__":
    main()
