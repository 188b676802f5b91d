# carepool generate: byte-identical output for one preset and seed, a valid instance, other
# seeds differ, usage errors exit 2 and leave no output directory, and the scale scales.
source "$(dirname "$0")/lib.bash"

# people IN: the rows of IN/users.csv after the header.
people() {
    echo $(($(wc -l <"$1/users.csv") - 1))
}

expect_status 0 "$CAREPOOL" generate --preset wla --seed 3 -o "$WORK/a"
expect_grep "$WORK/out" "generated wla (seed 3, scale 1) into $WORK/a"
expect_status 0 "$CAREPOOL" generate --preset wla --seed 3 -o "$WORK/b"
expect_files "$WORK/a" authorities.csv services.csv users.csv quotes.csv tiers.csv settings.csv \
    configurations.csv
# The children's recipe makes no quotes: a header only.
[ "$(cat "$WORK/a/quotes.csv")" = "user,service,weekly_cost,places" ] ||
    fail "wla's quotes.csv holds more than its header"
[ "$(ls "$WORK/a")" = "$(ls "$WORK/b")" ] || fail "two runs wrote different files"
for file in "$WORK"/a/*; do
    expect_same "$file" "$WORK/b/$(basename "$file")" "$(basename "$file") differs between runs"
done
[ "$(people "$WORK/a")" -eq 2260 ] || fail "wla has $(people "$WORK/a") people, wanted 2260"
expect_grep "$WORK/a/configurations.csv" "core-six,brent,wla_core"
expect_grep "$WORK/a/configurations.csv" "tri-borough-split,westminster,tri_borough"

expect_status 0 "$CAREPOOL" validate "$WORK/a"
expect_grep "$WORK/out" "valid"
expect_grep "$WORK/out" "people          2260"

expect_status 0 "$CAREPOOL" generate --preset wla --seed 4 -o "$WORK/c"
cmp -s "$WORK/a/users.csv" "$WORK/c/users.csv" && fail "seeds 3 and 4 gave the same users.csv"
[ "$(people "$WORK/c")" -eq 2260 ] || fail "the seed changed the number of people"

# The other children's presets are valid instances too (at a fifth of their size, so that
# validating stays quick under the sanitizers).
for preset in london rcc-south-east; do
    expect_status 0 "$CAREPOOL" generate --preset $preset --seed 1 --scale 0.2 -o "$WORK/$preset"
    expect_status 0 "$CAREPOOL" validate "$WORK/$preset"
    expect_grep "$WORK/out" "valid"
    expect_grep "$WORK/out" "sub-regions ("
done

# --scale 0.5: about half the people (each council's count is rounded).
expect_status 0 "$CAREPOOL" generate --preset wla --seed 3 --scale 0.5 -o "$WORK/half"
expect_close "$(people "$WORK/half")" 1130 56.5

# Usage errors: exit 2, a message, and no output directory.
expect_status 2 "$CAREPOOL" generate --preset nope --seed 3 -o "$WORK/nope"
expect_grep "$WORK/err" "unknown preset 'nope'"
expect_grep "$WORK/err" "sw-london|wla|london|rcc-south-east|england-children|england-adults-ld"
expect_absent "$WORK/nope"
expect_status 2 "$CAREPOOL" generate --preset wla --seed 3
expect_grep "$WORK/err" "-o DIR are required"
expect_status 2 "$CAREPOOL" generate --seed 3 -o "$WORK/nopreset"
expect_grep "$WORK/err" "--preset NAME and -o DIR are required"
expect_absent "$WORK/nopreset"
# Below the option's range (0.0001 to 100).
expect_status 2 "$CAREPOOL" generate --preset wla --seed 3 --scale 0.00001 -o "$WORK/tiny"
expect_grep "$WORK/err" "--scale: expected a number from 0.0001 to 100 (value '0.00001')"
expect_absent "$WORK/tiny"
# In range, but every council's count rounds to 0.
expect_status 2 "$CAREPOOL" generate --preset wla --seed 3 --scale 0.0001 -o "$WORK/none"
expect_grep "$WORK/err" "generate: scale 0.0001 leaves no one to place"
expect_absent "$WORK/none"
finish
