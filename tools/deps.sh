#!/bin/sh
# deps.sh - makes sure the Debian packages a make target needs are installed.
# Usage: tools/deps.sh PACKAGE...   As root: installs what is missing (apt-get update once,
# then apt-get install -y). Otherwise prints the exact command and fails.
missing=""
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "sitrep: not a Debian system; make sure these are installed: $*" >&2
    exit 0
fi
for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "sitrep: installing missing Debian packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 || exit 1
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing >&2 || exit 1
    exit 0
fi
echo "sitrep: missing Debian packages:$missing" >&2
echo "sitrep: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
