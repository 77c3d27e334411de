#!/usr/bin/env python3
"""check_schema.py - validates `sitrep code` output against docs/output.schema.json with
python3-jsonschema (Debian): each FILE holds one or more JSON objects (JSON lines, or pretty
objects one after another). Prints "schema: N objects valid" or, for each invalid object,
"schema: FILE: object K: PATH: message", and exits 1.

Usage: check_schema.py SCHEMA FILE...   ("-" reads standard input)
"""
import json
import sys

import jsonschema


def objects(text):
    decoder = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        value, i = decoder.raw_decode(text, i)
        yield value


def main():
    schema = json.load(open(sys.argv[1], encoding='utf-8'))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    count = failed = 0
    for path in sys.argv[2:]:
        text = sys.stdin.read() if path == '-' else open(path, encoding='utf-8').read()
        for k, value in enumerate(objects(text)):
            count += 1
            errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
            for e in errors[:5]:
                where = '/'.join(str(p) for p in e.absolute_path) or '(top)'
                print(f'schema: {path}: object {k}: {where}: {e.message[:200]}')
            failed += bool(errors)
    if failed:
        print(f'schema: {failed} of {count} objects invalid')
        return 1
    if count == 0:
        print('schema: no objects to check')
        return 1
    print(f'schema: {count} objects valid')
    return 0


if __name__ == '__main__':
    sys.exit(main())
