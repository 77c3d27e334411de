#!/bin/sh
# html.sh - article extraction accuracy: body text on article-extraction-benchmark (181 pages,
# word 4-gram shingle precision/recall/F1 averaged over pages, as its evaluate.py computes
# them), title/byline exact-match rates on Readability's test pages, and bylines and titles
# against trafilatura's evaluation data (its "author" and "title" per page).
# Gets $SITREP and $PEERS from tools/accuracy.sh; prints SKIP when the data is absent.
build=$(dirname "${SITREP:-build/sitrep}")
score=$build/tools/score_extraction
bench=${PEERS:-../shared/peers}/article-extraction-benchmark
pages=${PEERS:-../shared/peers}/readability/test/test-pages
trafilatura=${PEERS:-../shared/peers}/trafilatura/tests
if [ ! -x "$score" ]; then
    echo "html: $score is not built (make accuracy builds it)"
    exit 1
fi
if [ -f "$bench/ground-truth.json" ] && [ -d "$bench/html" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    for f in "$bench"/html/*.html.gz; do
        gunzip -c "$f" >"$tmp/$(basename "$f" .gz)"
    done
    "$score" "$bench/ground-truth.json" "$tmp" || exit 1
    # the scorer checked against a peer's recorded output (its README says 0.958)
    if [ -f "$bench/output/trafilatura.json" ]; then
        printf 'html: scorer check, trafilatura output: '
        "$score" "$bench/ground-truth.json" --peer "$bench/output/trafilatura.json" | sed 's/^html: //'
    fi
else
    echo "SKIP html body: $bench is absent"
fi
if [ -d "$pages" ]; then
    "$score" --meta "$pages" || exit 1
else
    echo "SKIP html metadata: $pages is absent"
fi
if [ -f "$trafilatura/evaldata.json" ] && [ -d "$trafilatura/eval" ]; then
    evaldir=$(mktemp -d)
    for f in "$trafilatura"/eval/*.html.gz; do
        gunzip -c "$f" >"$evaldir/$(basename "$f" .gz)"
    done
    "$score" --meta-evaldata "$trafilatura/evaldata.json" "$evaldir"
    status=$?
    rm -rf "$evaldir"
    [ "$status" -eq 0 ] || exit 1
else
    echo "SKIP html bylines: $trafilatura is absent"
fi
