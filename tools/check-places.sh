#!/bin/sh
# check-places.sh - consistency and coverage check of the gazetteer in data/places
# (docs/places.md). Errors (exit 1): an entry listed twice (same kind, country and name), a
# country without exactly one capital, a city whose admin1 field names no region of its
# country (when the country's regions are in), fewer regions than a country of the table below
# has. Then figures: entries per kind, countries with complete regions, and - when the
# PETRARCH CountryInfo file is present in $PEERS - how many of its capitals and major cities
# we have (read to find gaps; nothing of it is copied).
# Usage: tools/check-places.sh [DIR]   (default: data/places). Needs python3.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/../data/places}
peers=${PEERS:-$here/../../shared/peers}
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP check-places: python3 not installed"
    exit 0
fi
DIR="$dir" INFO="$peers/CountryInfo/CountryInfo.120116.txt" python3 - <<'PY'
import collections, glob, os, re, sys, unicodedata

# First-level divisions of the countries most present in security news, as entries of
# admin1.txt: official counts (2024), written by us. A capital city that is itself a division
# (Kyiv, Moscow, Sanaa ...) is the capital entry, not counted here.
EXPECTED = {
    "UKR": 26, "RUS": 81, "ISR": 6, "PSE": 16, "SYR": 14, "IRQ": 19, "IRN": 31, "YEM": 21,
    "LBN": 9, "AFG": 34, "PAK": 7, "IND": 36, "CHN": 31, "TWN": 19, "PRK": 12, "KOR": 10,
    "JPN": 47, "USA": 51, "SDN": 18, "SSD": 12, "SOM": 18, "ETH": 14, "LBY": 22, "MLI": 11,
    "NGA": 37, "COD": 26, "MMR": 15, "TUR": 81, "SAU": 13, "EGY": 27, "VEN": 25, "COL": 33,
    "MEX": 31, "HTI": 10, "BFA": 13, "NER": 8, "BLR": 6, "POL": 16, "GBR": 4, "FRA": 18,
    "DEU": 16,
}

def fold(name):
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()

entries = []
errors = 0
def error(where, message):
    global errors
    errors += 1
    print(f"{where}: {message}")

for path in sorted(glob.glob(os.path.join(os.environ["DIR"], "*.txt"))):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 6:
                error(f"{path}:{number}", f"expected 6 tab-separated fields, found {len(fields)}")
                continue
            kind, country, admin1, lat, lon, names = fields
            names = names.split("|")
            where = f"{os.path.basename(path)}:{number}"
            if len({n.lower() for n in names}) != len(names):
                error(where, f"a name is listed twice in '{'|'.join(names)}'")
            entries.append((kind, country, admin1, names, where))

seen = {}
regions = collections.defaultdict(set)
capitals = collections.Counter()
countries = set()
for kind, country, admin1, names, where in entries:
    if kind == "admin1":
        regions[country].update(map(fold, names))
    if kind == "capital":
        capitals[country] += 1
    if kind == "country":
        countries.add(country)
    for name in names:
        key = (kind, country, name.lower())
        if key in seen:
            error(where, f"{kind} '{name}' of {country} already at {seen[key]}")
        else:
            seen[key] = where

for country in sorted(countries):
    if capitals[country] != 1:
        error("capitals", f"{country} has {capitals[country]} capitals (expected 1)")

unknown = collections.Counter()
for kind, country, admin1, names, where in entries:
    if kind == "city" and admin1 != "-" and country in EXPECTED and \
       fold(admin1) not in regions[country]:
        error(where, f"city '{names[0]}': no region '{admin1}' in {country}")

complete = 0
for country, want in sorted(EXPECTED.items()):
    have = sum(1 for e in entries if e[0] == "admin1" and e[1] == country)
    if have < want:
        error("admin1", f"{country} has {have} first-level regions, expected {want}")
    else:
        complete += 1

kinds = collections.Counter(e[0] for e in entries)
print("places: " + ", ".join(f"{kinds[k]} {k}" for k in
      ("country", "capital", "admin1", "city", "region", "water")) +
      f"; regions complete for {complete} of {len(EXPECTED)} countries")

info = os.environ["INFO"]
if os.path.exists(info):
    ours = {fold(n) for e in entries for n in e[3]}
    text = re.sub(r"<!--.*?-->", "", open(info, encoding="latin-1").read(), flags=re.S)
    wanted, missing = 0, []
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        for tag in ("Capital", "MajorCities"):
            for section in re.findall(rf"<{tag}>(.*?)</{tag}>", block, re.S):
                for raw in section.split("\n"):
                    raw = raw.split("#")[0].strip()
                    if not raw:
                        continue
                    name = fold(raw.replace("_", " "))
                    wanted += 1
                    if name not in ours:
                        missing.append(raw.strip("_").replace("_", " "))
    print(f"places: CountryInfo capitals and major cities: {wanted - len(missing)} of {wanted} "
          f"names found ({100 * (wanted - len(missing)) / max(wanted, 1):.1f}%)")
    if missing:
        print("places: not found (first 40): " + ", ".join(missing[:40]))
else:
    print(f"SKIP CountryInfo coverage: {info} not found")
sys.exit(1 if errors else 0)
PY
