# The solve methods end to end: the heuristic is reproducible for a seed, thread count and
# work budget, and reports a bound below its plan; auto falls back to the heuristic when the
# time limit is too short for branch-and-cut (sw_london.sh: auto chooses exact); exact starts
# from the heuristic's plan, so it has a plan where branch-and-cut alone found none in the
# time; the time limit and SIGINT end a run with a checked plan written. Every run has a work
# budget or a time limit: a run without either stops only after three stalled rounds of at
# least 40 M moves each (minutes under the sanitizers).
source "$(dirname "$0")/lib.bash"
swl="$SOURCE_DIR/instances/sw-london"

# --work: a budget of moves per candidate pair (15,415 pairs), whatever the clock; a unit's
# scan under way is finished, hence the slack
for run in a b; do
    expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/$run" --method heuristic --threads 2 \
        --seed 3 --work 100 --quiet
done
expect_same "$WORK/a/assignments.csv" "$WORK/b/assignments.csv" \
    "the same work, seed and thread count gave two plans"
s="$WORK/a/summary.json"
expect_grep "$s" '"method": "heuristic",'
expect_grep "$s" '"threads": 2,'
expect_grep "$s" '"violations": 0,'
expect_at_most "$(json_value "$s" bound)" "$(json_value "$s" objective)"
expect_at_most "$(json_value "$s" gap)" 0.01
[ "$(json_value "$s" moves_evaluated)" -gt 0 ] || fail "no moves evaluated"
expect_at_most "$(json_value "$s" moves_evaluated)" 1545000
expect_status 0 "$CAREPOOL" check "$swl" "$WORK/a/assignments.csv"

expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/one" --method heuristic --threads 1 \
    --work 100 --quiet
expect_grep "$WORK/one/summary.json" '"threads": 1,'

# auto, with a limit too short for branch-and-cut (1 s for 15,415 pairs)
expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/auto-short" --time-limit 1
expect_grep "$WORK/err" "candidate pairs: the time limit is too short for branch-and-cut"
expect_grep "$WORK/auto-short/summary.json" '"method": "heuristic",'

# wla under standalone: branch-and-cut alone found no plan in a minute (bench/RESULTS.md).
expect_status 0 "$CAREPOOL" solve "$SOURCE_DIR/instances/wla" -o "$WORK/wla" --config standalone \
    --method exact --time-limit 10 --quiet
expect_grep "$WORK/wla/summary.json" '"method": "exact",'
expect_grep "$WORK/wla/summary.json" '"violations": 0,'

# A larger instance, stopped by the time limit with a checked plan.
expect_status 0 "$CAREPOOL" generate --preset england-children --seed 1 --scale 0.1 -o "$WORK/ec"
expect_status 0 "$CAREPOOL" solve "$WORK/ec" -o "$WORK/limited" --method heuristic --threads 2 \
    --time-limit 3 --quiet
expect_grep "$WORK/limited/summary.json" '"violations": 0,'

# SIGINT: a clean stop with the best plan checked and written.
"$CAREPOOL" solve "$WORK/ec" -o "$WORK/stopped" --method heuristic --threads 2 \
    >"$WORK/out" 2>"$WORK/err" &
pid=$!
# signal once a plan exists (a progress row with an incumbent; slow under sanitizers)
for _ in $(seq 600); do
    grep -q "incumbent [0-9]" "$WORK/err" && break
    sleep 0.1
done
kill -INT "$pid"
wait "$pid" || fail "exit $? after SIGINT, wanted 0"
expect_grep "$WORK/stopped/summary.json" '"status": "feasible",'
expect_grep "$WORK/stopped/summary.json" '"violations": 0,'
finish
