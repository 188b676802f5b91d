# Helpers shared by the benchmark scripts (sourced, not run): locating the carepool binary,
# reading fields of summary.json with grep/sed, medians, and replacing one section of
# bench/RESULTS.md. Plain bash, awk and sed only.

export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT_DIR=$(dirname "$BENCH_DIR")
CAREPOOL=${CAREPOOL:-$PROJECT_DIR/build/solver/carepool}
GAP_DATA=${GAP_DATA:-$PROJECT_DIR/../shared/bench-data/gap}
RESULTS=${RESULTS:-$BENCH_DIR/RESULTS.md}

# Exits with a message unless $CAREPOOL is an executable.
require_carepool() {
    if [ ! -x "$CAREPOOL" ]; then
        echo "$0: no carepool binary at $CAREPOOL (build it, or set CAREPOOL)" >&2
        exit 1
    fi
}

# json_field FILE KEY: the value of the first "KEY": in FILE, quotes removed; empty when the
# file or the key is missing, or the value is null. Enough for carepool's flat summary.json.
json_field() {
    [ -f "$1" ] || return 0
    grep -o "\"$2\"[[:space:]]*:[[:space:]]*\\(\"[^\"]*\"\\|[^,}[:space:]]*\\)" "$1" |
        head -n 1 | sed 's/^[^:]*:[[:space:]]*//; s/^"//; s/"$//; s/^null$//'
}

# is_number VALUE: true when VALUE is a finite decimal number.
is_number() {
    [[ $1 =~ ^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$ ]]
}

# median: the median of the numbers on stdin (one a line, others ignored), or "-" when none.
median() {
    grep -E '^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$' | sort -g |
        awk '{ v[NR] = $1 } END {
            if (NR == 0) print "-"
            else if (NR % 2) printf "%.2f\n", v[(NR + 1) / 2]
            else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# seconds_since START: wall seconds since START (from `date +%s.%N`), 2 decimals.
seconds_since() {
    awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f\n", b - a }'
}

# results_replace NAME FILE: puts FILE's content in RESULTS.md between the markers of
# section NAME, replacing that section if present, appending it otherwise.
results_replace() {
    local name=$1 body=$2 begin end
    begin="<!-- begin $name -->"
    end="<!-- end $name -->"
    [ -f "$RESULTS" ] || printf '# Benchmark results\n\nWritten by the scripts in bench/ (see bench/README.md); each run replaces its own section.\n' >"$RESULTS"
    awk -v begin="$begin" -v end="$end" -v body="$body" '
        function emit(line) { print begin; while ((getline line < body) > 0) print line; print end }
        $0 == begin { skipping = 1; emit(); done = 1; next }
        $0 == end { skipping = 0; next }
        !skipping { print }
        END { if (!done) { print ""; emit() } }' "$RESULTS" >"$RESULTS.tmp"
    mv "$RESULTS.tmp" "$RESULTS"
}

# header_lines COMMAND: the date, machine and exact command lines of a results section.
header_lines() {
    printf -- '- date: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf -- '- machine: %s, %s CPUs\n' "$(uname -srm)" "$(nproc 2>/dev/null || echo '?')"
    printf -- '- command: `%s`\n' "$1"
}
