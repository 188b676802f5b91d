# carepool compare on a three-council instance whose costs, shares and coalition values are
# known by hand (tests/data/compare-three: one provider at 1000 a place, 10% off from 3
# places, contract_cost 300; a has two people, b and c one each), and on a generated
# twelve-council instance for the sampled Shapley value and the proportional-only rule.
source "$(dirname "$0")/lib.bash"
three="$TEST_DATA_DIR/compare-three"

expect_status 0 "$CAREPOOL" compare "$three" -o "$WORK/c1"
expect_files "$WORK/c1" comparison.csv authorities.csv shares.csv coalitions.csv summary.json
expect_no_temporaries "$WORK/c1"
expect_grep "$WORK/c1/comparison.csv" 'configuration,pools,weekly_cost,annual_cost,saving,saving_pct,placement,discount,distance,preference,moves,spot,fixed,contracts,mean_km,p90_km,share_within_local_km,placed_outside_own_authority,unplaced,services_opened,contracts_signed,status,method,bound,gap,seconds'
expect_grep "$WORK/c1/authorities.csv" 'authority,configuration,pool,weekly_cost,standalone_cost,saving,saving_pct'
expect_grep "$WORK/c1/shares.csv" 'configuration,pool,member,standalone_cost,alone_cost,pooled_cost,proportional_share,shapley_share,shapley_half_width,shapley,shapley_note,stability_checked,blocking_coalitions,above_standalone,above_alone'
expect_grep "$WORK/c1/coalitions.csv" 'configuration,pool,coalition,size,value,rest_value,bound,status,method,seconds,proportional_sum,shapley_sum,blocks'

# standalone: a 2 x 1000 + 300, b and c 1000 + 300 each; pooled: 4 places reach the tier,
# 3600 + one contract 300; ab: 3 places reach it (2700 + 300), c alone 1300
c="$WORK/c1/comparison.csv"
expect_grep "$c" 'standalone,3,4900.00,254800.00,0.00,0.000,4000.00,0.00,'
expect_grep "$c" 'pooled,1,3900.00,202800.00,1000.00,20.408,4000.00,400.00,'
expect_grep "$c" 'ab,2,4300.00,223600.00,600.00,12.245,4000.00,300.00,'
# the contract is split by places: pooled a 1800 + 150, b and c 900 + 75 each
a="$WORK/c1/authorities.csv"
expect_grep "$a" 'a,standalone,a,2300.00,2300.00,0.00,0.000'
expect_grep "$a" 'a,pooled,pooled,1950.00,2300.00,350.00,15.217'
expect_grep "$a" 'b,pooled,pooled,975.00,1300.00,325.00,25.000'
expect_grep "$a" 'a,ab,ab,2000.00,2300.00,300.00,13.043'
expect_grep "$a" 'c,ab,c,1300.00,1300.00,0.00,0.000'
# the authorities' costs add up to each configuration's cost; standalone saves nothing
for config in standalone pooled ab; do
    sum=$(awk -F, -v c="$config" '$2 == c { s += $4 } END { printf "%.2f", s }' "$a")
    expect_close "$sum" "$(awk -F, -v c="$config" '$1 == c { print $3 }' "$c")" 0.02
done
[ -z "$(awk -F, '$2 == "standalone" && $6 != "0.00"' "$a")" ] || fail "standalone saves"

# pooled game (S and the rest of the pool solved as two pools): v(a) 2300 with v(bc) 2300,
# v(b) = v(c) 1300 with v(ac) = v(ab) 3000 (3 places reach the tier), v(abc) 3900.
# Shapley a (2 x 2300 + 2 x 1700 + 2 x 1600) / 6, b (2 x 1300 + 700 + 1000 + 2 x 900) / 6;
# proportional 3900 x 2300 / 4900 and 3900 x 1300 / 4900; ab game: Shapley 2000 and 1000.
s="$WORK/c1/shares.csv"
expect_grep "$s" 'pooled,pooled,a,2300.00,2300.00,1950.00,1830.61,1866.67,0.00,exact,exact: all 6 coalitions valued by 3 two-pool solves,all,0,,'
expect_grep "$s" 'pooled,pooled,b,1300.00,1300.00,975.00,1034.69,1016.67,0.00,exact,'
expect_grep "$s" 'pooled,pooled,c,1300.00,1300.00,975.00,1034.69,1016.67,0.00,exact,'
expect_grep "$s" 'ab,ab,a,2300.00,2300.00,2000.00,1916.67,2000.00,0.00,exact,exact: all 2 coalitions valued by 1 two-pool solve,all,0,,'
expect_grep "$s" 'ab,ab,b,1300.00,1300.00,1000.00,1083.33,1000.00,0.00,exact,'
k="$WORK/c1/coalitions.csv"
expect_grep "$k" 'pooled,pooled,b+c,2,2300.00,2300.00,,feasible,search,'
expect_grep "$k" 'pooled,pooled,a+c,2,3000.00,1300.00,'
expect_grep "$k" 'pooled,pooled,a+b+c,3,3900.00,0.00,,optimal,plan,'
[ "$(grep -c ',none$' "$k")" -eq 10 ] || fail "a coalition blocks or is missing"
j="$WORK/c1/summary.json"
expect_grep "$j" '"best": "pooled",'
expect_grep "$j" '"coalitions_valued": 8,'
expect_grep "$WORK/out" "Best: 'pooled'"
expect_grep "$WORK/out" "Sharing in 'pooled': 1 pool (Shapley exact 1, sampled 0, none 0); 0 members above standalone under either rule; 0 blocking coalitions of 6 checked."

