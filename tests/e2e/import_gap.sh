# End-to-end test of `carepool import gap FILE -o DIR`: a tiny GAP file becomes an instance
# directory with exactly the expected files, solving it gives the GAP optimum, a bad file or
# a non-empty target exits 2 with a positioned message and writes nothing, and (when the
# shared benchmark data is present) OR-Library gap1-0 solves to its known optimum 261.
source "$(dirname "$0")/lib.bash"

# Two agents, three jobs; agent 1 cannot take jobs 1 and 3 together. Optimum 11: j1->a2,
# j2->a2, j3->a1 (5 + 2 + 4).
cat >"$WORK/tiny.gap" <<'EOF'
2 3
 3 5 4
 5 2 7
 2 3 2
 1 2
 4
 3 6
EOF

expect_status 0 "$CAREPOOL" import gap "$WORK/tiny.gap" -o "$WORK/tiny"
[ "$(ls "$WORK/tiny" | tr '\n' ' ')" = "authorities.csv quotes.csv services.csv settings.csv users.csv " ] ||
    fail "unexpected files: $(ls "$WORK/tiny")"
expect_text "$WORK/tiny/authorities.csv" <<'EOF'
id,name,lat,lon
gap,gap,0,0
EOF
expect_text "$WORK/tiny/services.csv" <<'EOF'
id,authority,type,capacity,weekly_price
a1,gap,agent,3,0
a2,gap,agent,6,0
EOF
expect_text "$WORK/tiny/users.csv" <<'EOF'
id,authority,types
j1,gap,agent
j2,gap,agent
j3,gap,agent
EOF
expect_text "$WORK/tiny/quotes.csv" <<'EOF'
user,service,weekly_cost,places
j1,a1,3,2
j1,a2,5,1
j2,a1,5,3
j2,a2,2,2
j3,a1,4,2
j3,a2,7,4
EOF
expect_text "$WORK/tiny/settings.csv" <<'EOF'
key,value
quotes_only,true
spot_cost,none
EOF
expect_no_temporaries "$WORK"

expect_status 0 "$CAREPOOL" solve "$WORK/tiny" -o "$WORK/tiny-out" --quiet
expect_close "$(json_value "$WORK/tiny-out/summary.json" objective)" 11 1e-6

# A truncated file: exit 2, the file name, line and token in the message, nothing written.
head -n 6 "$WORK/tiny.gap" >"$WORK/short.gap"
expect_status 2 "$CAREPOOL" import gap "$WORK/short.gap" -o "$WORK/short"
expect_grep "$WORK/err" "$WORK/short.gap:6: truncated after token 14 (resource of agent 2, job 3): expected 16 tokens for m = 2, n = 3"
expect_absent "$WORK/short"

# A non-number: exit 2 with its position.
sed 's/ 5 2 7/ 5 two 7/' "$WORK/tiny.gap" >"$WORK/word.gap"
expect_status 2 "$CAREPOOL" import gap "$WORK/word.gap" -o "$WORK/word"
expect_grep "$WORK/err" "$WORK/word.gap:3: token 7 (cost of agent 2, job 2): not a number (value 'two')"
expect_absent "$WORK/word"

# A non-empty target is refused and left untouched.
mkdir "$WORK/full" && echo keep >"$WORK/full/keep.txt"
expect_status 2 "$CAREPOOL" import gap "$WORK/tiny.gap" -o "$WORK/full"
expect_grep "$WORK/err" "$WORK/full: output directory is not empty"
[ "$(ls "$WORK/full")" = keep.txt ] || fail "non-empty target was changed"

# A real OR-Library instance, when the shared benchmark data is there.
orlib="$SOURCE_DIR/../shared/bench-data/gap/orlib-small/gap1-0"
if [ -f "$orlib" ]; then
    expect_status 0 "$CAREPOOL" import gap "$orlib" -o "$WORK/gap1-0"
    [ "$(wc -l <"$WORK/gap1-0/quotes.csv")" -eq 76 ] || fail "gap1-0: expected 75 quotes"
    expect_status 0 "$CAREPOOL" solve "$WORK/gap1-0" -o "$WORK/gap1-0-out" --quiet
    expect_close "$(json_value "$WORK/gap1-0-out/summary.json" objective)" 261 1e-6
fi
finish
