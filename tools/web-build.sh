#!/bin/sh
# web-build.sh - assembles the dashboard that `sitrep serve` serves: web/ plus uPlot and
# cytoscape copied from node_modules (installed by `npm ci`, see tools/web-deps.sh) into
# OUT/vendor with their licences. Nothing is fetched here. Usage: tools/web-build.sh OUT
set -eu
out=$1
rm -rf "$out.tmp"
mkdir -p "$out.tmp/vendor"
cp web/*.html web/*.js web/*.css "$out.tmp/"
missing=""
for f in uplot/dist/uPlot.iife.min.js uplot/dist/uPlot.min.css uplot/LICENSE \
         cytoscape/dist/cytoscape.min.js cytoscape/LICENSE; do
    if [ -f "node_modules/$f" ]; then
        case $f in
            */LICENSE) cp "node_modules/$f" "$out.tmp/vendor/${f%%/*}-LICENSE.txt" ;;
            *) cp "node_modules/$f" "$out.tmp/vendor/" ;;
        esac
    else
        missing="$missing $f"
    fi
done
[ -z "$missing" ] || echo "sitrep: the dashboard will lack its charts: missing node_modules/:$missing (run make deps-web)" >&2
rm -rf "$out"
mv "$out.tmp" "$out"
