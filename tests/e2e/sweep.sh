# carepool sweep: a plan of scenarios solved into OUT/runs/ID with sweep.csv and
# sweep_authorities.csv; bad rows refused with PLAN.csv:LINE before any solve; kill -9 at
# several moments then the same command again: every scenario exactly once, results as an
# uninterrupted sweep's; a changed plan refused unless --restart.
source "$(dirname "$0")/lib.bash"

# every column but seconds (which differs from run to run)
without_seconds() {
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "seconds") s = i }
             { line = ""; for (i = 1; i <= NF; i++) if (i != s) line = line $i ","; print line }' "$1"
}

mkdir -p "$WORK/plans"
cp -r "$TEST_DATA_DIR/compare-three" "$WORK/plans/three"
cp -r "$SOURCE_DIR/instances/sw-london" "$WORK/plans/london"
plan="$WORK/plans/plan.csv"
cat >"$plan" <<'CSV'
id,instance,config,method,work,seed,threads
three-pooled,three,pooled,exact,,1,1
three-ab,three,ab,heuristic,2,1,1
london-1,london,pooled,heuristic,3,1,1
london-2,london,standalone,heuristic,3,2,1
london-3,london,pooled,heuristic,3,3,1
london-4,london,standalone,heuristic,3,4,1
CSV

# the reference: one uninterrupted sweep
expect_status 0 "$CAREPOOL" sweep "$plan" -o "$WORK/whole" --quiet
expect_grep "$WORK/out" "6 of 6 scenarios done"
expect_files "$WORK/whole" sweep.csv sweep_authorities.csv journal.tsv
for id in three-pooled three-ab london-1 london-2 london-3 london-4; do
    expect_files "$WORK/whole/runs/$id" summary.json assignments.csv authorities.csv services.csv
done
[ "$(wc -l <"$WORK/whole/sweep.csv")" -eq 7 ] || fail "sweep.csv: not 6 rows and a header"
head -n 1 "$WORK/whole/sweep.csv" | grep -q '^id,instance,config,method,work,seed,threads,exit_status,status,stop_reason,weekly_cost,' ||
    fail "sweep.csv header: $(head -n 1 "$WORK/whole/sweep.csv")"
# rows in plan order, each with its run's objective as summary.json wrote it
row=$(grep '^london-2,' "$WORK/whole/sweep.csv")
[ "$(echo "$row" | cut -d, -f11)" = "$(json_value "$WORK/whole/runs/london-2/summary.json" objective)" ] ||
    fail "london-2's weekly_cost is not its summary.json's objective: $row"
[ "$(cut -d, -f1 "$WORK/whole/sweep.csv" | tr '\n' ' ')" = "id three-pooled three-ab london-1 london-2 london-3 london-4 " ] ||
    fail "sweep.csv rows not in plan order"
[ "$(json_value "$WORK/whole/runs/three-pooled/summary.json" status)" = optimal ] ||
    fail "three-pooled not solved to optimality"
[ "$(json_value "$WORK/whole/runs/london-2/summary.json" config)" = standalone ] ||
    fail "london-2 did not run under its configuration"
# the long file: every council of every run, with its run's id
[ "$(grep -c '^london-1,' "$WORK/whole/sweep_authorities.csv")" -eq \
    "$(($(wc -l <"$WORK/whole/runs/london-1/authorities.csv") - 1))" ] ||
    fail "sweep_authorities.csv lacks london-1's councils"

# kill -9 at several moments, then resume until done
for delay in 0.05 0.3 0.6 0.9 1.2; do
    "$CAREPOOL" sweep "$plan" -o "$WORK/killed" --quiet >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
done
expect_status 0 "$CAREPOOL" sweep "$plan" -o "$WORK/killed" --quiet
expect_grep "$WORK/out" "6 of 6 scenarios done"
[ "$(tail -n +2 "$WORK/killed/journal.tsv" | cut -f1 | sort | uniq -d)" = "" ] ||
    fail "a scenario recorded twice in the journal"
[ "$(tail -n +2 "$WORK/killed/journal.tsv" | wc -l)" -eq 6 ] || fail "journal: not 6 records"
without_seconds "$WORK/whole/sweep.csv" >"$WORK/whole.rows"
without_seconds "$WORK/killed/sweep.csv" >"$WORK/killed.rows"
expect_same "$WORK/whole.rows" "$WORK/killed.rows" "resumed sweep.csv differs from the whole run's"
expect_same "$WORK/whole/runs/london-3/assignments.csv" "$WORK/killed/runs/london-3/assignments.csv" \
    "resumed london-3's plan differs"
expect_same "$WORK/whole/sweep_authorities.csv" "$WORK/killed/sweep_authorities.csv" \
    "resumed sweep_authorities.csv differs"

# a finished sweep run again solves nothing more and says so
expect_status 0 "$CAREPOOL" sweep "$plan" -o "$WORK/killed"
expect_grep "$WORK/out" "6 of 6 scenarios done"
[ "$(tail -n +2 "$WORK/killed/journal.tsv" | wc -l)" -eq 6 ] || fail "a finished sweep ran again"

