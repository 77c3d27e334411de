#!/bin/sh
# html.sh - speed of the HTML reader on one core: on a generated news page (always) and on
# the 181 pages of ../shared/peers/article-extraction-benchmark (skipped when absent).
build=$(dirname "${SITREP:-build/sitrep}")
tool=$build/bench/bench_html
tmp=${BENCH_TMP:-$build/bench-data}
pages=$(dirname "$0")/../../../shared/peers/article-extraction-benchmark/html
"$tool" --seconds 3 --generated
if [ -d "$pages" ]; then
    mkdir -p "$tmp/html-pages"
    for f in "$pages"/*.html.gz; do
        out="$tmp/html-pages/$(basename "$f" .gz)"
        [ -s "$out" ] || gunzip -c "$f" >"$out"
    done
    "$tool" --seconds 5 "$tmp"/html-pages/*.html
else
    echo "SKIP bench_html on benchmark pages: $pages is absent"
fi
