#!/bin/sh
# no-strays.sh - runs a command and fails when it leaves a process behind (a server, a
# watchdog's sleep, a browser). Every process the command starts inherits a marker in its
# environment; after the command ends (and a short grace period), any process still carrying
# the marker is named, stopped by its pid, and the run fails. CI wraps the test runs with it.
# Usage: tools/no-strays.sh COMMAND [ARG]...   Exit: the command's status, or 3 for strays.
# Linux only (/proc/PID/environ); elsewhere the command just runs.
mark="SITREP_STRAY_MARK=$$.$(date +%s%N)"
env "$mark" "$@"
rc=$?
[ -d /proc/self ] || exit "$rc"
strays() {
    for environ in /proc/[0-9]*/environ; do
        pid=${environ#/proc/}
        pid=${pid%/environ}
        [ "$pid" = "$$" ] && continue
        grep -qzxF "$mark" "$environ" 2>/dev/null && echo "$pid"
    done
}
left=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
    left=$(strays)
    [ -z "$left" ] && exit "$rc"
    sleep 0.2
done
echo "no-strays: FAIL: '$*' left processes behind:" >&2
for pid in $left; do
    printf '  %s %s\n' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | head -c 200)" >&2
done
# shellcheck disable=SC2086
kill $left 2>/dev/null
for _ in 1 2 3 4 5 6 7 8 9 10; do
    [ -z "$(strays)" ] && exit 3
    sleep 0.2
done
# shellcheck disable=SC2086
kill -KILL $(strays) 2>/dev/null
exit 3
