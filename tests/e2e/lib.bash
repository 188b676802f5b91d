# Helpers for the end-to-end tests (sourced; not a test itself).
# Environment from ctest: CAREPOOL (the binary), SOURCE_DIR, TEST_DATA_DIR.
set -u
: "${CAREPOOL:?set CAREPOOL to the carepool binary}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect_status WANT CMD...: runs CMD, keeping stdout and stderr in $WORK/out and $WORK/err.
expect_status() {
    local want=$1
    shift
    "$@" >"$WORK/out" 2>"$WORK/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "exit $got, wanted $want: $*"
        sed 's/^/  stderr: /' "$WORK/err" | head -20 >&2
    fi
}

# expect_grep FILE PATTERN: FILE holds a line matching the fixed string PATTERN.
expect_grep() {
    grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"
}

# json_value FILE KEY: the value of a top-level or nested "KEY": on its own line.
json_value() {
    sed -n "s/^ *\"$2\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$1" | head -1
}

# expect_close A B TOL: |A - B| <= TOL.
expect_close() {
    awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }' ||
        fail "$1 is not within $3 of $2"
}

finish() {
    if [ "$failures" -gt 0 ]; then
        echo "$failures failed" >&2
        exit 1
    fi
    echo "all passed"
}
