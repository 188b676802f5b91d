# The harness of the end-to-end tests, sourced by every tests/e2e/*.sh (not a test itself).
# It makes a scratch directory $WORK (removed on exit) and keeps a count of failed checks: a
# check that fails says why on stderr and the script goes on, so one run shows every failure;
# `finish` ends the script, with status 1 when any check failed.
# Environment from ctest: CAREPOOL (the binary), SOURCE_DIR (the project root), TEST_DATA_DIR
# (tests/data).
set -u
: "${CAREPOOL:?set CAREPOOL to the carepool binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the project root}"
: "${TEST_DATA_DIR:?set TEST_DATA_DIR to tests/data}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect_status WANT CMD...: runs CMD, keeping stdout and stderr in $WORK/out and $WORK/err;
# returns 0 when CMD exited WANT.
expect_status() {
    local want=$1
    shift
    "$@" >"$WORK/out" 2>"$WORK/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "exit $got, wanted $want: $*"
        sed 's/^/  stderr: /' "$WORK/err" | head -20 >&2
        return 1
    fi
}

# expect_grep FILE PATTERN: FILE holds a line containing the fixed string PATTERN.
expect_grep() {
    grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"
}

# expect_line FILE LINE: FILE holds a line that is exactly LINE.
expect_line() {
    grep -qxF -- "$2" "$1" || fail "$1 lacks the line '$2'"
}

# expect_text FILE: FILE holds exactly the text on stdin (the difference goes to stderr).
expect_text() {
    diff -u - "$1" >&2 || fail "$1 differs from the expected text"
}

# expect_files DIR NAME...: each DIR/NAME is a file.
expect_files() {
    local dir=$1 name
    shift
    for name in "$@"; do
        [ -f "$dir/$name" ] || fail "$dir/$name was not written"
    done
}

# expect_absent PATH...: nothing exists at any PATH (nothing written on error).
expect_absent() {
    local path
    for path in "$@"; do
        [ ! -e "$path" ] || fail "$path was written"
    done
}

# expect_no_temporaries DIR: DIR holds no temporary file or directory (.NAME.tmp.PID, or a
# .tmp- directory) of an interrupted write.
expect_no_temporaries() {
    local left
    left=$(ls -A "$1" | grep -e '\.tmp\.' -e '\.tmp-')
    [ -z "$left" ] || fail "temporary files left in $1: $left"
}

# expect_same FILE1 FILE2 WHAT: the two files are byte-identical; WHAT says what differs.
expect_same() {
    cmp -s "$1" "$2" || fail "$3"
}

# json_value FILE KEY: the value of KEY (a `carepool summary` path: terms.fixed,
# configurations[pooled].gap) in a summary.json, as written, without quotes; empty, with the
# command's message on stderr, when there is none (every expect_* fails on an empty value).
json_value() {
    "$CAREPOOL" summary "$1" "$2"
}

# expect_close A B TOL: A and B are numbers with |A - B| <= TOL.
expect_close() {
    awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN {
        d = a - b; if (d < 0) d = -d
        exit !(a != "" && b != "" && d <= t)
    }' || fail "'$1' is not within $3 of '$2'"
}

# expect_close_rel A B REL: A and B are numbers within REL of the larger of |A|, |B| and 1.
expect_close_rel() {
    awk -v a="$1" -v b="$2" -v r="$3" 'BEGIN {
        d = a - b; if (d < 0) d = -d
        m = a < 0 ? -a : a; n = b < 0 ? -b : b; if (n > m) m = n; if (m < 1) m = 1
        exit !(a != "" && b != "" && d <= r * m)
    }' || fail "'$1' is not within $3 (relative) of '$2'"
}

# expect_at_most A B: A and B are numbers with A <= B.
expect_at_most() {
    awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && b != "" && a <= b) }' ||
        fail "'$1' is above '$2'"
}

# finish: the last line of every test.
finish() {
    if [ "$failures" -gt 0 ]; then
        echo "$failures failed" >&2
        exit 1
    fi
    echo "all passed"
}
