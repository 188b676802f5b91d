# Bad input and usage: a message naming file, line and column, exit status 2, nothing written.
source "$(dirname "$0")/lib.bash"

expect_status 2 "$CAREPOOL"
expect_grep "$WORK/out" "Exit status:"
expect_status 0 "$CAREPOOL" --help
expect_grep "$WORK/out" "4  no plan found within the limits"
expect_status 2 "$CAREPOOL" frobnicate
expect_grep "$WORK/err" "unknown command 'frobnicate'"
expect_status 2 "$CAREPOOL" solve "$TEST_DATA_DIR/e2e-tiny" -o "$WORK/o" --gap x
expect_grep "$WORK/err" "--gap: expected a number from 0 to 0.999999 (value 'x')"
expect_status 2 "$CAREPOOL" solve "$TEST_DATA_DIR/e2e-tiny" -o "$WORK/o" --formulation best
expect_grep "$WORK/err" "--formulation: expected one of strong|weak (value 'best')"
expect_status 2 "$CAREPOOL" solve "$TEST_DATA_DIR/e2e-tiny" -o "$WORK/o" --config nope
expect_grep "$WORK/err" "unknown configuration 'nope'"
expect_status 2 "$CAREPOOL" solve "$TEST_DATA_DIR/e2e-tiny"
expect_grep "$WORK/err" "-o DIR is required"
expect_absent "$WORK/o"

expect_status 2 "$CAREPOOL" solve "$TEST_DATA_DIR/e2e-bad" -o "$WORK/bad"
expect_grep "$WORK/err" "services.csv:2: column 'capacity'"
expect_grep "$WORK/err" "services.csv:3: column 'id': duplicate id"
expect_grep "$WORK/err" "services.csv:3: column 'authority'"
expect_grep "$WORK/err" "services.csv:3: column 'weekly_price'"
expect_absent "$WORK/bad"
expect_status 2 "$CAREPOOL" validate "$TEST_DATA_DIR/e2e-bad"
expect_status 2 "$CAREPOOL" validate "$WORK/missing"
expect_grep "$WORK/err" "cannot open instance directory"

expect_status 0 "$CAREPOOL" validate "$TEST_DATA_DIR/e2e-tiny"
expect_grep "$WORK/out" "people          4"
expect_grep "$WORK/out" "valid"

# infeasible: each person without a candidate is named with the filter that removed most
expect_status 3 "$CAREPOOL" solve "$TEST_DATA_DIR/e2e-infeasible" -o "$WORK/inf"
expect_grep "$WORK/err" "user 'p1' (authority 'merton'): no compatible service and no spot cost; most services removed by specialisms"
expect_grep "$WORK/err" "user 'p2' (authority 'sutton'): no compatible service and no spot cost; most services removed by max_distance_km"
expect_grep "$WORK/inf/summary.json" '"status": "infeasible"'
expect_absent "$WORK/inf/assignments.csv" "$WORK/inf/authorities.csv" "$WORK/inf/services.csv"
finish
