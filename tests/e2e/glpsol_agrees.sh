# End-to-end test of the reference model: for each small fixture and configuration,
# `carepool export --format dat` solved by glpsol with models/placement.mod, and `carepool
# solve`, must both reach the optimum worked out by hand (tests/data/*/README.md), within 1e-6
# relative; glpsol's plan must also show the feature the fixture is built to exercise (a group
# moved together, a candidate opened, a tier reached, an owned service shared or refused).
source "$(dirname "$0")/lib.bash"
command -v glpsol >/dev/null || { fail "glpsol not found (Debian package glpk-utils)"; finish; }

# check FIXTURE CONFIG EXPECTED [LINE...]: each LINE must appear in glpsol's printed plan.
check() {
    local fixture=$1 config=$2 expected=$3
    shift 3
    local dir="$TEST_DATA_DIR/$fixture" case="$WORK/$fixture-$config"

    expect_status 0 "$CAREPOOL" export "$dir" --config "$config" --format dat -o "$case.dat" ||
        return
    glpsol -m "$SOURCE_DIR/models/placement.mod" -d "$case.dat" >"$case.glpsol" 2>&1 ||
        { fail "$fixture under '$config': glpsol failed: $(tail -n 5 "$case.glpsol")"; return; }
    expect_line "$case.glpsol" 'INTEGER OPTIMAL SOLUTION FOUND'
    local reference
    reference=$(sed -n 's/^objective //p' "$case.glpsol")
    expect_status 0 "$CAREPOOL" solve "$dir" --config "$config" -o "$case.out" || return

    expect_close_rel "$reference" "$expected" 1e-6
    expect_close_rel "$(json_value "$case.out/summary.json" objective)" "$reference" 1e-6
    local line
    for line in "$@"; do
        expect_line "$case.glpsol" "$line"
    done
}

# small-groups: the family (f1, f2) cannot split over the one-place in-house s1; standalone,
# u4 (a2) may not use s1 (owned by a1) and u3 moves to s2 so that a1 reaches Q's 10% tier.
check small-groups standalone 3875 \
    "place f1 s2" "place f2 s2" "place u3 s2" "place u4 s3" "tier a1 Q 1"
check small-groups pooled 3675 \
    "place f1 s2" "place f2 s2" "place u4 s2" "place u3 s3" "tier pooled Q 1"

# small-candidates: c1 opens with its minimum of 3, the market share cap (0.75) keeps a fourth
# person placed elsewhere, so u4 is placed rather than left on its 900 spot cost; u3 uses its
# quote at e1. 5000 + distance_weight 2 x 1.4974430 km from Camden to e1.
check small-candidates standalone 5002.994886 "open c1" "place u3 e1" "place u4 c1"
check small-candidates pooled 5002.994886 "open c1" "place u3 e1" "place u4 c1"

# small-tiers-owners: standalone, n2's people may not use n1's home h1 and open k1; the
# siblings reach T's 5% tier in the south. Pooling n1 with n2 shares h1 (d, whose quote at t1
# is dear, and two of a, b, c, f, all alike); pooling everyone reaches T's 12% tier (4 places).
check small-tiers-owners standalone 7460 \
    "open k1" "place c k1" "place d k1" "place f k1" "place g1 t2" "place g2 t2" "tier so T 1"
check small-tiers-owners north 6880 "place d h1" "tier north T 1" "tier south T 1"
check small-tiers-owners pooled 6600 "place d h1" "tier pooled T 2"

finish
