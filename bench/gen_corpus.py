#!/usr/bin/env python3
"""Generates a deterministic mixed corpus for `make bench`: code, config, logs and chat
transcripts, with fake personal data and fake credentials sprinkled in (about one item per
4 KB). Usage: gen_corpus.py DIR MEGABYTES"""
import os
import random
import sys

root, megabytes = sys.argv[1], int(sys.argv[2])
rng = random.Random(2026)
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
WORDS = ("service handler request response config value table index user record cache queue "
         "client server token session payload retry timeout schema migrate report").split()

def fake_item():
    kind = rng.randrange(6)
    if kind == 0: return f"contact: {rng.choice(WORDS)}.{rng.choice(WORDS)}{rng.randint(1, 99)}@gmail.com"
    if kind == 1: return f"mobile 07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    if kind == 2: return "aws_access_key_id = AKIA" + "".join(rng.choice(B32) for _ in range(16))
    if kind == 3: return f"DATABASE_URL=postgres://app:{rng.choice(WORDS)}{rng.randint(10, 99)}x@db.internal:5432/app"
    if kind == 4: return f"address: {rng.randint(1, 99)} High Street, Leeds LS{rng.randint(1, 28)} {rng.randint(1, 9)}AB"
    return f"client ip {rng.randint(11, 220)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

def code_line(n):
    w = rng.choices(WORDS, k=4)
    return rng.choice([f"def {w[0]}_{w[1]}(self, {w[2]}):", f"    return {w[0]}.{w[1]}({w[2]}, timeout={n % 60})",
                       f"    # {' '.join(w)} {n}", f"{w[0].upper()}_{w[1].upper()} = '{w[2]}-{n}'",
                       f"    if {w[0]} is None: raise ValueError('{w[1]} {w[2]}')"])

def log_line(n):
    return f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z INFO {rng.choice(WORDS)} id={n} ms={rng.randint(1, 900)}"

def chat_line(n):
    return f"{rng.choice(['user', 'assistant'])}: please {' '.join(rng.choices(WORDS, k=8))} (step {n})"

kinds = [("py", code_line), ("log", log_line), ("yaml", lambda n: f"{rng.choice(WORDS)}_{n}: {rng.choice(WORDS)}"), ("md", chat_line)]
target = megabytes * 1_000_000
written = 0
f = 0
while written < target:
    ext, make = kinds[f % len(kinds)]
    d = os.path.join(root, f"dir{f % 97:02d}")
    os.makedirs(d, exist_ok=True)
    lines = []
    size = 0
    goal = rng.randint(20_000, 120_000)
    n = 0
    while size < goal:
        line = fake_item() if rng.random() < 0.01 else make(n)
        lines.append(line)
        size += len(line) + 1
        n += 1
    with open(os.path.join(d, f"file{f:05d}.{ext}"), "w") as out:
        out.write("\n".join(lines) + "\n")
    written += size
    f += 1
print(f"{f} files, {written / 1e6:.0f} MB in {root}")
