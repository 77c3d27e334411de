#!/bin/sh
# check-exports.sh - codes the 181 pages of ../shared/peers/article-extraction-benchmark, stores
# them and checks the exports as GDELT and PLOVER users would load them: every GDELT row by
# the codebook's 61 columns (tests/tools/gdelt_check.py) and every PLOVER record against our
# JSON Schema (tests/tools/plover_check.py). Prints the counts and how many rows have each
# ActionGeo_Type. Usage: tools/check-exports.sh [SITREP] [PAGES_DIR]   Exit 1 on a problem;
# SKIP (exit 0) when the pages, python3 or python3-jsonschema are absent.
sitrep=${1:-build/sitrep}
pages=${2:-${PEERS:-../shared/peers}/article-extraction-benchmark/html}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$pages" ]; then
    echo "SKIP check-exports: $pages is absent"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "SKIP check-exports: python3 or python3-jsonschema is not installed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/pages"
for f in "$pages"/*.html.gz; do
    gunzip -c "$f" >"$tmp/pages/$(basename "$f" .gz)"
done
SITREP_TODAY=2026-11-26 "$sitrep" ingest --db "$tmp/pages.db" --jobs 2 "$tmp/pages" 2>"$tmp/err" || {
    echo "check-exports: ingest failed: $(head -c 300 "$tmp/err")"
    exit 1
}
status=0
"$sitrep" export --db "$tmp/pages.db" --format gdelt --header >"$tmp/gdelt.tsv" 2>"$tmp/gdelt.err" || status=1
sed 's/^sitrep: /check-exports: gdelt: /' "$tmp/gdelt.err"
python3 "$here/../tests/tools/gdelt_check.py" "$tmp/gdelt.tsv" "$here/../data/codes/countries.txt" || status=1
echo "check-exports: ActionGeo_Type (0 = none): $(tail -n +2 "$tmp/gdelt.tsv" | cut -f52 |
    sed 's/^$/0/' | sort | uniq -c | awk '{printf "%s%s: %s", sep, $2, $1; sep=", "}')"
"$sitrep" export --db "$tmp/pages.db" --format plover >"$tmp/plover.jsonl" 2>"$tmp/plover.err" || status=1
sed 's/^sitrep: /check-exports: plover: /' "$tmp/plover.err"
python3 "$here/../tests/tools/plover_check.py" "$tmp/plover.jsonl" "$here/../docs/schema/plover-record.schema.json" || status=1
echo "check-exports: $([ $status = 0 ] && echo ok || echo FAIL)"
exit $status
