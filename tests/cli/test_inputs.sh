# test_inputs.sh - inputs as people have them: a directory of files (read recursively, as
# `ingest DIR` reads it), pages and text files in other charsets (ICU's converters, byte-order
# marks, Latin-1 text), the `language` warning for articles not in English, and dates in
# PolNeAR-style file names (used only with --published-from-name).
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).

# --- sitrep code DIR: every file below it, sorted by path, hidden files and folders skipped
in=$work/inputs
mkdir -p "$in/b/deeper" "$in/.hidden"
printf 'Troops crossed the river at dawn on Monday, the army said.\n' >"$in/a.txt"
printf 'Rebels shelled the airport on Tuesday, officials said.\n' >"$in/b/deeper/c.txt"
printf 'Police arrested ten protesters on Wednesday, the ministry said.\n' >"$in/b/b.txt"
printf 'Nothing to see here.\n' >"$in/.hidden/x.txt"
printf 'Nothing to see here either.\n' >"$in/.dotfile.txt"
expect_exit 0 "code DIR" -- "$SITREP" code "$in"
expect_eq "code DIR: three articles" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3
expect_eq "code DIR: in path order" "$(printf '%s\n' "$out" | "$JSONQ" sentences.0.text | cut -c1-6 | tr '\n' ' ')" "Troops Police Rebels "
expect_exit 0 "code DIR and a file together" -- "$SITREP" code "$in/b" "$in/a.txt"
expect_eq "code DIR FILE: three articles" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3
expect_exit 0 "sentences DIR" -- "$SITREP" sentences "$in"
expect_match "sentences DIR reads the nested file" "$out" "Rebels shelled the airport"
expect_exit 1 "code on a missing directory entry" -- "$SITREP" code "$in/nothing-here"
expect_match "a missing path is named" "$err" "nothing-here"
"$SITREP" code "$in" >"$work/dir1.jsonl" 2>/dev/null
"$SITREP" code "$in/a.txt" "$in/b/b.txt" "$in/b/deeper/c.txt" >"$work/dir2.jsonl" 2>/dev/null
if cmp -s "$work/dir1.jsonl" "$work/dir2.jsonl"; then ok; else bad "code DIR differs from naming its files"; fi

# --- charsets
# Latin-1 (cp1252) text: no mark, not UTF-8, nothing beyond ASCII that is UTF-8
printf 'The caf\351 near the d\351p\364t was shelled on Friday, \223officials\224 said.\n' >"$work/latin1.txt"
expect_exit 0 "Latin-1 text" -- "$SITREP" code "$work/latin1.txt"
expect_match "Latin-1 text is decoded" "$(printf '%s\n' "$out" | "$JSONQ" sentences.0.text)" "The café near the dépôt was shelled on Friday, “officials” said."
expect_match "Latin-1 text: a warning says how it was read" "$out" '"kind":"encoding","message":"not UTF-8: read as windows-1252"'
# UTF-16LE text with a byte-order mark (as Windows writes "Unicode" text)
printf 'Troops crossed the river at dawn on Monday, the army said in K\303\266ln.\n' >"$work/u8.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$work/u8.txt"; } >"$work/u16le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$work/u8.txt"; } >"$work/u16be.txt"
expect_exit 0 "UTF-16LE text" -- "$SITREP" code "$work/u16le.txt"
expect_eq "UTF-16LE text is decoded" "$(printf '%s\n' "$out" | "$JSONQ" sentences.0.text)" "Troops crossed the river at dawn on Monday, the army said in Köln."
expect_no_match "UTF-16LE text: no encoding warning" "$out" '"kind":"(encoding|invalid_utf8)"'
expect_exit 0 "UTF-16BE text" -- "$SITREP" code "$work/u16be.txt"
expect_eq "UTF-16BE text is decoded" "$(printf '%s\n' "$out" | "$JSONQ" sentences.0.text)" "Troops crossed the river at dawn on Monday, the army said in Köln."
u16_events=$(printf '%s\n' "$out" | "$JSONQ" events.length)
expect_eq "UTF-16 codes as UTF-8 does" "$("$SITREP" code "$work/u8.txt" | "$JSONQ" events.length)" "$u16_events"
# pages in other charsets, declared in <meta>
printf '<html><head><meta charset="windows-1251"><title>x</title></head><body><p>The \314\350\355\356\341\356\360\356\355\373 said Russian forces shelled Kharkiv on Monday, killing two people in a residential district.</p></body></html>' >"$work/cp1251.html"
expect_exit 0 "windows-1251 page" -- "$SITREP" code "$work/cp1251.html"
expect_match "windows-1251 page is decoded" "$(printf '%s\n' "$out" | "$JSONQ" sentences.0.text)" "^The Минобороны said Russian forces"
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>Officials in \223\214\213\236 said a North Korean missile fell into the sea off the coast early on Tuesday.</p></body></html>' >"$work/sjis.html"
expect_exit 0 "Shift_JIS page" -- "$SITREP" code "$work/sjis.html"
expect_match "Shift_JIS page is decoded" "$(printf '%s\n' "$out" | "$JSONQ" sentences.0.text)" "^Officials in 東京 said"
printf '<html><head><meta charset="x-unheard-of"></head><body><p>Officials said a missile fell into the sea off the coast early on Tuesday morning.</p></body></html>' >"$work/unknown.html"
expect_exit 0 "an unknown charset" -- "$SITREP" code "$work/unknown.html"
expect_match "an unknown charset is named in a warning" "$out" 'charset \\"x-unheard-of\\" is not known; read as UTF-8'
# a page inside a JSON line is Unicode already: its meta charset does not count
printf '{"id":"j1","html":"<html><head><meta charset=\\"windows-1251\\"></head><body><p>Officials in Kyiv said the talks would resume on Monday in Istanbul, \\u00ab as planned \\u00bb.</p></body></html>"}\n' >"$work/charset.jsonl"
expect_exit 0 "a page in JSON" -- "$SITREP" code "$work/charset.jsonl"
expect_match "a page in JSON keeps its Unicode" "$(printf '%s\n' "$out" | "$JSONQ" sentences.0.text)" "« as planned »"

