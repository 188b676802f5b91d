#!/usr/bin/env bash
# Writes a generated facility-location-style instance for bench/formulation.sh:
# four authorities around one region, a little existing capacity, and many candidate
# services (fixed cost, min_occupancy, owner) that must be opened to place most people;
# distance and preference terms in the objective, a spot cost so every instance is feasible.
# Profiles (default small):
#   small  candidate schemes of 6-12 places, fixed cost 2000-5000, min_occupancy 3-5,
#          max_distance_km 70;
#   large  20-40 places, fixed cost 20000-40000, min_occupancy 5-10, max_distance_km 70:
#          capacity-bound, the opened schemes run nearly full;
#   local  as large but max_distance_km 25: coverage-bound, schemes are opened to serve an
#          area and run far from full (where capacity-only linking is weakest).
# Deterministic for a seed on any awk (its own Park-Miller generator, not awk's rand).
#
# usage: bench/make_facility_instance.sh PEOPLE CANDIDATES SEED OUTDIR [small|large|local]
set -euo pipefail

if [ $# -lt 4 ] || [ $# -gt 5 ]; then
    echo "usage: $0 PEOPLE CANDIDATES SEED OUTDIR [small|large|local]" >&2
    exit 2
fi
people=$1 candidates=$2 seed=$3 out=$4 profile=${5:-small}
case $profile in
small) cap_lo=6 cap_hi=12 fixed_lo=2000 fixed_hi=5000 occ_lo=3 occ_hi=5 max_km=70 ;;
large) cap_lo=20 cap_hi=40 fixed_lo=20000 fixed_hi=40000 occ_lo=5 occ_hi=10 max_km=70 ;;
local) cap_lo=20 cap_hi=40 fixed_lo=20000 fixed_hi=40000 occ_lo=5 occ_hi=10 max_km=25 ;;
*)
    echo "$0: the profile must be small, large or local" >&2
    exit 2
    ;;
esac
for n in "$people" "$candidates" "$seed"; do
    case $n in
    '' | *[!0-9]* | 0)
        echo "$0: PEOPLE, CANDIDATES and SEED must be positive integers" >&2
        exit 2
        ;;
    esac
done
mkdir -p "$out"

awk -v people="$people" -v candidates="$candidates" -v seed="$seed" -v out="$out" \
    -v cap_lo="$cap_lo" -v cap_hi="$cap_hi" -v fixed_lo="$fixed_lo" -v fixed_hi="$fixed_hi" \
    -v occ_lo="$occ_lo" -v occ_hi="$occ_hi" -v max_km="$max_km" '
# Park-Miller minimal standard generator: exact in double precision, same on every awk.
# Every draw is its own statement so that the sequence does not depend on the order in
# which an awk evaluates arguments.
function uniform() { state = (state * 16807) % 2147483647; return state / 2147483647 }
function between(lo, hi) { return lo + int(uniform() * (hi - lo + 1)) }
function near_lat(a) { return lat[a] + (uniform() - 0.5) * 0.5 }
function near_lon(a) { return lon[a] + (uniform() - 0.5) * 0.8 }
function pick_rating(r) {
    r = uniform()
    return r < 0.15 ? "outstanding" : (r < 0.75 ? "good" : "requires_improvement")
}
function pick_specialisms() { return uniform() < 0.45 ? "autism" : "" }
# One services.csv row; fixed, minocc and owner are empty for existing services.
function service(id, a, capacity, price, intensity, status, fixed, minocc, owner,
                 provider, y, x, type, rating, tags) {
    provider = "prov" between(1, 8)
    y = near_lat(a)
    x = near_lon(a)
    type = types[between(1, 2)]
    rating = pick_rating()
    tags = pick_specialisms()
    printf("%s,%s,%s,%.4f,%.4f,%s,%d,%d,%s,%d,%s,%s,%s,%s,%s\n", id, provider, auth[a], y, x,
           type, capacity, price, rating, intensity, tags, status, fixed, minocc, owner) > services
}
BEGIN {
    state = (seed * 7919) % 2147483646 + 1
    authorities = out "/authorities.csv"
    services = out "/services.csv"
    users = out "/users.csv"
    settings = out "/settings.csv"
    split("52.35 52.00 51.65 52.00", lat, " ")
    split("-1.50 -0.95 -1.50 -2.05", lon, " ")
    split("residential supported_living", types, " ")

    print "id,name,lat,lon" > authorities
    for (a = 1; a <= 4; a++) {
        auth[a] = "auth" a
        printf("%s,Authority %d,%.4f,%.4f\n", auth[a], a, lat[a], lon[a]) > authorities
    }

    print "id,provider,authority,lat,lon,type,capacity,weekly_price,rating,max_intensity," \
          "specialisms,status,fixed_cost,min_occupancy,owner" > services
    existing = int(people / 25) + 4
    for (s = 1; s <= existing; s++) {
        a = between(1, 4)
        capacity = between(3, 6)
        price = between(1100, 1700)
        intensity = between(3, 5)
        service("e" s, a, capacity, price, intensity, "existing", "", "", "")
    }
    for (s = 1; s <= candidates; s++) {
        a = between(1, 4)
        capacity = between(cap_lo, cap_hi)
        price = between(800, 1100)
        intensity = between(4, 5)
        fixed = between(fixed_lo, fixed_hi)
        minocc = between(occ_lo, occ_hi)
        service("c" s, a, capacity, price, intensity, "candidate", fixed, minocc, auth[a])
    }

    print "id,authority,lat,lon,types,intensity,age,needs" > users
    for (u = 1; u <= people; u++) {
        a = between(1, 4)
        y = near_lat(a)
        x = near_lon(a)
        r = uniform()
        t = r < 0.4 ? "residential" : (r < 0.7 ? "supported_living" : "supported_living;residential")
        intensity = between(1, 4)
        age = between(18, 85)
        needs = uniform() < 0.2 ? "autism" : ""
        printf("u%d,%s,%.4f,%.4f,%s,%d,%d,%s\n", u, auth[a], y, x, t, intensity, age,
               needs) > users
    }

    print "key,value" > settings
    print "distance_weight,3" > settings
    print "preference_cost,100" > settings
    print "spot_cost,3500" > settings
    print "max_distance_km," max_km > settings
}'