# --configs: standalone and pooled always; repeats dropped; an unknown name writes nothing
expect_status 0 "$CAREPOOL" compare "$three" --configs 'pooled, ab,ab' -o "$WORK/c2" -q
[ "$(wc -l <"$WORK/c2/comparison.csv")" -eq 4 ] || fail "--configs pooled,ab,ab: not 3 rows"
expect_status 2 "$CAREPOOL" compare "$three" --configs ab,nowhere -o "$WORK/c3"
expect_grep "$WORK/err" "unknown configuration 'nowhere'"
expect_absent "$WORK/c3"
expect_status 2 "$CAREPOOL" compare "$three"
expect_grep "$WORK/err" '-o DIR is required'
expect_status 2 "$CAREPOOL" compare "$three" -o "$WORK/c4" --coalition-work 0 --shapley-samples 1
expect_grep "$WORK/err" "--coalition-work: expected a number from 0.01 to 1e+06 (value '0')"
expect_grep "$WORK/err" "--shapley-samples: expected a whole number from 2 to 100000 (value '1')"
expect_absent "$WORK/c4"

# twelve councils of one person each, 10% off from 6 places: a pool above 10 members gets the
# sampled Shapley value (shares sum to the pool's cost), above --shapley-max-members none
twelve="$WORK/twelve"
mkdir -p "$twelve"
{
    echo 'id,name,lat,lon'
    for i in $(seq 1 12); do echo "t$i,T$i,51.5,-0.1"; done
} >"$twelve/authorities.csv"
{
    echo 'id,authority,types'
    for i in $(seq 1 12); do echo "u$i,t$i,residential"; done
} >"$twelve/users.csv"
printf 'id,provider,authority,type,capacity,weekly_price\nhome1,acme,t1,residential,20,1000\n' \
    >"$twelve/services.csv"
printf 'provider,min_places,discount_pct\nacme,6,10\n' >"$twelve/tiers.csv"
expect_status 0 "$CAREPOOL" compare "$twelve" -o "$WORK/t1" --shapley-samples 20 -q
s="$WORK/t1/shares.csv"
[ "$(grep -c '^pooled,pooled,t[0-9]*,1000.00,1000.00,900.00,900.00,[0-9.]*,[0-9.]*,sampled,sampled: 20 random orders;' "$s")" -eq 12 ] ||
    fail "twelve members: not 12 sampled rows"
expect_close "$(awk -F, 'NR > 1 { s += $8 } END { print s }' "$s")" 10800 0.1
[ "$(grep -c ',sampled,[0-9]*,' "$s")" -eq 12 ] || fail "stability not checked over the sampled coalitions"
expect_status 0 "$CAREPOOL" compare "$twelve" -o "$WORK/t2" --shapley-max-members 11 -q
s="$WORK/t2/shares.csv"
expect_grep "$s" 'pooled,pooled,t1,1000.00,,900.00,900.00,,,none,12 members (above --shapley-max-members 11): proportional shares only; no coalition valued,none,0,,'
[ "$(grep -c '^pooled,pooled,' "$WORK/t2/coalitions.csv")" -eq 1 ] || fail "coalitions valued above --shapley-max-members"

# tests/data/e2e-tiny: sutton owns the candidate flat1 (min_occupancy 2) that the pooled plan
# fills with one person of each council; split, merton's p1 may not stay there, flat1 falls
# below its minimum and p1's only other service is full, so the search from the pooled plan
# finds nothing and the heuristic from scratch values the split: each council's standalone
# cost (p4 locked, distance 2 x 5.331158 km each for p1 and p4)
expect_status 0 "$CAREPOOL" compare "$TEST_DATA_DIR/e2e-tiny" -o "$WORK/e1" -q
expect_grep "$WORK/e1/authorities.csv" 'merton,standalone,merton,3160.66,3160.66,0.00,0.000'
expect_grep "$WORK/e1/coalitions.csv" 'pooled,pooled,merton,1,3160.66,3160.66,'
expect_grep "$WORK/e1/coalitions.csv" ',feasible,heuristic,'
expect_grep "$WORK/e1/shares.csv" 'pooled,pooled,sutton,3160.66,3160.66,2710.66,2710.66,2710.66,0.00,exact,'

# the same answers on one thread and on two (the heuristic everywhere, so nothing is proven
# and every solve ends by its work); only the seconds may differ
for threads in 1 2; do
    expect_status 0 "$CAREPOOL" compare "$three" -o "$WORK/d$threads" --method heuristic \
        --threads "$threads" -q
    awk -F, 'NR == 1 { for (k = 1; k <= NF; k++) if ($k == "seconds") at = k } { $at = ""; print }' \
        "$WORK/d$threads/comparison.csv" >"$WORK/d$threads/comparison.cut"
    awk -F, '{ $10 = ""; print }' "$WORK/d$threads/coalitions.csv" >"$WORK/d$threads/coalitions.cut"
done
expect_same "$WORK/d1/comparison.cut" "$WORK/d2/comparison.cut" "comparison.csv differs"
expect_same "$WORK/d1/coalitions.cut" "$WORK/d2/coalitions.cut" "coalitions.csv differs"
expect_same "$WORK/d1/shares.csv" "$WORK/d2/shares.csv" "shares.csv differs"
finish
