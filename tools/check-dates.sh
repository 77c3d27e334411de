#!/bin/sh
# check-dates.sh - codes the 181 pages of ../shared/peers/article-extraction-benchmark and checks
# the dates of what comes out (issue 22): no event dated after its page's latest date (the
# latest date the text names, or the publication date when that is later), no event in a year
# after its page's publication year, and no page dated from the coding day. Prints how many
# pages got each publication-date source and how many events each date source.
# Usage: tools/check-dates.sh [SITREP] [PAGES_DIR]   Exit 1 on a violation; SKIP (exit 0) when
# the pages or python3 are absent. "Today" is pinned to 2026-11-26 so that a page dated today
# would show as a 2026 event.
sitrep=${1:-build/sitrep}
pages=${2:-${PEERS:-../shared/peers}/article-extraction-benchmark/html}
if [ ! -d "$pages" ]; then
    echo "SKIP check-dates: $pages is absent"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP check-dates: python3 not installed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/pages"
for f in "$pages"/*.html.gz; do
    gunzip -c "$f" >"$tmp/pages/$(basename "$f" .gz)"
done
SITREP_TODAY=2026-11-26 "$sitrep" code --jobs 2 "$tmp"/pages/*.html >"$tmp/coded.jsonl" 2>"$tmp/err" || {
    echo "check-dates: sitrep failed: $(head -c 300 "$tmp/err")"
    exit 1
}
python3 - "$tmp/coded.jsonl" <<'EOF'
import collections, json, sys

pages = 0
published = collections.Counter()
events = collections.Counter()
bad = []
for line in open(sys.argv[1], encoding="utf-8"):
    article = json.loads(line)
    pages += 1
    published[article["meta"]["published_source"]] += 1
    points = [p for d in article["dates"] if d["value"] for p in d["value"].split("/") if p != ".."]
    if article["published"]:
        points.append(article["published"])
    latest = max(points) if points else None
    year = (article["published"] or "")[:4]
    for e in article["events"]:
        events[e["date_source"]] += 1
        value = (e["date"] or {}).get("value")
        if not value:
            continue
        first = value.split("/")[0]
        if latest and first > latest and not latest.startswith(first):
            bad.append("%s: event %s dated %s after the page's latest date %s"
                       % (article["id"], e["id"], value, latest))
        if year and first[:4] > year and e["modality"] == "asserted":
            bad.append("%s: asserted event %s dated %s, page published %s"
                       % (article["id"], e["id"], value, article["published"]))
        if first.startswith("2026-11-26"):
            bad.append("%s: event %s dated on the coding day" % (article["id"], e["id"]))
print("check-dates: %d pages; publication date from: %s" % (pages, ", ".join(
    "%s %d" % (k, published[k]) for k in ("given", "dateline", "text", "none"))))
print("check-dates: %d events; date from: %s" % (sum(events.values()), ", ".join(
    "%s %d" % (k, events[k]) for k in ("clause", "report", "published", "none"))))
for b in bad[:20]:
    print("check-dates: FAIL " + b)
print("check-dates: %d problems" % len(bad))
sys.exit(1 if bad else 0)
EOF
