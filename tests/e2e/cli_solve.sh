# carepool solve and check on a tiny instance whose optimum is known by hand: a candidate
# supported-living scheme opens for two people, a locked person stays, one moves.
source "$(dirname "$0")/lib.bash"
tiny="$TEST_DATA_DIR/e2e-tiny"

expect_status 0 "$CAREPOOL" solve "$tiny" -o "$WORK/out1"
expect_files "$WORK/out1" assignments.csv authorities.csv services.csv summary.json
expect_no_temporaries "$WORK/out1"
s="$WORK/out1/summary.json"
expect_grep "$s" '"status": "optimal"'
# 1500 (p4 locked) + 1500 (p2) + 900 + 900 (flat1) + 400 fixed + 2 x 100 moves
# + distance_weight 2 x 5.331158 km for each of p1 (merton to flat1) and p4 (sutton to home1)
expect_close "$(json_value "$s" objective)" 5421.324630 0.000001
expect_close "$(json_value "$s" bound)" 5421.324630 0.000001
expect_close "$(json_value "$s" gap)" 0 0.000001
expect_close "$(json_value "$s" terms.fixed)" 400 0.000001
expect_close "$(json_value "$s" terms.moves)" 200 0.000001
expect_grep "$s" '"services_opened": 1,'
expect_grep "$s" '"config": "pooled",'
expect_grep "$WORK/out1/assignments.csv" 'p4,sutton,home1,acme,residential'
expect_grep "$WORK/out1/services.csv" 'flat1,flat1,sutton,supported_living,candidate,3,2,'
expect_grep "$WORK/out" 'optimal'

# standalone: flat1 is owned by sutton, so merton's p1 cannot use it and it cannot reach two
expect_status 0 "$CAREPOOL" solve "$tiny" -o "$WORK/out2" --config standalone --quiet
expect_grep "$WORK/out2/summary.json" '"services_opened": 0,'

# the checker accepts the written plan and finds the same cost
expect_status 0 "$CAREPOOL" check "$tiny" "$WORK/out1/assignments.csv"
expect_grep "$WORK/out" 'feasible (0 violations)'
expect_grep "$WORK/out" '5421.32'
# and under standalone the same plan breaks the owner rule
expect_status 3 "$CAREPOOL" check "$tiny" "$WORK/out1/assignments.csv" --config standalone
expect_grep "$WORK/err" "owner"

# the same run twice gives the same plan
expect_status 0 "$CAREPOOL" solve "$tiny" -o "$WORK/out3" --quiet
expect_same "$WORK/out1/assignments.csv" "$WORK/out3/assignments.csv" "solve is not deterministic"
finish
