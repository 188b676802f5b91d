# What-ifs on the command line (issue 16 items 5 and 6): `--set KEY=VALUE`, `--demand-growth`
# and `--uplift` on solve and compare, and `carepool transform` writing the instance they
# make. Checked: +0% is a plain rewrite, byte for byte; the same seed gives the same files and
# another seed others; `solve DIR2` of a transformed instance gives exactly the plan of
# `solve DIR` with the same options; --set equals an edited settings.csv; summary.json says
# which what-if made a result; bad options are exit 2 with nothing written.
source "$(dirname "$0")/lib.bash"
sw="$SOURCE_DIR/instances/sw-london"
solve=(--method heuristic --work 2 --threads 2 --quiet)
growth="supported_living:+15%,residential:-10%,croydon:+5%"

# +0% is the identity: the same files as a plain rewrite, which is a fixed point
expect_status 0 "$CAREPOOL" transform "$sw" -o "$WORK/plain" --quiet
expect_files "$WORK/plain" authorities.csv services.csv users.csv quotes.csv tiers.csv \
    settings.csv configurations.csv
expect_status 0 "$CAREPOOL" transform "$sw" --demand-growth +0% --uplift +0% -o "$WORK/zero" -q
diff -r "$WORK/plain" "$WORK/zero" >&2 || fail "+0% is not a plain rewrite"
expect_status 0 "$CAREPOOL" transform "$WORK/plain" -o "$WORK/again" --quiet
diff -r "$WORK/plain" "$WORK/again" >&2 || fail "a rewrite of a rewrite differs"

# the same seed, the same instance; another seed, other people
for run in a b; do
    expect_status 0 "$CAREPOOL" transform "$sw" --demand-growth "$growth" --seed 5 \
        -o "$WORK/grown-$run"
done
expect_grep "$WORK/out" "instances/sw-london: 420 people (36 added, 16 removed), 144 services"
expect_grep "$WORK/err" "demand growth $growth: "
diff -r "$WORK/grown-a" "$WORK/grown-b" >&2 || fail "the same seed gave different instances"
expect_status 0 "$CAREPOOL" transform "$sw" --demand-growth "$growth" --seed 6 -o "$WORK/seed6" -q
cmp -s "$WORK/grown-a/users.csv" "$WORK/seed6/users.csv" && fail "seeds 5 and 6 drew the same"
grep -q '^u[0-9]*\.g1,' "$WORK/grown-a/users.csv" || fail "no new person SOURCE.g1"

# solve DIR2 = solve DIR with the same what-ifs (the plan, byte for byte)
whatif=(--demand-growth "$growth" --uplift +2% --set distance_weight=3 --set spot_cost=8000
    --seed 5)
expect_status 0 "$CAREPOOL" transform "$sw" "${whatif[@]}" -o "$WORK/dir2" --quiet
expect_status 0 "$CAREPOOL" solve "$sw" "${whatif[@]}" "${solve[@]}" -o "$WORK/direct"
expect_status 0 "$CAREPOOL" solve "$WORK/dir2" --seed 5 "${solve[@]}" -o "$WORK/via"
for file in assignments.csv services.csv authorities.csv; do
    expect_same "$WORK/direct/$file" "$WORK/via/$file" "$file: solve DIR2 differs from solve DIR"
done
[ "$(json_value "$WORK/direct" objective)" = "$(json_value "$WORK/via" objective)" ] ||
    fail "objective: solve DIR2 differs from solve DIR"
s="$WORK/direct/summary.json"
[ "$(json_value "$s" settings_overridden.distance_weight)" = 3 ] || fail "distance_weight"
[ "$(json_value "$s" settings_overridden.spot_cost)" = 8000 ] || fail "spot_cost not recorded"
[ "$(json_value "$s" scenario.demand_growth)" = "$growth" ] || fail "demand_growth not recorded"
[ "$(json_value "$s" scenario.uplift)" = +2% ] || fail "uplift not recorded"
[ "$(json_value "$s" scenario.services_uplifted)" = 144 ] || fail "not every price uplifted"
[ "$(json_value "$s" people)" -eq $((400 + $(json_value "$s" scenario.people_added) - \
    $(json_value "$s" scenario.people_removed))) ] || fail "people != 400 + added - removed"
