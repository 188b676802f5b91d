# carepool export writes MPS and LP files that glpsol solves to carepool's own optimum, and
# never leaves a partial file.
source "$(dirname "$0")/lib.bash"
tiny="$TEST_DATA_DIR/e2e-tiny"
command -v glpsol >/dev/null || { fail "glpsol not found (package glpk-utils)"; finish; }

expect_status 0 "$CAREPOOL" export "$tiny" --format mps -o "$WORK/tiny.mps"
expect_status 0 "$CAREPOOL" export "$tiny" --format lp -o "$WORK/tiny.lp"
expect_grep "$WORK/tiny.lp" "link(p1,flat1): - open(flat1) + x(p1,flat1) <= 0"
glpsol --freemps "$WORK/tiny.mps" -o "$WORK/mps.sol" >/dev/null || fail "glpsol rejects the MPS file"
glpsol --lp "$WORK/tiny.lp" -o "$WORK/lp.sol" >/dev/null || fail "glpsol rejects the LP file"
for sol in mps lp; do
    expect_grep "$WORK/$sol.sol" "INTEGER OPTIMAL"
    value=$(sed -n 's/^Objective: *[^=]*= *\([0-9.]*\).*/\1/p' "$WORK/$sol.sol")
    expect_close "${value:-0}" 5421.32463 0.00001
done

# on the bundled instance (people with several services of one provider under contract
# costs): every row and column name is unique, so glpsol reads both files
swl="$SOURCE_DIR/instances/sw-london"
expect_status 0 "$CAREPOOL" export "$swl" --format lp -o "$WORK/swl.lp"
expect_status 0 "$CAREPOOL" export "$swl" --format mps -o "$WORK/swl.mps"
glpsol --check --lp "$WORK/swl.lp" >"$WORK/glpsol.out" 2>&1 || fail "glpsol rejects sw-london's LP file: $(tail -2 "$WORK/glpsol.out")"
glpsol --check --freemps "$WORK/swl.mps" >"$WORK/glpsol.out" 2>&1 || fail "glpsol rejects sw-london's MPS file: $(tail -2 "$WORK/glpsol.out")"

# an unwritable destination: exit 1, nothing left behind
expect_status 1 "$CAREPOOL" export "$tiny" --format lp -o "$WORK/no/such/dir/tiny.lp"
expect_no_temporaries "$WORK"
expect_status 2 "$CAREPOOL" export "$tiny" --format xls -o "$WORK/x"
expect_grep "$WORK/err" "--format: expected one of dat|mps|lp (value 'xls')"
finish
