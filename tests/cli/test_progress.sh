# test_progress.sh - the progress line of long batches: only on a terminal (script(1) gives
# the command one), with files done of all, articles, the rate, the share read and the time
# left, and a last line that ends with a newline. SITREP_PROGRESS_DELAY=0 shows it at once
# (by default a batch must have run a second).
# Sourced by tests/cli/run.sh ($SITREP, $JSONQ, $work and the expect_* helpers are set).
pdir=$work/progress
mkdir -p "$pdir"
for i in 1 2 3 4 5 6; do
    cp "$here/../../examples/wire-ceasefire-talks.txt" "$pdir/article$i.txt"
done
expect_exit 0 "progress: not on a terminal" -- env SITREP_PROGRESS_DELAY=0 "$SITREP" code "$pdir"
expect_eq "progress: nothing on stderr when it is not a terminal" "$err" ""
tty_problem=""
if ! command -v script >/dev/null 2>&1; then
    tty_problem="script(1) is missing (apt-get install bsdutils)"
elif ! script -qec true /dev/null >/dev/null 2>&1; then
    tty_problem="script(1) cannot make a terminal here: $(script -qec true /dev/null 2>&1 | head -1)"
fi
if [ -z "$tty_problem" ]; then
    SITREP_PROGRESS_DELAY=0 script -qec "\"$SITREP\" code \"$pdir\" >/dev/null" /dev/null \
        >"$work/progress.tty" 2>&1
    tty_out=$(tr '\r' '\n' <"$work/progress.tty")
    expect_match "progress: files done of all" "$tty_out" "sitrep: [1-6]/6 files, [1-6] articles, [0-9.]+ articles/s"
    expect_match "progress: share read and time left" "$tty_out" ", [0-9]+% read, [0-9]+:[0-9]{2} left"
    expect_match "progress: the last line" "$tty_out" "sitrep: 6/6 files, 6 articles, [0-9.]+ articles/s, 0 failed, [0-9]+:[0-9]{2}"
    expect_eq "progress: ends with a newline" "$(tail -c 1 "$work/progress.tty" | od -An -c | tr -d ' ')" '\n'
    # a short batch on a terminal, with the default delay, shows nothing
    script -qec "\"$SITREP\" code \"$pdir/article1.txt\" >/dev/null" /dev/null >"$work/progress2.tty" 2>&1
    expect_eq "progress: a short batch shows nothing" "$(cat "$work/progress2.tty")" ""
else
    echo "cli: SKIP progress on a terminal: $tty_problem"
fi
