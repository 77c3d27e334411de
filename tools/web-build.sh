#!/bin/sh
# web-build.sh - assembles the dashboard that `sitrep serve` serves: web/ plus the two browser
# libraries it draws with, copied from Debian's packages (dygraphs for the timeline, d3 for the
# actor network) into OUT/vendor with their copyright files. Nothing is fetched from the
# network here or at run time. Usage: tools/web-build.sh OUT PACKAGE...
# The packages are installed first (tools/deps.sh: as root; otherwise it prints the command).
set -eu
out=$1
shift
tools/deps.sh "$@" || {
    echo "sitrep: the dashboard needs the Debian packages: $* (see the command above)" >&2
    exit 1
}
rm -rf "$out.tmp"
mkdir -p "$out.tmp/vendor"
cp web/*.html web/*.js web/*.css "$out.tmp/"
# FILE:PACKAGE pairs; the package's copyright file goes beside its library.
for pair in /usr/share/javascript/dygraphs/dygraph.min.js:libjs-dygraphs \
            /usr/share/javascript/dygraphs/dygraph.min.css:libjs-dygraphs \
            /usr/share/javascript/d3/d3.min.js:libjs-d3; do
    file=${pair%%:*}
    package=${pair#*:}
    if [ ! -f "$file" ]; then
        echo "sitrep: $file is missing: reinstall the Debian package $package" >&2
        rm -rf "$out.tmp"
        exit 1
    fi
    cp "$file" "$out.tmp/vendor/"
    cp "/usr/share/doc/$package/copyright" "$out.tmp/vendor/$package-copyright.txt"
done
rm -rf "$out"
mv "$out.tmp" "$out"