expect_grep "$WORK/via/summary.json" '"settings_overridden": {},'
expect_grep "$WORK/via/summary.json" '"scenario": null,'

# --set is an edited settings.csv
cp -r "$sw" "$WORK/edited"
sed -i 's/^distance_weight,2$/distance_weight,0.5/' "$WORK/edited/settings.csv"
expect_status 0 "$CAREPOOL" solve "$WORK/edited" "${solve[@]}" -o "$WORK/edited-out"
expect_status 0 "$CAREPOOL" solve "$sw" --set distance_weight=0.5 "${solve[@]}" -o "$WORK/set"
expect_same "$WORK/edited-out/assignments.csv" "$WORK/set/assignments.csv" \
    "--set distance_weight differs from an edited settings.csv"
[ "$(json_value "$WORK/set" objective)" = "$(json_value "$WORK/edited-out" objective)" ] ||
    fail "--set distance_weight: another objective than the edited settings.csv"

# an uplift file: only its providers' prices change
printf 'provider,uplift_pct\nacorn-supported-living,2\n' >"$WORK/uplift.csv"
expect_status 0 "$CAREPOOL" transform "$sw" --uplift "$WORK/uplift.csv" -o "$WORK/acorn" -q
diff <(grep -v ',acorn-supported-living,' "$WORK/plain/services.csv") \
    <(grep -v ',acorn-supported-living,' "$WORK/acorn/services.csv") >&2 ||
    fail "the uplift file changed other providers' services"
cmp -s "$WORK/plain/services.csv" "$WORK/acorn/services.csv" && fail "no price uplifted"

# compare records the what-ifs too
expect_status 0 "$CAREPOOL" compare "$TEST_DATA_DIR/compare-three" --set move_cost=5 \
    --uplift +1% "${solve[@]}" -o "$WORK/compare"
[ "$(json_value "$WORK/compare" settings_overridden.move_cost)" = 5 ] || fail "compare --set"
[ "$(json_value "$WORK/compare" scenario.uplift)" = +1% ] || fail "compare --uplift"

# bad options: exit 2, a clear message, nothing written
printf 'provider,uplift_pct\nacorn-supported-living,2\nnobody,3\n' >"$WORK/unknown.csv"
printf 'provider,uplift_pct\nacorn-supported-living,-120\n' >"$WORK/below.csv"
bad() { # bad MESSAGE OPTION...: solve and transform both refuse, saying MESSAGE
    local message=$1
    shift
    for command in solve transform; do
        expect_status 2 "$CAREPOOL" "$command" "$sw" "$@" -o "$WORK/bad" &&
            expect_grep "$WORK/err" "$message"
        expect_absent "$WORK/bad"
    done
}
bad "--set: unknown setting 'distance_weigth' (did you mean 'distance_weight'?); known: " \
    --set distance_weigth=2
bad "--set: column 'distance_weight': must be >= 0 (value '-1')" --set distance_weight=-1
bad "--set: expected KEY=VALUE (value 'move_cost')" --set move_cost
bad "--set: setting 'move_cost' given twice" --set move_cost=1 --set move_cost=2
bad "--demand-growth: growth must be from -100% to +1000% (item '-150%')" --demand-growth -150%
bad "--demand-growth: 'nursing' is neither a service type nor a council of the instance" \
    --demand-growth nursing:+5%
bad "--demand-growth: expected PCT or NAME:PCT, PCT like +10% or -5% (item 'residential+5%')" \
    --demand-growth residential+5%
bad "$WORK/unknown.csv:3: column 'provider': unknown provider (value 'nobody')" \
    --uplift "$WORK/unknown.csv"
bad "$WORK/below.csv:2: column 'uplift_pct': must be > -100 (value '-120')" \
    --uplift "$WORK/below.csv"
bad "--uplift: expected a percentage like +2% or a file (value 'two%')" --uplift two%
finish
