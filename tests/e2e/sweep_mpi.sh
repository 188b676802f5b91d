# carepool sweep over MPI: `mpirun -np 2` gives the sweep.csv of the serial sweep (but for the
# seconds column) and the same runs; only rank 0 writes OUT. Needs the MPI build
# (-DCAREPOOL_MPI=ON) and Open MPI's mpirun; skipped (status 77) in a build without MPI.
source "$(dirname "$0")/lib.bash"
if [ "${CAREPOOL_MPI:-OFF}" != ON ]; then
    echo "skipped: carepool built without MPI (-DCAREPOOL_MPI=ON)"
    exit 77
fi
command -v mpirun >/dev/null || { fail "the MPI build's test needs mpirun (Debian openmpi-bin)"; finish; }
# Open MPI refuses root without these; oversubscribe: CI machines may show fewer slots
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1

without_seconds() {
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "seconds") s = i }
             { line = ""; for (i = 1; i <= NF; i++) if (i != s) line = line $i ","; print line }' "$1"
}

mkdir -p "$WORK/plans"
cp -r "$TEST_DATA_DIR/compare-three" "$WORK/plans/three"
cp -r "$SOURCE_DIR/instances/sw-london" "$WORK/plans/london"
plan="$WORK/plans/plan.csv"
{
    echo "id,instance,config,method,work,seed,threads"
    echo "three-exact,three,ab,exact,,1,1"
    for seed in 1 2 3 4 5; do
        echo "london-$seed,london,standalone,heuristic,2,$seed,1"
    done
} >"$plan"

expect_status 0 "$CAREPOOL" sweep "$plan" -o "$WORK/serial" --quiet
expect_status 0 mpirun -np 2 "$CAREPOOL" sweep "$plan" -o "$WORK/ranks" --quiet
expect_grep "$WORK/out" "6 of 6 scenarios done"
[ "$(grep -c "scenarios done" "$WORK/out")" -eq 1 ] || fail "more than rank 0 reported the sweep"
without_seconds "$WORK/serial/sweep.csv" >"$WORK/serial.rows"
without_seconds "$WORK/ranks/sweep.csv" >"$WORK/ranks.rows"
expect_same "$WORK/serial.rows" "$WORK/ranks.rows" "mpirun -np 2 gave another sweep.csv than the serial sweep"
expect_same "$WORK/serial/sweep_authorities.csv" "$WORK/ranks/sweep_authorities.csv" \
    "mpirun -np 2 gave another sweep_authorities.csv"
for seed in 1 2 3 4 5; do
    expect_same "$WORK/serial/runs/london-$seed/assignments.csv" "$WORK/ranks/runs/london-$seed/assignments.csv" \
        "london-$seed's plan differs under mpirun"
done
[ "$(tail -n +2 "$WORK/ranks/journal.tsv" | wc -l)" -eq 6 ] || fail "journal: not 6 records"

# a bad plan: rank 0 says so once, every rank stops, exit 2
printf 'id,instance\na,nowhere\n' >"$WORK/plans/bad.csv"
expect_status 2 mpirun -np 2 "$CAREPOOL" sweep "$WORK/plans/bad.csv" -o "$WORK/bad"
[ "$(grep -c "no such directory" "$WORK/err")" -eq 1 ] || fail "the bad row was not reported once"
expect_absent "$WORK/bad"
finish
