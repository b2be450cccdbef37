#!/usr/bin/env python3
"""Validates SARIF files against the official SARIF 2.1.0 JSON schema.

Usage: validate-sarif.py SCHEMA FILE...   (exit 0 valid, 1 invalid)
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
failed = False
for path in sys.argv[2:]:
    document = json.load(open(path))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:20]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    results = sum(len(run.get("results", [])) for run in document.get("runs", []))
    print(f"{path}: {'INVALID' if errors else 'valid'} SARIF 2.1.0 ({results} results)")
    failed = failed or bool(errors)
sys.exit(1 if failed else 0)
