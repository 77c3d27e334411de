#!/bin/sh
# extras.sh - scores quantities and dates against the English test specs of Microsoft
# Recognizers-Text ($PEERS/Recognizers-Text/Specs): which spec files and how cases are counted
# is in docs/extras.md ("Measures"). Prints "SKIP ..." and succeeds when the specs (or python3,
# used only to read the specs and compare) are absent.
sitrep=${SITREP:-build/sitrep}
specs=${PEERS:-../shared/peers}/Recognizers-Text/Specs
if [ ! -d "$specs" ]; then
    echo "SKIP extras: $specs not found"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP extras: python3 not installed (needed to read the spec files)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SITREP="$sitrep" SPECS="$specs" TMP="$tmp" python3 - <<'PY'
import json, os, subprocess, sys

sitrep, specs, tmp = os.environ["SITREP"], os.environ["SPECS"], os.environ["TMP"]

def load(path):
    with open(os.path.join(specs, path), encoding="utf-8-sig") as f:
        return json.load(f)

def run(cases, published):
    """Codes every case's Input as one JSONL record; returns the outputs in order."""
    src = os.path.join(tmp, "in.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for n, case in enumerate(cases):
            ref = published(case)
            f.write(json.dumps({"id": str(n), "text": case["Input"], "published": ref}) + "\n")
    out = subprocess.run([sitrep, "code", src], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        sys.exit(1)
    return [json.loads(line) for line in out.stdout.splitlines()]

def same_span(expected, got):
    """The spec marks the number alone ("$ 75 million"); ours adds the qualifier on the left
    and the counted noun on the right ("about $ 75 million of bonds"): a span passes when ours
    equals the spec's or extends it by whole words on either side."""
    e, g = expected.lower().strip(), got.lower().strip()
    return f" {e} " in f" {g} "

def number_value(text):
    if text is None:
        return None
    try:
        return float(text.rstrip("%"))
    except ValueError:
        return None

def score_numbers(path, type_names, want):
    cases = [c for c in load(path) if not c.get("NotSupported")]
    outputs = run(cases, lambda c: "2016-11-07")
    items = value_ok = span_ok = negatives = negatives_ok = 0
    for case, out in zip(cases, outputs):
        got = [q for q in out["quantities"] if want(q)]
        expected = [r for r in case["Results"] if r.get("TypeName") in type_names]
        if not case["Results"]:
            negatives += 1
            negatives_ok += not got
            continue
        for r in expected:
            items += 1
            value = number_value((r.get("Resolution") or {}).get("value"))
            value_ok += any(value is not None and abs(q["value"] - value) <= 1e-6 * max(1, abs(value))
                            for q in got)
            span_ok += any(same_span(r["Text"], q["text"]) for q in got)
    print(f"{path}: {items} expected items in {len(cases)} cases: value {pct(value_ok, items)}, "
          f"span {pct(span_ok, items)}; cases with nothing to find: {negatives_ok}/{negatives} "
          f"found nothing")

def pct(a, b):
    return f"{a}/{b} = {100.0 * a / b:.1f}%" if b else "n/a"

def score_dates(path, types):
    cases = [c for c in load(path) if not c.get("NotSupported")]
    def published(c):
        ref = c.get("Context", {}).get("ReferenceDateTime", "2016-11-07T00:00:00")
        return ref[:10]
    outputs = run(cases, published)
    items = value_ok = value_either = span_ok = 0
    for case, out in zip(cases, outputs):
        for r in case["Results"]:
            if r.get("Type") not in types:
                continue
            items += 1
            span_ok += any(same_span(r["Text"], d["text"]) for d in out["dates"])
            v = r.get("Value")
            if not v:
                continue
            past = (v.get("PastResolution") or {}).get("date")
            future = (v.get("FutureResolution") or {}).get("date")
            values = [d["value"] for d in out["dates"]]
            value_ok += past in values
            value_either += past in values or future in values
    has_values = any(r.get("Value") for c in cases for r in c["Results"])
    line = f"{path}: {items} expected dates in {len(cases)} cases: span {pct(span_ok, items)}"
    if has_values:
        line += (f", value (past resolution) {pct(value_ok, items)}, "
                 f"value (past or future) {pct(value_either, items)}")
    print(line)

score_numbers("Number/English/NumberModel.json", {"number"},
              lambda q: not q.get("percent") and not q.get("currency"))
score_numbers("Number/English/PercentModel.json", {"percentage"}, lambda q: q.get("percent"))
score_numbers("NumberWithUnit/English/CurrencyModel.json", {"currency"},
              lambda q: q.get("currency") is not None)
score_dates("DateTime/English/DateExtractor.json", {"date"})
score_dates("DateTime/English/DateParser.json", {"date"})
PY
