# carepool summary: values of solve's and compare's summary.json as tab-separated rows (the
# bench driver reads results this way), every scalar as key/value lines, and the errors:
# unknown keys, non-scalar keys, bad JSON with its line and column, missing files (exit 2,
# nothing on stdout).
source "$(dirname "$0")/lib.bash"
tab=$'\t'

# raw FILE KEY: the value of "KEY" on its own line of FILE, read with sed: the oracle the
# command is checked against (lib.bash's json_value is the command itself).
raw() {
    sed -n "s/^ *\"$2\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$1" | head -1
}

expect_status 0 "$CAREPOOL" solve "$TEST_DATA_DIR/e2e-tiny" -o "$WORK/solve" --quiet
s="$WORK/solve/summary.json"

# keys, from the directory or the file; numbers exactly as written, strings unquoted
expect_status 0 "$CAREPOOL" summary "$WORK/solve" objective status terms.fixed instance
want="$(raw "$s" objective)${tab}optimal${tab}$(raw "$s" fixed)${tab}e2e-tiny"
[ "$(cat "$WORK/out")" = "$want" ] || fail "summary row '$(cat "$WORK/out")', wanted '$want'"
[ "$(raw "$s" objective)" = 5421.324630 ] || fail "objective not as written in the file"
expect_status 0 "$CAREPOOL" summary "$s" --header status objective
[ "$(cat "$WORK/out")" = "status${tab}objective"$'\n'"optimal${tab}5421.324630" ] ||
    fail "summary --header gave '$(cat "$WORK/out")'"
[ "$(wc -l <"$WORK/out")" -eq 2 ] || fail "summary --header: not two lines"

# without keys: every scalar, one a line, keys flattened with dots, in file order
expect_status 0 "$CAREPOOL" summary "$WORK/solve"
expect_grep "$WORK/out" "status${tab}optimal"
expect_grep "$WORK/out" "terms.placement${tab}$(raw "$s" placement)"
expect_grep "$WORK/out" "first_plan_seconds${tab}"
[ "$(head -n 1 "$WORK/out")" = "status${tab}optimal" ] || fail "summary: status not first"
[ "$(wc -l <"$WORK/out")" -eq "$(grep -c '": [^{]' "$s")" ] ||
    fail "summary: $(wc -l <"$WORK/out") lines for $(grep -c '": [^{]' "$s") scalars"
[ -z "$(grep -v "^[a-z_.]*${tab}" "$WORK/out")" ] || fail "summary: a line not key<TAB>value"

# compare: arrays by index and by name
expect_status 0 "$CAREPOOL" compare "$TEST_DATA_DIR/compare-three" -o "$WORK/compare" --quiet
expect_status 0 "$CAREPOOL" summary "$WORK/compare" 'configurations[pooled].objective' \
    configurations.1.name 'configurations[ab].pools' best
[ "$(cat "$WORK/out")" = "3900.000000${tab}pooled${tab}2${tab}pooled" ] ||
    fail "compare summary row '$(cat "$WORK/out")'"
expect_status 0 "$CAREPOOL" summary "$WORK/compare"
expect_grep "$WORK/out" "configurations.2.name${tab}ab"

# null is an empty field (a plan-less solve has a null objective)
printf '{"objective": null, "status": "no_solution", "gap": null}\n' >"$WORK/null.json"
expect_status 0 "$CAREPOOL" summary "$WORK/null.json" objective status gap
[ "$(cat "$WORK/out")" = "${tab}no_solution${tab}" ] || fail "null as '$(cat "$WORK/out")'"

# errors: exit 2, the key or the file's line and column named, nothing on stdout
expect_status 2 "$CAREPOOL" summary "$WORK/solve" objective terms.nothing
expect_grep "$WORK/err" "$s: key 'terms.nothing': no member 'nothing' in 'terms'"
[ ! -s "$WORK/out" ] || fail "summary printed a row despite an unknown key"
expect_status 2 "$CAREPOOL" summary "$WORK/solve" terms
expect_grep "$WORK/err" "key 'terms': an object, not a single value"
expect_status 2 "$CAREPOOL" summary "$WORK/compare" 'configurations[merged].objective'
expect_grep "$WORK/err" "no element named 'merged' in 'configurations'"
printf '{\n  "status": "optimal",\n  "objective": 12.5,\n}\n' >"$WORK/bad.json"
expect_status 2 "$CAREPOOL" summary "$WORK/bad.json" status
expect_grep "$WORK/err" "$WORK/bad.json:4:1: trailing comma before '}'"
[ ! -s "$WORK/out" ] || fail "summary printed something from a bad file"
expect_status 2 "$CAREPOOL" summary "$WORK/nowhere"
expect_grep "$WORK/err" "$WORK/nowhere: cannot read: No such file or directory"
mkdir "$WORK/empty"
expect_status 2 "$CAREPOOL" summary "$WORK/empty" status
expect_grep "$WORK/err" "$WORK/empty/summary.json: cannot read"
expect_status 2 "$CAREPOOL" summary
expect_status 2 "$CAREPOOL" summary "$WORK/solve" --work 3

finish
