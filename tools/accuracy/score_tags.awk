# score_tags.awk - scores predicted CoNLL-U against gold: UPOS (column 4) and XPOS (column 5)
# accuracy over word lines (multiword-token ranges and empty nodes are skipped).
# usage: awk -f score_tags.awk PREDICTED.conllu GOLD.conllu
# Prints "UPOS_PERCENT XPOS_PERCENT TOKENS"; exits 1 when the word lines do not align.
BEGIN { FS = "\t" }
function word(line) { return line ~ /^[0-9]+\t/ }
FNR == NR { if (word($0)) { n++; form[n] = $2; upos[n] = $4; xpos[n] = $5 } next }
word($0) {
    m++
    if (m > n || form[m] != $2) { printf "score_tags: token %d differs (%s)\n", m, $2 > "/dev/stderr"; bad = 1; exit 1 }
    if (upos[m] == $4) u++
    if (xpos[m] == $5) x++
}
END {
    if (bad) exit 1
    if (m != n || m == 0) { printf "score_tags: %d predicted tokens, %d gold\n", n, m > "/dev/stderr"; exit 1 }
    printf "%.2f %.2f %d\n", 100 * u / m, 100 * x / m, m
}
