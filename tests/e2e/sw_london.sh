# The bundled default instance: valid, solved to proven optimality by the method auto chooses
# for it (exact), and the written plan passes the independent checker with the same cost.
source "$(dirname "$0")/lib.bash"
swl="$SOURCE_DIR/instances/sw-london"

expect_status 0 "$CAREPOOL" validate "$swl"
expect_grep "$WORK/out" "people          400"
expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/pooled"
expect_grep "$WORK/err" "method auto: exact ("
s="$WORK/pooled/summary.json"
expect_grep "$s" '"status": "optimal"'
expect_grep "$s" '"placed": 400,'
expect_grep "$s" '"violations": 0,'
expect_close "$(json_value "$s" gap)" 0 0.000001
objective=$(json_value "$s" objective)
expect_status 0 "$CAREPOOL" check "$swl" "$WORK/pooled/assignments.csv"
expect_grep "$WORK/out" "weekly cost  $(printf '%.2f' "$objective")"
[ "$(wc -l <"$WORK/pooled/assignments.csv")" -eq 401 ] || fail "assignments.csv should hold 400 people"
finish
