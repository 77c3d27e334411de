# test_no_strays.sh - tools/no-strays.sh, which CI wraps around the test runs: a command that
# leaves a process behind fails (exit 3), the process is named and stopped; a clean command
# keeps its own exit status.
nostrays=$here/../../tools/no-strays.sh
expect_exit 0 "no-strays: a clean command" -- "$nostrays" true
expect_exit 4 "no-strays: keeps the command's status" -- "$nostrays" sh -c 'exit 4'
expect_exit 3 "no-strays: a process left behind fails" -- "$nostrays" sh -c 'sleep 37 & echo $!'
expect_match "no-strays: says so" "$err" "left processes behind"
expect_match "no-strays: names the process" "$err" "[0-9]+ sleep 37"
stray_pid=$out
# gone, or a zombie its new parent has not reaped yet
stray_state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$stray_pid/status" 2>/dev/null)
if [ -n "$stray_pid" ] && [ -n "$stray_state" ] && [ "$stray_state" != Z ]; then
    bad "no-strays: the stray $stray_pid is still running"
    kill "$stray_pid" 2>/dev/null
else
    ok
fi
# a child that ends within the grace period is not a stray
expect_exit 0 "no-strays: a child ending soon after" -- "$nostrays" sh -c 'sleep 0.3 & exit 0'
