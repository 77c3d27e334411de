#!/usr/bin/env python3
# plover_check.py - validates every line of `sitrep export --format plover` against our JSON
# Schema (docs/schema/plover-record.schema.json) with Debian's python3-jsonschema.
# usage: plover_check.py EXPORT.jsonl SCHEMA.json   prints problems, exit 1 when there are some
# (exit 77 when jsonschema is not installed)
import json, sys
try:
    import jsonschema
except ImportError:
    print("plover_check: SKIP python3-jsonschema is not installed")
    sys.exit(77)
schema = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
records = problems = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    records += 1
    for error in validator.iter_errors(json.loads(line)):
        problems += 1
        if problems <= 20:
            print("plover_check: line %d: %s: %s" % (n, "/".join(map(str, error.path)), error.message))
print("plover_check: %d records, %d problems" % (records, problems))
sys.exit(1 if problems or not records else 0)
