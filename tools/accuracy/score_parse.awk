# score_parse.awk - scores a predicted CoNLL-U parse against gold: UAS (column 7, HEAD) and
# LAS (columns 7 and 8, HEAD and DEPREL with its subtype) over every word line, punctuation
# included (multiword-token ranges and empty nodes are skipped).
# usage: awk -f score_parse.awk PREDICTED.conllu GOLD.conllu
# Prints "UAS_PERCENT LAS_PERCENT TOKENS"; exits 1 when the word lines do not align.
BEGIN { FS = "\t" }
function word(line) { return line ~ /^[0-9]+\t/ }
FNR == NR { if (word($0)) { n++; form[n] = $2; head[n] = $7; rel[n] = $8 } next }
word($0) {
    m++
    if (m > n || form[m] != $2) { printf "score_parse: token %d differs (%s)\n", m, $2 > "/dev/stderr"; bad = 1; exit 1 }
    if (head[m] == $7) { u++; if (rel[m] == $8) l++ }
}
END {
    if (bad) exit 1
    if (m != n || m == 0) { printf "score_parse: %d predicted tokens, %d gold\n", n, m > "/dev/stderr"; exit 1 }
    printf "%.2f %.2f %d\n", 100 * u / m, 100 * l / m, m
}
