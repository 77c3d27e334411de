#!/bin/sh
# web-deps.sh - installs the dashboard's npm packages (package-lock.json) into node_modules
# with `npm ci`, once per lock file change. Without npm it installs Debian's npm first
# (tools/deps.sh, as root); where that is impossible it says so and leaves the charts out.
set -u
cd "$(dirname "$0")/.."
stamp=node_modules/.sitrep-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    tools/deps.sh npm || { echo "sitrep: SKIP dashboard libraries: npm is missing" >&2; exit 0; }
fi
npm ci --no-audit --no-fund --loglevel=error >&2 || { echo "sitrep: npm ci failed" >&2; exit 1; }
cp package-lock.json "$stamp"