# --- the language warning
printf 'Les forces russes ont bombard\303\251 la ville de Kharkiv pendant la nuit, a indiqu\303\251 lundi le gouverneur r\303\251gional, ajoutant que deux personnes avaient \303\251t\303\251 tu\303\251es et que les secours cherchaient encore dans les d\303\251combres.\n' >"$work/french.txt"
expect_exit 0 "a French article is still coded" -- "$SITREP" code "$work/french.txt"
expect_match "a French article: language warning" "$out" '"kind":"language","message":"the text looks like French \(fr\), not English'
expect_exit 0 "an English article" -- "$SITREP" code "$here/../../examples/wire-ceasefire-talks.txt"
expect_no_match "an English article: no language warning" "$out" '"kind":"language"'
SITREP_TEXTCAT_CONF=$work/none/fpdb.conf "$SITREP" code "$work/french.txt" >"$work/und.json" 2>"$work/und.err"
expect_match "without language models: still a warning" "$(cat "$work/und.json")" '"kind":"language","message":"the text does not look like English'
expect_eq "without language models: nothing on stderr" "$(cat "$work/und.err")" ""

# --- dates in PolNeAR-style file names: ignored unless --published-from-name
named=$work/breitbart_2016-10-04_clinton-calls-obamacare.txt
printf 'Former President Bill Clinton criticized the health law during a campaign stop in Flint on Monday.\n' >"$named"
expect_exit 0 "a dated file name" -- "$SITREP" code "$named"
expect_eq "the name's date is ignored by default" "$(printf '%s\n' "$out" | "$JSONQ" published)" "null"
expect_exit 0 "--published-from-name" -- "$SITREP" code --published-from-name "$named"
expect_eq "--published-from-name dates the article" "$(printf '%s\n' "$out" | "$JSONQ" published)" "2016-10-04"
expect_match "relative dates resolve against it" "$out" '"text":"Monday","value":"2016-10-03"'
expect_exit 0 "--published-from-name beats --published" -- "$SITREP" code --published 2020-01-01 --published-from-name "$named"
expect_eq "the name's date comes before --published" "$(printf '%s\n' "$out" | "$JSONQ" published)" "2016-10-04"
printf '{"id":"r1","published":"2017-05-05","text":"Troops crossed the river on Monday, the army said."}\n' >"$work/feed_2016-10-04_x.jsonl"
expect_exit 0 "a record's own date" -- "$SITREP" code --published-from-name "$work/feed_2016-10-04_x.jsonl"
expect_eq "a record's own date comes first" "$(printf '%s\n' "$out" | "$JSONQ" published)" "2017-05-05"
printf 'Troops crossed the river on Monday, the army said.\n' >"$work/cnn_2016-02-30_x.txt"
expect_exit 0 "an impossible date in a name" -- "$SITREP" code --published-from-name "$work/cnn_2016-02-30_x.txt"
expect_eq "an impossible date in a name is none" "$(printf '%s\n' "$out" | "$JSONQ" published)" "null"
expect_exit 0 "ingest --published-from-name" -- "$SITREP" ingest --db "$work/named.db" --published-from-name "$named"
expect_match "ingest stores the name's date" "$("$SITREP" export --db "$work/named.db" --format jsonl)" '"published":"2016-10-04"'
