# test_html.sh - `sitrep code` on web pages: .html files, JSON-lines records with "html",
# pages with no article and junk. Sourced by tests/cli/run.sh.
golden=$here/../golden

# --- a news page: the article and its metadata, no site furniture
expect_exit 0 "code html page" -- "$SITREP" code "$golden/html-news-page.html"
printf '%s\n' "$out" >"$work/page.json"
expect_eq "html headline" "$("$JSONQ" meta.headline <"$work/page.json")" \
    "Militia convoy ambushed near the border"
expect_eq "html byline" "$("$JSONQ" meta.byline <"$work/page.json")" "Amara Diallo"
expect_eq "html published" "$("$JSONQ" published <"$work/page.json")" "2025-04-22"
expect_eq "html caption credit" "$("$JSONQ" meta.credits.0 <"$work/page.json")" \
    "Photo: Idrissa Sow/Northern Dispatch"
expect_match "html first sentence" "$("$JSONQ" sentences.0.text <"$work/page.json")" "^Gunmen ambushed"
expect_no_match "html: no boilerplate in body" "$("$JSONQ" sentences <"$work/page.json")" \
    "cookies|Share on|Related|Drone strikes hit|terrible news|newsletter|All rights reserved|Advertisement"

# --- the same page from stdin with --input html
expect_exit 0 "html from stdin" -- sh -c "\"$SITREP\" code --input html - <\"$golden/html-news-page.html\""
expect_eq "stdin html headline" "$(printf '%s\n' "$out" | "$JSONQ" meta.headline)" \
    "Militia convoy ambushed near the border"

# --- a JSON-lines batch with an html record among text records: all coded, in order
cat >"$work/mixed.jsonl" <<'JSONL'
{"id":"t-1","text":"Russia shelled Kharkiv on Monday."}
{"id":"h-1","url":"https://x.example/a","html":"<html><body><nav><a href='/'>Home</a></nav><p>Police detained six protesters outside the parliament in Tbilisi on Sunday, the interior ministry said.</p></body></html>"}
{"id":"h-2","html":"<html><body><ul><li><a href='/a'>Only links</a></li></ul></body></html>"}
{"id":"t-2","text":"Ukraine hit a Russian depot."}
JSONL
expect_exit 0 "mixed batch" -- "$SITREP" code "$work/mixed.jsonl"
expect_eq "mixed batch ids" "$(printf '%s\n' "$out" | "$JSONQ" id | tr '\n' ' ')" "t-1 h-1 h-2 t-2 "
expect_match "html record coded" "$(printf '%s\n' "$out" | sed -n 2p | "$JSONQ" sentences.0.text)" \
    "^Police detained six protesters"
expect_eq "html record url kept" "$(printf '%s\n' "$out" | sed -n 2p | "$JSONQ" url)" "https://x.example/a"
expect_match "no-article record warns" "$(printf '%s\n' "$out" | sed -n 3p | "$JSONQ" warnings)" "no_article"
expect_match "text after html still coded" "$(printf '%s\n' "$out" | sed -n 4p | "$JSONQ" sentences.0.text)" \
    "^Ukraine hit"

# --- junk and empty pages: a warning, never a crash
head -c 300000 /dev/urandom >"$work/junk.html" 2>/dev/null || printf '\377\376<\000\001' >"$work/junk.html"
expect_exit 0 "binary junk page" -- "$SITREP" code "$work/junk.html"
: >"$work/empty.html"
expect_exit 0 "empty page" -- "$SITREP" code "$work/empty.html"
expect_match "empty page warns" "$(printf '%s\n' "$out" | "$JSONQ" warnings)" "no_article"
