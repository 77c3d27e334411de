#!/bin/sh
# check-includes.sh - fails on a circle between files or folders, or on a dependency that goes
# up the pipeline. Run by `make test`.
#
# A stage folder of src/ may include base/ and earlier stages only, in this order:
#   include/ (the public header) < base < ingest < text < syntax < lexicon < match < extras
#   < actors < attribution < events < export < store < serve
# src/pipeline.[ch] and src/sitrep.c, and cmd/, may include every stage (tests, tools, fuzz
# and bench are not checked). The rules are checked on the `#include "..."` lines of src/,
# cmd/ and include/, and, when OBJDIR is given (the build's obj/ folder), on the symbols the
# objects of src/ use: a file that calls a function of another file depends on it too.
#
# Usage: tools/check-includes.sh [ROOT [OBJDIR]]   (ROOT: the source tree, default: this one)
# Exit status 0 when clean, 1 with one line per problem on stderr.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
objdir=${2:-}
order="include base ingest text syntax lexicon match extras actors attribution events export store serve"
cd "$root" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

find src cmd include -type f \( -name '*.c' -o -name '*.h' \) 2>/dev/null | sort >"$tmp/files"

# edges "FROM TO" from the include lines; a name is looked up beside the file, then in
# include/ and src/ (the compiler's -Iinclude -Isrc)
awk -v files="$tmp/files" '
function norm(p,    n, i, k, part, out) {
    n = split(p, part, "/"); k = 0
    for (i = 1; i <= n; i++) {
        if (part[i] == "" || part[i] == ".") continue
        if (part[i] == ".." && k > 0 && stack[k] != "..") { k--; continue }
        stack[++k] = part[i]
    }
    out = ""
    for (i = 1; i <= k; i++) out = out (i > 1 ? "/" : "") stack[i]
    return out
}
BEGIN { while ((getline f < files) > 0) known[f] = 1 }
/^[ \t]*#[ \t]*include[ \t]*"/ {
    name = $0; sub(/^[^"]*"/, "", name); sub(/".*$/, "", name)
    dir = FILENAME; sub(/[^\/]*$/, "", dir)
    target = ""
    split(dir name "|include/" name "|src/" name, try, "|")
    for (t = 1; t <= 3; t++)
        if (norm(try[t]) in known) { target = norm(try[t]); break }
    if (target == "")
        printf "%s:%d: cannot find \"%s\"\n", FILENAME, FNR, name > "/dev/stderr"
    else if (target != FILENAME)
        print FILENAME, target
}' $(cat "$tmp/files") >"$tmp/edges" 2>"$tmp/unresolved"
if [ -s "$tmp/unresolved" ]; then
    sed 's/^/check-includes: /' "$tmp/unresolved" >&2
    status=1
fi

# check_graph KIND: the edges in $tmp/edges ("FROM TO", files) against the stage order and
# for circles between files and between folders
check_graph() {
    kind=$1
    awk -v order="$order" -v kind="$kind" '
    function folder(p,    a) {
        if (p ~ /^include\//) return "include"
        if (p ~ /^cmd\//) return "cmd"
        if (p ~ /^src\/[^\/]+$/) return "pipeline"
        split(p, a, "/"); return a[2]
    }
    BEGIN { n = split(order, o, " "); for (i = 1; i <= n; i++) rank[o[i]] = i
            rank["pipeline"] = 1000; rank["cmd"] = 1000 }
    {
        a = folder($1); b = folder($2)
        if (!(a in rank)) { printf "check-includes: %s: src/%s/ is not a stage of the order in tools/check-includes.sh\n", $1, a; bad = 1; next }
        if (!(b in rank)) { printf "check-includes: %s: src/%s/ is not a stage of the order in tools/check-includes.sh\n", $2, b; bad = 1; next }
        if (rank[b] > rank[a] && rank[a] < 1000) {
            printf "check-includes: %s %s %s: %s/ may use base/ and earlier stages only (order: %s)\n", $1, kind, $2, a, order
            bad = 1
        }
    }
    END { exit bad }' "$tmp/edges" >&2 || status=1
    # circles: tsort names the files of a loop on stderr
    if ! tsort "$tmp/edges" >/dev/null 2>"$tmp/loop"; then
        echo "check-includes: circle of $kind between files: $(sed -n 's/^tsort: \([^:]*\)$/\1/p' "$tmp/loop" | grep -v ' ' | tr '\n' ' ')" >&2
        status=1
    fi
    awk '{ a = $1; b = $2; sub(/\/[^\/]*$/, "", a); sub(/\/[^\/]*$/, "", b)
           if (a != b) print a, b }' "$tmp/edges" | sort -u >"$tmp/folders"
    if ! tsort "$tmp/folders" >/dev/null 2>"$tmp/loop"; then
        echo "check-includes: circle of $kind between folders: $(sed -n 's/^tsort: \([^:]*\)$/\1/p' "$tmp/loop" | grep -v ' ' | tr '\n' ' ')" >&2
        status=1
    fi
}
check_graph includes

# the same on symbols: FILE.c calls a function that OTHER.c defines
if [ -n "$objdir" ]; then
    : >"$tmp/defs"
    : >"$tmp/uses"
    for c in $(grep '^src/.*\.c$' "$tmp/files"); do
        o=$objdir/${c%.c}.o
        [ -f "$o" ] || continue
        nm -P "$o" | awk -v f="$c" -v defs="$tmp/defs" -v uses="$tmp/uses" '
            $2 ~ /^[TDBR]$/ { print $1, f >> defs }
            $2 == "U" { print $1, f >> uses }'
    done
    if [ ! -s "$tmp/defs" ]; then
        echo "check-includes: no objects of src/ under $objdir" >&2
        status=1
    fi
    awk 'NR == FNR { def[$1] = $2; next } ($1 in def) && def[$1] != $2 { print $2, def[$1] }' \
        "$tmp/defs" "$tmp/uses" | sort -u >"$tmp/edges"
    check_graph calls
fi
exit $status
