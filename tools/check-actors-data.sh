#!/bin/sh
# check-actors-data.sh - light format check of the actor dictionaries in data/actors.
# Verifies that every entry line reads "PHRASE | PHRASE => CODE [FROM..TO], ...", that codes are
# upper-case letters (3 or more), that dates are valid YYYY[-MM[-DD]] with FROM <= TO, and warns
# about a phrase listed twice in one file. Prints per-file counts. Exit 1 on any error.
# Usage: tools/check-actors-data.sh [FILE...]   (default: the PHRASES => CODES files)
set -u
cd "$(dirname "$0")/.." || exit 2
# countries.txt and agents.txt have their own richer formats (docs/dictionaries.md)
[ $# -gt 0 ] || set -- data/actors/people*.txt data/actors/organizations*.txt \
    data/actors/groups*.txt data/actors/metonyms*.txt data/actors/titles*.txt
status=0
for f in "$@"; do
	awk -v F="$f" '
	function valid_date(d,   n, p, y, m, dd, ml) {
		if (d == "") return 1
		if (d !~ /^[0-9][0-9][0-9][0-9](-[0-9][0-9](-[0-9][0-9])?)?$/) return 0
		n = split(d, p, "-"); y = p[1] + 0
		if (y < 1900 || y > 2100) return 0
		if (n >= 2) { m = p[2] + 0; if (m < 1 || m > 12) return 0 }
		if (n == 3) {
			dd = p[3] + 0
			ml = (m == 2) ? ((y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28) : \
			     ((m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31)
			if (dd < 1 || dd > ml) return 0
		}
		return 1
	}
	function lo(d) { return d == "" ? "0000-00-00" : (length(d) == 4 ? d "-00-00" : (length(d) == 7 ? d "-00" : d)) }
	function hi(d) { return d == "" ? "9999-99-99" : (length(d) == 4 ? d "-99-99" : (length(d) == 7 ? d "-99" : d)) }
	function err(msg) { printf "%s:%d: %s\n", F, NR, msg; errors++ }
	{
		line = $0; sub(/#.*/, "", line)
		gsub(/^[ \t]+|[ \t]+$/, "", line)
		if (line == "") next
		n = split(line, side, "=>")
		if (n != 2) { err("expected exactly one \"=>\""); next }
		ph = side[1]; cd = side[2]
		gsub(/^[ \t]+|[ \t]+$/, "", ph); gsub(/^[ \t]+|[ \t]+$/, "", cd)
		if (ph == "") { err("no phrase"); next }
		if (cd == "") { err("no code"); next }
		np = split(ph, phr, / \| /)
		for (i = 1; i <= np; i++) {
			p = phr[i]; gsub(/^[ \t]+|[ \t]+$/, "", p)
			if (p == "" || p == "=" || p ~ /\|/) { err("empty or malformed phrase \"" phr[i] "\""); continue }
			key = (p ~ /^=/) ? p : tolower(p)
			if (key in seen) printf "%s:%d: warning: phrase \"%s\" also on line %d\n", F, NR, p, seen[key]
			else seen[key] = NR
			phrases++
		}
		nc = split(cd, codes, ",")
		dated = 0; nr = 0
		for (i = 1; i <= nc; i++) {
			c = codes[i]; gsub(/^[ \t]+|[ \t]+$/, "", c)
			m = split(c, w, /[ \t]+/)
			if (m < 1 || m > 2 || w[1] !~ /^[A-Z][A-Z][A-Z]+$/) { err("bad code \"" c "\""); continue }
			if (m == 2) {
				if (w[2] !~ /^[0-9-]*\.\.[0-9-]*$/) { err("bad date range \"" w[2] "\""); continue }
				split(w[2], r, /\.\./)
				if (!valid_date(r[1]) || !valid_date(r[2])) { err("bad date in \"" w[2] "\""); continue }
				if (r[1] == "" && r[2] == "") { err("empty date range"); continue }
				if (r[1] != "" && r[2] != "" && lo(r[1]) > hi(r[2])) { err("FROM after TO in \"" w[2] "\""); continue }
				dated = 1
				nr++; rc[nr] = w[1]; rf[nr] = lo(r[1]); rt[nr] = hi(r[2])
			}
		}
		# two different codes whose ranges overlap by more than a shared boundary day
		for (i = 1; i <= nr; i++)
			for (j = i + 1; j <= nr; j++)
				if (rc[i] != rc[j] && rf[i] < rt[j] && rf[j] < rt[i])
					printf "%s:%d: warning: %s and %s overlap in time\n", F, NR, rc[i], rc[j]
		entries++; if (dated) dated_entries++
	}
	END {
		printf "%s: %d entries, %d with dated codes, %d phrases, %d errors\n", F, entries, dated_entries, phrases, errors
		exit errors > 0
	}' "$f" || status=1
done
exit $status
