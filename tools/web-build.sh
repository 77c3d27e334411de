#!/bin/sh
# web-build.sh - assembles the dashboard that `sitrep serve` serves: web/ plus the browser
# libraries it draws with, copied from Debian's packages (dygraphs for the timeline, d3 for the
# actor network, Leaflet for the map) into OUT/vendor with their copyright files, and the map's
# country outlines (OUT/countries.geojson) made from Natural Earth's public-domain shapes in
# Debian's python3-geopandas (tools/countries-geojson.py). Nothing is fetched at run time.
# Usage: tools/web-build.sh OUT PACKAGE...
# The packages are installed first (tools/deps.sh: as root; otherwise it prints the command).
# python3-geopandas is not installed (with GDAL it would pull 51 packages, 155 MB, for 230 KB
# of shapes): when it is absent, its .deb (1 MB) is fetched once with `apt-get download` into
# OUT.cache and only its shapes are read.
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
            /usr/share/javascript/d3/d3.min.js:libjs-d3 \
            /usr/share/javascript/leaflet/leaflet.min.js:libjs-leaflet \
            /usr/share/javascript/leaflet/leaflet.css:libjs-leaflet; do
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
# The country outlines: Natural Earth's 1:110m countries from python3-geopandas.
shapes=datasets/naturalearth_lowres
geo=/usr/lib/python3/dist-packages/geopandas
if [ ! -f "$geo/$shapes/naturalearth_lowres.shp" ]; then
    cache="$out.cache"
    geo="$cache/x/usr/lib/python3/dist-packages/geopandas"
    if [ ! -f "$geo/$shapes/naturalearth_lowres.shp" ]; then
        mkdir -p "$cache"
        rm -f "$cache"/python3-geopandas_*.deb
        (cd "$cache" && apt-get download -q python3-geopandas >&2) &&
            dpkg-deb -x "$cache"/python3-geopandas_*.deb "$cache/x" || {
            echo "sitrep: cannot get Natural Earth's shapes from Debian's python3-geopandas" \
                "(apt-get download python3-geopandas, or install it)" >&2
            rm -rf "$out.tmp"
            exit 1
        }
    fi
fi
python3 tools/countries-geojson.py "$geo/$shapes/naturalearth_lowres.shp" \
    "$geo/$shapes/naturalearth_lowres.dbf" "$out.tmp/countries.geojson" || {
    rm -rf "$out.tmp"
    exit 1
}
if [ -f /usr/share/doc/python3-geopandas/copyright ]; then
    cp /usr/share/doc/python3-geopandas/copyright "$out.tmp/vendor/python3-geopandas-copyright.txt"
elif [ -f "$geo/../../../../share/doc/python3-geopandas/copyright" ]; then
    cp "$geo/../../../../share/doc/python3-geopandas/copyright" \
        "$out.tmp/vendor/python3-geopandas-copyright.txt"
fi
printf '%s\n' "countries.geojson: Natural Earth 1:110m Admin 0 countries (public domain," \
    "naturalearthdata.com), from Debian's python3-geopandas, simplified by" \
    "tools/countries-geojson.py." >"$out.tmp/vendor/countries-source.txt"
rm -rf "$out"
mv "$out.tmp" "$out"
