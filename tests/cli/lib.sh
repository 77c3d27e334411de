# lib.sh - helpers for CLI tests: run the binary as a user would and check what it does.
# Each check prints a line only on failure; `finish` prints "cli: N passed, N failed".
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "cli: FAIL $*"; }

# expect_exit CODE DESCRIPTION -- COMMAND...: runs the command, checks its exit status.
# Its stdout and stderr are left in $out and $err.
expect_exit() {
    want=$1; shift; what=$1; shift; [ "$1" = "--" ] && shift
    "$@" >"$work/out" 2>"$work/err"
    got=$?
    out=$(cat "$work/out"); err=$(cat "$work/err")
    if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, wanted $want (stderr: $(head -c 300 "$work/err"))"; fi
}
# expect_match DESCRIPTION TEXT PATTERN: grep -E PATTERN in TEXT.
expect_match() {
    if printf '%s' "$2" | grep -Eq -- "$3"; then ok; else bad "$1: no match for /$3/ in: $(printf '%s' "$2" | head -c 300)"; fi
}
expect_no_match() {
    if printf '%s' "$2" | grep -Eq -- "$3"; then bad "$1: unexpected match for /$3/"; else ok; fi
}
# serving_port ERRFILE PID: waits (10 s at most) until `sitrep serve` (process PID, its stderr
# in ERRFILE) says where it listens, and prints the port; fails when it stopped first.
serving_port() {
    for _ in $(seq 1 100); do
        sp=$(sed -n 's/^sitrep: serving http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$1")
        [ -n "$sp" ] && { echo "$sp"; return 0; }
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
expect_eq() {
    if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', wanted '$3'"; fi
}
finish() {
    echo "cli: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
