#!/usr/bin/env python3
"""Derive solver/gen/places_table.c, the generator's table of English local authorities.

Usage: derive_places.py [uk_local_authorities_current.csv] > solver/gen/places_table.c

The input is mySociety's table of UK local authorities (MIT licence,
https://github.com/mysociety/uk_local_authority_names_and_codes); by default it is read from
../shared/reference-data/uk_local_authorities_current.csv relative to the project root.

What it selects, and why:
- Rows with nation "England" and current-authority "True" only: the generator builds
  instances for councils that exist today.
- Upper tier (upper=1): local-authority-type CTY (county council), UA (unitary authority),
  MD (metropolitan district), LBO (London borough) and CC (City of London). These are the
  153 councils with children's and adult social care duties, the ones that commission
  care placements.
- Districts (upper=0): every current NMD (non-metropolitan district), with county set to
  its county-la code. Districts have no care duties; the generator uses them to spread
  people and services across a county.
- Everything else (COMB combined authorities, the SRA Greater London Authority, and
  former authorities) is skipped: none has care duties of its own.

Columns: id is the lower-case ASCII words of nice-name joined by '_' (apostrophes dropped,
so "King's Lynn" gives "kings_lynn"); name is nice-name; region the region column; lat/lon
the lat and long columns; population pop-2020; area_km2 the area column, which is in km2
(Adur reads 42). Ids must be unique: a district whose id equals an upper-tier council's id
gets the suffix "_district"; any other collision stops the script.

Counties: the table's points for county councils are wrong for several (Lancashire's lies
in Northamptonshire, Devon's in the Bristol Channel, Kent's in east London), so every CTY
point is the population-weighted mean of its current districts' points. A county whose
population or area is missing takes the sum over its districts. In the current table no
upper-tier row lacks a point, population or area after that step, so nothing further is
filled in; should a later table leave a gap (empty, zero or NaN), the script names the row
on stderr and stops rather than invent a value. The region column is wrong for two
counties too (Derbyshire reads "West Midlands", Lincolnshire "Yorkshire and The Humber";
both are East Midlands, as are all their districts), so a county takes its districts'
region (they must agree) and each replacement is noted on stderr. That leaves the ONS
counts of upper-tier councils per region (North East 12, North West 24, Yorkshire and The
Humber 15, East Midlands 10, West Midlands 14, East of England 11, London 33, South East
19, South West 15).

Points of other councils are taken as given. They are area centroids, so a council whose
boundary takes in water sits off its centre: City of Bristol's point (51.453, -2.771) lies
in the Severn estuary about 13 km west of the city centre.

Checks: every point must lie in England's bounding box (lat 49.8..55.9, lon -6.5..1.8), and
every district's point within 80 km of its county's derived point. The current table
passes both (the farthest district lies 44 km from its county's point), so no point is
corrected; a failure is printed on stderr and stops the script, since a wrong point in
the input needs a human look, not a guess.

Output: the C file on stdout, places sorted by code, with cp_place_by_code doing a binary
search over the codes. Standard library only.
"""

import csv
import math
import os
import re
import sys
import unicodedata

UPPER_TYPES = {"CTY", "UA", "MD", "LBO", "CC"}
DISTRICT_TYPE = "NMD"
EXPECTED_UPPER = 153
LAT_RANGE = (49.8, 55.9)
LON_RANGE = (-6.5, 1.8)
MAX_DISTRICT_KM = 80.0


def fail(message):
    """Print message on stderr and exit with status 1."""
    print("derive_places: " + message, file=sys.stderr)
    sys.exit(1)


