#!/usr/bin/env bash
# End-to-end test of the benchmark presets of `carepool generate`: gap-c, gap-d, gap-e
# (generalized assignment problems) and facility-small, facility-large, facility-local. Tiny
# instances are exactly the ones the awk generators they replaced wrote (tests/data/
# gen-bench), the same arguments give the same bytes and another seed another instance,
# every GAP value keeps its type's rule (capacities recomputed in awk), the instances
# validate, and bad arguments exit 2 with a message and nothing written.
source "$(dirname "$0")/lib.bash"
: "${TEST_DATA_DIR:?set TEST_DATA_DIR to tests/data}"

# check_rules TYPE DIR: every cost, resource and capacity of the GAP instance in DIR keeps
# TYPE's rule; prints the first broken one.
check_rules() {
    awk -F, -v type="$1" '
    FNR == 1 { next }
    FILENAME ~ /services.csv$/ { capacity[$1] = $4; next }
    {
        c = $3; a = $4; total[$2] += a; agents[$2] = 1
        if (type == "C") ok = a >= 5 && a <= 25 && c >= 10 && c <= 50
        if (type == "D") ok = a >= 1 && a <= 100 && c - 111 + a >= -10 && c - 111 + a <= 10
        if (type == "E") ok = a >= 1 && c >= 0 && c <= 1000 / a && c > 1000 / a - 11
        if (!ok) { printf "%s, %s: cost %s, resource %s\n", $1, $2, c, a; exit 1 }
    }
    END {
        m = 0
        for (i in agents) m++
        # b_i = floor(0.8 sum_j a_ij / m); 1e-9 keeps an exact integer from rounding down.
        for (i in agents)
            if (capacity[i] != int(0.8 * total[i] / m + 1e-9)) {
                printf "%s: capacity %s, resources %d\n", i, capacity[i], total[i]
                exit 1
            }
    }' "$2/services.csv" "$2/quotes.csv" || fail "$2 breaks the type $1 rules"
}

# Tiny instances: the very files the awk generators wrote.
for fixture in "$TEST_DATA_DIR"/gen-bench/*/; do
    name=$(basename "$fixture")
    preset=${name%-*-*}
    rest=${name#"$preset"-}
    expect_status 0 "$CAREPOOL" generate --preset "$preset" --size "${rest%-*}" \
        --seed "${rest##*-}" -o "$WORK/$name"
    diff -r "$fixture" "$WORK/$name" >&2 || fail "$name differs from tests/data/gen-bench"
done
expect_status 0 "$CAREPOOL" generate --preset gap-c --size 2x5 --seed 1 -o "$WORK/summary"
expect_grep "$WORK/out" "generated gap-c (seed 1, size 2x5) into $WORK/summary"

# Medium instances: determinism, seeds, rules, validation.
m=7 n=30
for type in C D E; do
    preset=gap-$(echo $type | tr CDE cde)
    expect_status 0 "$CAREPOOL" generate --preset "$preset" --size ${m}x$n --seed 4 -o "$WORK/$type"
    expect_status 0 "$CAREPOOL" generate --preset "$preset" --size ${m}x$n --seed 4 -o "$WORK/again"
    diff -r "$WORK/$type" "$WORK/again" >/dev/null || fail "$type: two runs with seed 4 differ"
    expect_status 0 "$CAREPOOL" generate --preset "$preset" --size ${m}x$n --seed 5 -o "$WORK/other"
    cmp -s "$WORK/$type/quotes.csv" "$WORK/other/quotes.csv" &&
        fail "$type: seeds 4 and 5 give the same instance"
    rm -rf "$WORK/again" "$WORK/other"
    check_rules $type "$WORK/$type"
    expect_status 0 "$CAREPOOL" validate "$WORK/$type"
    expect_grep "$WORK/out" "valid"
    expect_grep "$WORK/out" "quotes          $((m * n))"
    expect_grep "$WORK/out" "people          $n needing $n places"
done
cmp -s "$WORK/C/quotes.csv" "$WORK/D/quotes.csv" && fail "types C and D give the same instance"
for profile in small large local; do
    expect_status 0 "$CAREPOOL" generate --preset facility-$profile --size 60x10 --seed 2 \
        -o "$WORK/$profile"
    expect_status 0 "$CAREPOOL" validate "$WORK/$profile"
    expect_grep "$WORK/out" "valid"
    expect_grep "$WORK/out" "people          60 needing 60 places"
done

# Writing a benchmark instance over another instance leaves none of the other's files.
expect_status 0 "$CAREPOOL" generate --preset facility-small --size 60x10 --seed 2 -o "$WORK/C"
[ "$(ls "$WORK/C" | tr '\n' ' ')" = "authorities.csv services.csv settings.csv users.csv " ] ||
    fail "stale files left: $(ls "$WORK/C")"

# Bad arguments: exit 2, a message, no output directory.
bad() { # MESSAGE, then the arguments of generate
    local message=$1
    shift
    expect_status 2 "$CAREPOOL" generate "$@" -o "$WORK/bad"
    expect_grep "$WORK/err" "$message"
    [ ! -e "$WORK/bad" ] || fail "'$*' left an output directory"
}
bad "N jobs >= 2 M" --preset gap-c --size 5x9
bad "N jobs >= 2 M" --preset gap-c --size 0x10
bad "M * N <= 1000000" --preset gap-c --size 1000x1001
bad "a GAP takes a seed from 0 to 1023 (value '1024')" --preset gap-d --size 5x100 --seed 1024
bad "expected two whole numbers as AxB (value 'x')" --preset gap-e --size x
bad "preset 'gap-c' needs --size MxN" --preset gap-c
bad "preset 'facility-large' needs --size PEOPLExCANDIDATES" --preset facility-large
bad "PEOPLE >= 1 and CANDIDATES >= 1 (value '0x3')" --preset facility-small --size 0x3
bad "a facility instance takes a seed from 1 (value '0')" --preset facility-local --size 5x3 --seed 0
bad "preset 'wla' takes --scale, not --size (value '2x5')" --preset wla --size 2x5
finish
