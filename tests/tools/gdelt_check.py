#!/usr/bin/env python3
# gdelt_check.py - reads a `sitrep export --format gdelt --header` file as a GDELT 2.0 user's
# tool would: by the 61 column names of the codebook, and checks each cell's type and range
# (dates that exist, FIPS 10-4 country codes, geography types 1-5, coordinates on the globe,
# names in capitals that are never pronouns, an empty or http(s) SOURCEURL).
# usage: gdelt_check.py EXPORT.tsv FIPS_CODES.txt   prints problems, exit 1 when there are some
import csv, datetime, re, sys

COLUMNS = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code
Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode
Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code
Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass
GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName
Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code
Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type
ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()
assert len(COLUMNS) == 61
# "US" is left out: upper-case, the United States and the pronoun look alike
PRONOUNS = {"HE", "SHE", "IT", "THEY", "HIM", "HER", "THEM", "HIS", "ITS", "THEIR", "WE", "OUR"}

fips = set()
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        fips.add(line.split("\t")[2])
fips |= {"GZ", "WE", "GQ", "RQ"}  # admin1.txt: places GDELT codes apart

problems = []
def bad(row, column, why):
    problems.append("row %d, %s = %r: %s" % (row, column, rec.get(column), why))

with open(sys.argv[1], encoding="utf-8", newline="") as f:
    lines = f.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
header = lines[0].split("\t")
if header != COLUMNS:
    print("gdelt_check: the header is not the 61 codebook columns: %s" % header[:5])
    sys.exit(1)
rows = 0
for n, line in enumerate(lines[1:], 1):
    cells = line.split("\t")
    if len(cells) != 61:
        problems.append("row %d has %d columns" % (n, len(cells)))
        continue
    rec = dict(zip(COLUMNS, cells))
    rows += 1
    if not re.fullmatch(r"[1-9][0-9]*", rec["GLOBALEVENTID"]):
        bad(n, "GLOBALEVENTID", "not a positive integer")
    try:
        day = datetime.datetime.strptime(rec["SQLDATE"], "%Y%m%d")
    except ValueError:
        bad(n, "SQLDATE", "not a YYYYMMDD date")
        continue
    if rec["MonthYear"] != rec["SQLDATE"][:6] or rec["Year"] != rec["SQLDATE"][:4]:
        bad(n, "MonthYear", "disagrees with SQLDATE")
    frac = float(rec["FractionDate"])
    if not (day.year <= frac < day.year + 1):
        bad(n, "FractionDate", "outside its year")
    for a in ("Actor1", "Actor2"):
        code, name = rec[a + "Code"], rec[a + "Name"]
        if code and not re.fullmatch(r"([A-Z0-9]{3})+", code):
            bad(n, a + "Code", "not a CAMEO actor code")
        if name and (name != name.upper() or name in PRONOUNS):
            bad(n, a + "Name", "not a name in capitals")
        for c in ("CountryCode", "KnownGroupCode", "Type1Code"):
            if rec[a + c] and not re.fullmatch(r"[A-Z]{3}", rec[a + c]):
                bad(n, a + c, "not a 3-letter code")
    if rec["IsRootEvent"] not in ("0", "1"):
        bad(n, "IsRootEvent", "not 0 or 1")
    code = rec["EventCode"]
    if not re.fullmatch(r"[0-9]{2,4}", code) or not code.startswith(rec["EventBaseCode"]) \
            or not code.startswith(rec["EventRootCode"]) or len(rec["EventRootCode"]) != 2:
        bad(n, "EventCode", "not a CAMEO code agreeing with its base and root")
    if rec["QuadClass"] not in ("1", "2", "3", "4"):
        bad(n, "QuadClass", "not 1-4")
    if rec["GoldsteinScale"] and not -10 <= float(rec["GoldsteinScale"]) <= 10:
        bad(n, "GoldsteinScale", "outside -10..10")
    for c in ("NumMentions", "NumSources", "NumArticles"):
        if not re.fullmatch(r"[1-9][0-9]*", rec[c]):
            bad(n, c, "not a count of at least 1")
    if rec["AvgTone"] and not -100 <= float(rec["AvgTone"]) <= 100:
        bad(n, "AvgTone", "outside -100..100")
    for g in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        t = rec[g + "Type"]
        if not t:
            if any(rec[g + c] for c in ("FullName", "CountryCode", "Lat", "Long")):
                bad(n, g + "Type", "missing while the place is given")
            continue
        if t not in ("1", "2", "3", "4", "5"):
            bad(n, g + "Type", "not 1-5")
        cc = rec[g + "CountryCode"]
        if cc and cc not in fips:
            bad(n, g + "CountryCode", "not a FIPS 10-4 code")
        if t in ("2", "3") and cc != "US":
            bad(n, g + "Type", "a US type outside the US")
        if t == "1" and rec[g + "ADM1Code"] != cc:
            bad(n, g + "ADM1Code", "a country's ADM1 is its code")
        adm1 = rec[g + "ADM1Code"]
        if adm1 and not (re.fullmatch(r"[A-Z0-9]{2,7}", adm1) and adm1.startswith(cc)):
            bad(n, g + "ADM1Code", "not an ADM1 code of its country")
        if not rec[g + "FullName"]:
            bad(n, g + "FullName", "empty")
        if rec[g + "Lat"] and not -90 <= float(rec[g + "Lat"]) <= 90:
            bad(n, g + "Lat", "outside -90..90")
        if rec[g + "Long"] and not -180 <= float(rec[g + "Long"]) <= 180:
            bad(n, g + "Long", "outside -180..180")
    if not re.fullmatch(r"[0-9]{14}", rec["DATEADDED"]):
        bad(n, "DATEADDED", "not YYYYMMDDHHMMSS")
    if rec["SOURCEURL"] and not re.match(r"https?://", rec["SOURCEURL"]):
        bad(n, "SOURCEURL", "neither empty nor a URL")
for p in problems[:30]:
    print("gdelt_check: " + p)
print("gdelt_check: %d rows, %d problems" % (rows, len(problems)))
sys.exit(1 if problems or not rows else 0)