def default_input():
    """The reference table's path relative to the project root (two levels above this file)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(root, "..", "shared", "reference-data",
                        "uk_local_authorities_current.csv")


def make_id(name):
    """Lower-case ASCII words of name joined by '_'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['\u2019]", "", ascii_name.lower())
    words = re.findall(r"[a-z0-9]+", ascii_name)
    if not words:
        fail("name %r gives an empty id" % name)
    return "_".join(words)


def number(row, column):
    """The column's value as a float, or None when empty, zero or not a finite number."""
    text = row[column].strip()
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or value == 0.0:
        return None
    return value


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def read_places(path):
    """The selected rows as dicts with the cp_place fields (before county points)."""
    places = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["nation"] != "England" or row["current-authority"] != "True":
                continue
            kind = row["local-authority-type"]
            if kind not in UPPER_TYPES and kind != DISTRICT_TYPE:
                continue
            upper = kind in UPPER_TYPES
            if not upper and not row["county-la"]:
                fail("district %s has no county-la" % row["local-authority-code"])
            places.append({
                "code": row["local-authority-code"],
                "id": make_id(row["nice-name"]),
                "name": row["nice-name"],
                "region": row["region"],
                "county": "" if upper else row["county-la"],
                "type": kind,
                "upper": 1 if upper else 0,
                "lat": number(row, "lat"),
                "lon": number(row, "long"),
                "population": number(row, "pop-2020"),
                "area_km2": number(row, "area"),
            })
    return places


def derive_counties(places, by_code):
    """Give each county council its districts' region and population-weighted point, and
    their population and area sums where the county's own are missing."""
    for county in places:
        if county["type"] != "CTY":
            continue
        districts = [p for p in places if p["county"] == county["code"]]
        if not districts:
            fail("county %s has no current districts" % county["code"])
        for d in districts:
            if d["lat"] is None or d["lon"] is None or d["population"] is None:
                fail("district %s lacks a point or population" % d["code"])
        regions = {d["region"] for d in districts}
        if len(regions) != 1:
            fail("county %s has districts in regions %s" % (county["code"], sorted(regions)))
        region = regions.pop()
        if county["region"] != region:
            print("derive_places: county %s (%s): region %r replaced by its districts' %r"
                  % (county["code"], county["name"], county["region"], region), file=sys.stderr)
            county["region"] = region
        total = sum(d["population"] for d in districts)
        county["lat"] = sum(d["population"] * d["lat"] for d in districts) / total
        county["lon"] = sum(d["population"] * d["lon"] for d in districts) / total
        if county["population"] is None:
            county["population"] = total
        if county["area_km2"] is None and all(d["area_km2"] is not None for d in districts):
            county["area_km2"] = sum(d["area_km2"] for d in districts)
    for p in places:
        if p["county"] and p["county"] not in by_code:
            fail("district %s: county %s is not a current council" % (p["code"], p["county"]))
        if p["county"] and by_code[p["county"]]["type"] != "CTY":
            fail("district %s: county %s is not a county council" % (p["code"], p["county"]))


def check_complete(places):
    """Stop if any place still lacks a point, population or area."""
    gaps = [p["code"] for p in places
            if None in (p["lat"], p["lon"], p["population"], p["area_km2"])]
    if gaps:
        fail("missing point, population or area after derivation: " + ", ".join(gaps))


def check_points(places, by_code):
    """Stop if a point lies outside England's box or a district far from its county."""
    problems = []
    for p in places:
        if not (LAT_RANGE[0] <= p["lat"] <= LAT_RANGE[1]
                and LON_RANGE[0] <= p["lon"] <= LON_RANGE[1]):
            problems.append("%s (%s) at %.4f,%.4f is outside England's box"
                            % (p["code"], p["name"], p["lat"], p["lon"]))
        if p["county"]:
            c = by_code[p["county"]]
            km = distance_km(p["lat"], p["lon"], c["lat"], c["lon"])
            if km > MAX_DISTRICT_KM:
                problems.append("%s (%s) lies %.0f km from its county %s"
                                % (p["code"], p["name"], km, c["code"]))
    if problems:
        fail("bad points:\n  " + "\n  ".join(problems))


def assign_ids(places):
    """Suffix districts that share an upper-tier id; stop on any other collision."""
    upper_ids = {p["id"] for p in places if p["upper"]}
    for p in places:
        if not p["upper"] and p["id"] in upper_ids:
            p["id"] += "_district"
    seen = {}
    for p in places:
        if p["id"] in seen:
            fail("id %s is shared by %s and %s" % (p["id"], seen[p["id"]], p["code"]))
        seen[p["id"]] = p["code"]


def c_string(text):
    """text as a C string literal."""
    if not text.isascii():
        fail("non-ASCII text %r" % text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit(places):
    """Print places_table.c on stdout."""
    out = sys.stdout
    out.write("/* Generated by gen/derive_places.py from mySociety's "
              "uk_local_authorities_current.csv\n"
              " * (MIT licence, https://github.com/mysociety/"
              "uk_local_authority_names_and_codes); do not edit.\n"
              " * The table of English local authorities in gen/places.h, sorted by code. */\n")
    out.write('#include "gen/places.h"\n\n#include <string.h>\n\n')
    out.write("const cp_place cp_places[] = {\n")
    for p in places:
        out.write("    {%s, %s, %s, %s, %s, %d, %.6f, %.6f, %.0f, %.1f},\n" % (
            c_string(p["code"]), c_string(p["id"]), c_string(p["name"]),
            c_string(p["region"]), c_string(p["county"]), p["upper"],
            p["lat"], p["lon"], p["population"], p["area_km2"]))
    out.write("};\n\n")
    out.write("const size_t cp_n_places = sizeof cp_places / sizeof cp_places[0];\n\n")
    out.write("const cp_place *cp_place_by_code(const char *code)\n"
              "{\n"
              "    size_t lo = 0, hi = cp_n_places;\n"
              "    while (lo < hi) {\n"
              "        size_t mid = lo + (hi - lo) / 2;\n"
              "        int cmp = strcmp(code, cp_places[mid].code);\n"
              "        if (cmp == 0)\n"
              "            return &cp_places[mid];\n"
              "        if (cmp < 0)\n"
              "            hi = mid;\n"
              "        else\n"
              "            lo = mid + 1;\n"
              "    }\n"
              "    return NULL;\n"
              "}\n")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_input()
    places = read_places(path)
    by_code = {}
    for p in places:
        if p["code"] in by_code:
            fail("code %s appears twice" % p["code"])
        by_code[p["code"]] = p
    n_upper = sum(p["upper"] for p in places)
    if n_upper != EXPECTED_UPPER:
        fail("%d upper-tier councils, expected %d" % (n_upper, EXPECTED_UPPER))
    derive_counties(places, by_code)
    check_complete(places)
    check_points(places, by_code)
    assign_ids(places)
    # Byte order, matching strcmp in cp_place_by_code.
    places.sort(key=lambda p: p["code"].encode("ascii"))
    emit(places)


if __name__ == "__main__":
    main()
