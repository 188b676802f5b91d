# End-to-end test of bench/make_gap_instance.sh, the generator of GAP instances of types
# C, D and E: the same arguments give the same bytes (and tiny instances exactly the
# pinned text, so a change of generator or layout shows), another seed gives another
# instance, the header, line and token counts fit m and n, every value keeps its type's
# rule (capacities recomputed in awk), bad arguments exit 2 with nothing on stdout, and
# the output imports and validates with carepool.
source "$(dirname "$0")/lib.bash"
generate() {
    bash "$SOURCE_DIR/bench/make_gap_instance.sh" "$@"
}

# check_rules TYPE FILE: every cost, resource and capacity in FILE keeps TYPE's rule;
# prints the first broken one.
check_rules() {
    awk -v type="$1" '
    { for (k = 1; k <= NF; k++) token[++count] = $k }
    END {
        m = token[1]; n = token[2]; mn = m * n
        for (q = 1; q <= mn; q++) {
            c = token[2 + q]; a = token[2 + mn + q]; i = int((q - 1) / n) + 1
            total[i] += a
            if (type == "C") ok = a >= 5 && a <= 25 && c >= 10 && c <= 50
            if (type == "D") ok = a >= 1 && a <= 100 && c - 111 + a >= -10 && c - 111 + a <= 10
            if (type == "E") ok = a >= 1 && c >= 0 && c <= 1000 / a && c > 1000 / a - 11
            if (!ok) { printf "pair %d: cost %s, resource %s\n", q, c, a; exit 1 }
        }
        # b_i = floor(0.8 sum_j a_ij / m); 1e-9 keeps an exact integer from rounding down.
        for (i = 1; i <= m; i++)
            if (token[2 + 2 * mn + i] != int(0.8 * total[i] / m + 1e-9)) {
                printf "agent %d: capacity %s, resources %d\n", i, token[2 + 2 * mn + i], total[i]
                exit 1
            }
    }' "$2" || fail "$2 breaks the type $1 rules"
}

# Tiny instances, pinned: two agents, five jobs, seed 1.
generate C 2 5 1 >"$WORK/C-tiny" || fail "C 2 5 1 exited $?"
expect_text "$WORK/C-tiny" <<'EOF'
 2 5 
 40 33 12 29 43 
 49 15 34 33 18 
 13 17 23 6 7 
 19 24 7 5 9 
 26 25 
EOF
generate D 2 5 1 >"$WORK/D-tiny" || fail "D 2 5 1 exited $?"
expect_text "$WORK/D-tiny" <<'EOF'
 2 5 
 73 53 12 101 108 
 53 10 100 110 85 
 43 60 90 10 10 
 68 93 13 3 20 
 85 78 
EOF
generate E 2 5 1 >"$WORK/E-tiny" || fail "E 2 5 1 exited $?"
expect_text "$WORK/E-tiny" <<'EOF'
 2 5 
 103 160 499 36 33 
 240 998 41 21 56 
 9 6 2 24 24 
 4 1 21 37 17 
 26 32 
EOF
for type in C D E; do
    check_rules $type "$WORK/$type-tiny"
done

# Medium instances: determinism, seeds, layout (rows wrap at 12 numbers), rules, import.
m=7 n=30
for type in C D E; do
    file="$WORK/$type.gap"
    generate $type $m $n 4 >"$file" || fail "$type $m $n 4 exited $?"
    generate $type $m $n 4 >"$WORK/again" || fail "$type $m $n 4 exited $? the second time"
    expect_same "$file" "$WORK/again" "$type: two runs with seed 4 differ"
    generate $type $m $n 5 >"$WORK/other" || fail "$type $m $n 5 exited $?"
    cmp -s "$file" "$WORK/other" && fail "$type: seeds 4 and 5 give the same instance"

    [ "$(head -n 1 "$file")" = " $m $n " ] || fail "$type: header '$(head -n 1 "$file")'"
    # 1 header line, 2 m rows of ceil(30 / 12) = 3 lines, ceil(7 / 12) = 1 capacity line.
    [ "$(wc -l <"$file")" -eq $((1 + 2 * m * 3 + 1)) ] || fail "$type: $(wc -l <"$file") lines"
    [ "$(wc -w <"$file")" -eq $((2 + 2 * m * n + m)) ] || fail "$type: $(wc -w <"$file") numbers"
    [ "$(sed -n 2p "$file" | wc -w)" -eq 12 ] || fail "$type: the first cost line does not hold 12 numbers"
    [ "$(sed -n 4p "$file" | wc -w)" -eq 6 ] || fail "$type: agent 1's last cost line does not hold 6 numbers"
    check_rules $type "$file"

    expect_status 0 "$CAREPOOL" import gap "$file" -o "$WORK/$type"
    expect_status 0 "$CAREPOOL" validate "$WORK/$type"
    expect_grep "$WORK/out" "valid"
    expect_grep "$WORK/out" "quotes          $((m * n))"
    expect_grep "$WORK/out" "people          $n needing $n places"
done
cmp -s "$WORK/C.gap" "$WORK/D.gap" && fail "types C and D give the same instance"

# Bad arguments: exit 2, a usage line, nothing on stdout.
for args in "F 5 100 1" "C 5 9 1" "C 0 10 1" "C 5 100 1024" "C 5 100 x" "C 5 100" "C 1000 1001 1"; do
    # shellcheck disable=SC2086 # $args is split into arguments on purpose
    expect_status 2 generate $args
    [ -s "$WORK/out" ] && fail "'$args' wrote to stdout"
    expect_grep "$WORK/err" "usage:"
done
finish
