# The solve methods end to end: the heuristic is reproducible for a seed and thread count and
# reports a bound below its plan; auto says what it chose; exact starts from the heuristic's
# plan, so it has a plan where branch-and-cut alone found none in the time; the time limit
# and SIGINT end a run with a checked plan written.
source "$(dirname "$0")/lib.bash"
swl="$SOURCE_DIR/instances/sw-london"

# at_most A B: A <= B (numbers).
at_most() {
    awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }' || fail "$1 is above $2"
}

for run in a b; do
    expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/$run" --method heuristic --threads 2 \
        --seed 3 --quiet
done
cmp -s "$WORK/a/assignments.csv" "$WORK/b/assignments.csv" ||
    fail "the same seed and thread count gave two plans"
s="$WORK/a/summary.json"
expect_grep "$s" '"method": "heuristic",'
expect_grep "$s" '"threads": 2,'
expect_grep "$s" '"violations": 0,'
at_most "$(json_value "$s" bound)" "$(json_value "$s" objective)"
at_most "$(json_value "$s" gap)" 0.01
[ "$(json_value "$s" moves_evaluated)" -gt 0 ] || fail "no moves evaluated"
expect_status 0 "$CAREPOOL" check "$swl" "$WORK/a/assignments.csv"

expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/one" --method heuristic --threads 1 --quiet
expect_grep "$WORK/one/summary.json" '"threads": 1,'

# --work: a budget of moves per candidate pair (15,415 pairs), whatever the clock; a unit's
# scan under way is finished, hence the slack
for run in w1 w2; do
    expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/$run" --method heuristic --threads 2 \
        --work 100 --quiet
done
cmp -s "$WORK/w1/assignments.csv" "$WORK/w2/assignments.csv" ||
    fail "the same work, seed and thread count gave two plans"
at_most "$(json_value "$WORK/w1/summary.json" moves_evaluated)" 1545000

expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/auto"
expect_grep "$WORK/err" "method auto: exact ("
expect_grep "$WORK/auto/summary.json" '"status": "optimal",'
# ... but not with a limit too short for branch-and-cut (1 s for 15,415 pairs)
expect_status 0 "$CAREPOOL" solve "$swl" -o "$WORK/auto-short" --time-limit 1
expect_grep "$WORK/err" "candidate pairs: the time limit is too short for branch-and-cut"
expect_grep "$WORK/auto-short/summary.json" '"method": "heuristic",'

# wla under standalone: branch-and-cut alone found no plan in a minute (bench/RESULTS.md).
expect_status 0 "$CAREPOOL" solve "$SOURCE_DIR/instances/wla" -o "$WORK/wla" --config standalone \
    --method exact --time-limit 10 --quiet
expect_grep "$WORK/wla/summary.json" '"method": "exact",'
expect_grep "$WORK/wla/summary.json" '"violations": 0,'
at_most "$(json_value "$WORK/wla/summary.json" seconds)" 11

# A larger instance: the time limit counts from the start and is kept within a second.
expect_status 0 "$CAREPOOL" generate --preset england-children --seed 1 --scale 0.1 -o "$WORK/ec"
start=$(date +%s.%N)
expect_status 0 "$CAREPOOL" solve "$WORK/ec" -o "$WORK/limited" --method heuristic --threads 2 \
    --time-limit 3 --quiet
at_most "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" 4.5
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
