#!/usr/bin/env bash
# End-to-end test of `carepool import gap FILE -o DIR`: a tiny GAP file becomes an instance
# directory with exactly the expected files, solving it gives the GAP optimum, a bad file or
# a non-empty target exits 2 with a positioned message and writes nothing, and (when the
# shared benchmark data is present) OR-Library gap1-0 solves to its known optimum 261.
set -euo pipefail
: "${CAREPOOL:?CAREPOOL must name the carepool binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the project root}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Runs carepool with the given arguments; sets $status and keeps stderr in $work/stderr.
run() {
    status=0
    "$CAREPOOL" "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
}

expect_file() { # FILE, then the expected content on stdin
    diff -u - "$1" || fail "$1 differs from the expected content"
}

# The first number after "KEY": in a summary.json.
json_number() {
    grep -o "\"$2\"[[:space:]]*:[[:space:]]*[-0-9.eE+]*" "$1" | head -n 1 | sed 's/.*:[[:space:]]*//'
}

# True when the number $1 is within 1e-6 of $2.
near() {
    awk -v v="$1" -v w="$2" 'BEGIN { exit !(v != "" && v - w < 1e-6 && w - v < 1e-6) }'
}

# Two agents, three jobs; agent 1 cannot take jobs 1 and 3 together. Optimum 11: j1->a2,
# j2->a2, j3->a1 (5 + 2 + 4).
cat >"$work/tiny.gap" <<'EOF'
2 3
 3 5 4
 5 2 7
 2 3 2
 1 2
 4
 3 6
EOF

run import gap "$work/tiny.gap" -o "$work/tiny"
[ "$status" -eq 0 ] || fail "import exited $status: $(cat "$work/stderr")"
[ "$(ls "$work/tiny" | tr '\n' ' ')" = "authorities.csv quotes.csv services.csv settings.csv users.csv " ] ||
    fail "unexpected files: $(ls "$work/tiny")"
expect_file "$work/tiny/authorities.csv" <<'EOF'
id,name,lat,lon
gap,gap,0,0
EOF
expect_file "$work/tiny/services.csv" <<'EOF'
id,authority,type,capacity,weekly_price
a1,gap,agent,3,0
a2,gap,agent,6,0
EOF
expect_file "$work/tiny/users.csv" <<'EOF'
id,authority,types
j1,gap,agent
j2,gap,agent
j3,gap,agent
EOF
expect_file "$work/tiny/quotes.csv" <<'EOF'
user,service,weekly_cost,places
j1,a1,3,2
j1,a2,5,1
j2,a1,5,3
j2,a2,2,2
j3,a1,4,2
j3,a2,7,4
EOF
expect_file "$work/tiny/settings.csv" <<'EOF'
key,value
quotes_only,true
spot_cost,none
EOF
[ -z "$(ls "$work" | grep -F '.tmp-')" ] || fail "a temporary directory was left behind"

run solve "$work/tiny" -o "$work/tiny-out" --quiet
[ "$status" -eq 0 ] || fail "solve of the tiny instance exited $status: $(cat "$work/stderr")"
objective=$(json_number "$work/tiny-out/summary.json" objective)
near "$objective" 11 || fail "tiny instance objective '$objective', expected 11"

# A truncated file: exit 2, the file name, line and token in the message, nothing written.
head -n 6 "$work/tiny.gap" >"$work/short.gap"
run import gap "$work/short.gap" -o "$work/short"
[ "$status" -eq 2 ] || fail "truncated file: exit $status, expected 2"
grep -qF "$work/short.gap:6: truncated after token 14 (resource of agent 2, job 3): expected 16 tokens for m = 2, n = 3" "$work/stderr" ||
    fail "truncated file: unexpected message: $(cat "$work/stderr")"
[ ! -e "$work/short" ] || fail "truncated file: output written"

# A non-number: exit 2 with its position.
sed 's/ 5 2 7/ 5 two 7/' "$work/tiny.gap" >"$work/word.gap"
run import gap "$work/word.gap" -o "$work/word"
[ "$status" -eq 2 ] || fail "non-number: exit $status, expected 2"
grep -qF "$work/word.gap:3: token 7 (cost of agent 2, job 2): not a number (value 'two')" "$work/stderr" ||
    fail "non-number: unexpected message: $(cat "$work/stderr")"
[ ! -e "$work/word" ] || fail "non-number: output written"

# A non-empty target is refused and left untouched.
mkdir "$work/full" && echo keep >"$work/full/keep.txt"
run import gap "$work/tiny.gap" -o "$work/full"
[ "$status" -eq 2 ] || fail "non-empty target: exit $status, expected 2"
grep -qF "$work/full: output directory is not empty" "$work/stderr" ||
    fail "non-empty target: unexpected message: $(cat "$work/stderr")"
[ "$(ls "$work/full")" = keep.txt ] || fail "non-empty target was changed"

# A real OR-Library instance, when the shared benchmark data is there.
orlib="$SOURCE_DIR/../shared/bench-data/gap/orlib-small/gap1-0"
if [ -f "$orlib" ]; then
    run import gap "$orlib" -o "$work/gap1-0"
    [ "$status" -eq 0 ] || fail "import of gap1-0 exited $status: $(cat "$work/stderr")"
    [ "$(wc -l <"$work/gap1-0/quotes.csv")" -eq 76 ] || fail "gap1-0: expected 75 quotes"
    run solve "$work/gap1-0" -o "$work/gap1-0-out" --quiet
    [ "$status" -eq 0 ] || fail "solve of gap1-0 exited $status: $(cat "$work/stderr")"
    objective=$(json_number "$work/gap1-0-out/summary.json" objective)
    near "$objective" 261 || fail "gap1-0 objective '$objective', expected 261"
fi
echo "import_gap: all checks passed"