# a changed plan for the same OUT: refused, unless --restart
sed -i 's/^london-4,london,standalone,heuristic,3,4,1$/london-4,london,standalone,heuristic,3,5,1/' "$plan"
expect_status 2 "$CAREPOOL" sweep "$plan" -o "$WORK/killed"
expect_grep "$WORK/err" "different PLAN.csv"
expect_grep "$WORK/err" "--restart"
expect_status 0 "$CAREPOOL" sweep "$plan" -o "$WORK/killed" --restart --quiet
[ "$(json_value "$WORK/killed/runs/london-4/summary.json" seed)" = 5 ] || fail "--restart did not redo london-4"

# SIGINT: the scenario under way stops and is not recorded, sweep.csv shows what finished,
# exit 130; the same command then finishes the rest
cat >"$WORK/plans/long.csv" <<'CSV'
id,instance,method,time_limit,seed,threads
long-1,london,heuristic,1.5,1,1
long-2,london,heuristic,1.5,2,1
long-3,london,heuristic,1.5,3,1
CSV
"$CAREPOOL" sweep "$WORK/plans/long.csv" -o "$WORK/stopped" --quiet >"$WORK/out" 2>"$WORK/err" &
pid=$!
sleep 2.5
kill -INT "$pid"
wait "$pid"
got=$?
[ "$got" -eq 130 ] || fail "an interrupted sweep exited $got, wanted 130"
expect_grep "$WORK/out" "sweep interrupted:"
done_ids=$(tail -n +2 "$WORK/stopped/journal.tsv" | cut -f1 | sort | tr '\n' ' ')
[ "$(tail -n +2 "$WORK/stopped/sweep.csv" | cut -d, -f1 | sort | tr '\n' ' ')" = "$done_ids" ] ||
    fail "sweep.csv after an interrupt: not the finished scenarios ($done_ids)"
[ "$(tail -n +2 "$WORK/stopped/journal.tsv" | wc -l)" -lt 3 ] || fail "the interrupted scenario was recorded"
expect_status 0 "$CAREPOOL" sweep "$WORK/plans/long.csv" -o "$WORK/stopped" --quiet
expect_grep "$WORK/out" "3 of 3 scenarios done"

# bad rows: every problem with PLAN.csv:LINE, exit 2, before any solve, nothing written
bad="$WORK/plans/bad.csv"
cat >"$bad" <<'CSV'
id,instance,config,time_limit,threads
ok,three,pooled,5,1
gone,nowhere,pooled,5,1
typo,three,poold,5,1
slow,three,pooled,soon,1
ok,three,ab,5,1
,three,ab,5,1
CSV
expect_status 2 "$CAREPOOL" sweep "$bad" -o "$WORK/bad"
expect_grep "$WORK/err" "bad.csv:3: column 'instance': no such directory"
expect_grep "$WORK/err" "bad.csv:4: column 'config': no such configuration"
expect_grep "$WORK/err" "bad.csv:5: column 'time_limit':"
expect_grep "$WORK/err" "bad.csv:6: column 'id': repeated (first on line 2)"
expect_grep "$WORK/err" "bad.csv:7: column 'id':"
expect_absent "$WORK/bad"
printf 'id,instance,colour\na,three,red\n' >"$bad"
expect_status 2 "$CAREPOOL" sweep "$bad" -o "$WORK/bad"
expect_grep "$WORK/err" "bad.csv:1: column 'colour': unknown column"
expect_absent "$WORK/bad"
printf 'id,config\na,pooled\n' >"$bad"
expect_status 2 "$CAREPOOL" sweep "$bad" -o "$WORK/bad"
expect_grep "$WORK/err" "column 'instance': required column missing"
expect_status 2 "$CAREPOOL" sweep "$WORK/plans/none.csv" -o "$WORK/bad"
expect_absent "$WORK/bad"

# what-ifs as columns: each scenario's solve gets them; bad ones are refused before any solve
printf 'provider,uplift_pct\nnobody,2\n' >"$WORK/plans/uplift.csv"
cat >"$bad" <<'CSV'
id,instance,work,threads,set:distance_weight,demand_growth,uplift
grown,three,2,1,2,+50%,+2%
negative,three,2,1,-1,,
atlantis,three,2,1,,atlantis:+5%,
nobody,three,2,1,,,uplift.csv
CSV
expect_status 2 "$CAREPOOL" sweep "$bad" -o "$WORK/bad"
expect_grep "$WORK/err" "bad.csv:3: --set: column 'distance_weight': must be >= 0"
expect_grep "$WORK/err" "bad.csv:4: --demand-growth: 'atlantis' is neither a service type nor a council"
expect_grep "$WORK/err" "uplift.csv:2: column 'provider': unknown provider"
grep -q '^bad.csv:5: .*uplift.csv:2:' "$WORK/err" || fail "the unknown provider not reported on the plan's line 5"
expect_absent "$WORK/bad"
sed -i '/^negative/d;/^atlantis/d;/^nobody/d' "$bad"
expect_status 0 "$CAREPOOL" sweep "$bad" -o "$WORK/whatif" --quiet
[ "$(json_value "$WORK/whatif/runs/grown/summary.json" scenario.demand_growth)" = "+50%" ] ||
    fail "the demand_growth column did not reach the scenario's solve"
[ "$(json_value "$WORK/whatif/runs/grown/summary.json" settings_overridden.distance_weight)" = 2 ] ||
    fail "the set:distance_weight column did not reach the scenario's solve"

finish
