#!/usr/bin/env bash
# GAP benchmark: imports published generalized assignment instances (OR-Library small set,
# Chu-Beasley types A-C), solves each with `carepool solve --time-limit S` and compares the
# value with the best known one. Prints a table and replaces its section of bench/RESULTS.md.
#
# usage: bench/gap.sh [--limit S] [--set orlib-small|chu-beasley-abc|all]
#   CAREPOOL  the carepool binary (default build/solver/carepool)
#   GAP_DATA  the instances (default ../shared/bench-data/gap beside the project)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    sed -n 's/^# \{0,1\}//; 6,8p' "${BASH_SOURCE[0]}"
}

limit=60
set_name=all
while [ $# -gt 0 ]; do
    case $1 in
    --limit)
        limit=${2:?--limit needs a number of seconds}
        shift 2
        ;;
    --set)
        set_name=${2:?--set needs a name}
        shift 2
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
    esac
done
case $set_name in
orlib-small | chu-beasley-abc | all) ;;
*)
    echo "$0: unknown set '$set_name' (orlib-small, chu-beasley-abc or all)" >&2
    exit 2
    ;;
esac
is_number "$limit" || {
    echo "$0: --limit must be a number of seconds" >&2
    exit 2
}

if [ ! -d "$GAP_DATA" ]; then
    echo "gap.sh: no benchmark data at $GAP_DATA; nothing to do."
    exit 0
fi
require_carepool

# The instances to run, as SET/NAME, in a natural order (gap1-0 ... gap12-4).
instances() {
    if [ "$set_name" != chu-beasley-abc ]; then
        ls "$GAP_DATA/orlib-small" | sort -V | sed 's|^|orlib-small/|'
    fi
    if [ "$set_name" != orlib-small ]; then
        ls "$GAP_DATA/chu-beasley" | grep '^[abc]' | sort | sed 's|^|chu-beasley/|'
    fi
}

# best_known SET/NAME: the value in best-known.csv, or "-".
best_known() {
    awk -F, -v key="$1" '$1 == key { print $4; found = 1 } END { if (!found) print "-" }' \
        "$GAP_DATA/best-known.csv"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
section=$work/section.md
rows=$work/rows.tsv # set, at_best, to_best_pct, own_gap_pct, seconds
command="CAREPOOL=$CAREPOOL bench/gap.sh --limit $limit --set $set_name"

{
    echo "## GAP benchmark ($set_name)"
    echo
    header_lines "$command"
    echo "- each instance: \`carepool import gap FILE -o DIR\`, then \`carepool solve DIR -o OUT --time-limit $limit --quiet\`"
    echo
    echo "| instance | value | best known | to best % | bound | own gap % | status | seconds |"
    echo "|---|---:|---:|---:|---:|---:|---|---:|"
} >"$section"
sed -n '/^| instance/,$p' "$section"

for instance in $(instances); do
    name=${instance#*/}
    best=$(best_known "$instance")
    value=- bound=- own=- to_best=- seconds=-
    started=$(date +%s.%N)
    if ! "$CAREPOOL" import gap "$GAP_DATA/$instance" -o "$work/$name" >/dev/null \
        2>"$work/$name.err"; then
        status="import failed"
        echo "gap.sh: $instance: import failed: $(head -n 3 "$work/$name.err")" >&2
    else
        code=0
        "$CAREPOOL" solve "$work/$name" -o "$work/$name.out" --time-limit "$limit" --quiet \
            >/dev/null 2>"$work/$name.err" || code=$?
        summary=$work/$name.out/summary.json
        if [ "$code" -ne 0 ] && [ "$code" -ne 4 ]; then
            echo "gap.sh: $instance: solve exited $code: $(head -n 3 "$work/$name.err")" >&2
        fi
        status=$(json_field "$summary" status)
        [ -n "$status" ] || status="exit $code"
        v=$(json_field "$summary" objective)
        if [ "$code" -eq 0 ] && is_number "$v"; then
            value=$(awk -v v="$v" 'BEGIN { printf "%.10g", v }')
        fi
        b=$(json_field "$summary" bound)
        is_number "$b" && bound=$(awk -v v="$b" 'BEGIN { printf "%.10g", v }')
        g=$(json_field "$summary" gap)
        is_number "$g" && own=$(awk -v v="$g" 'BEGIN { printf "%.2f", 100 * v }')
        s=$(json_field "$summary" seconds)
        if is_number "$s"; then
            seconds=$(awk -v v="$s" 'BEGIN { printf "%.3f", v }')
        else
            seconds=$(seconds_since "$started")
        fi
        rm -rf "$work/$name" "$work/$name.out"
    fi
    at_best=no
    if [ "$value" != - ] && is_number "$best"; then
        to_best=$(awk -v v="$value" -v b="$best" 'BEGIN { printf "%.2f", 100 * (v - b) / b }')
        at_best=$(awk -v v="$value" -v b="$best" \
            'BEGIN { d = v - b; if (d < 0) d = -d; print (d <= 1e-6 + 1e-9 * b) ? "yes" : "no" }')
    fi
    row="| $instance | $value | $best | $to_best | $bound | $own | $status | $seconds |"
    echo "$row"
    echo "$row" >>"$section"
    printf '%s\t%s\t%s\t%s\t%s\n' "${instance%%/*}" "$at_best" "$to_best" "$own" "$seconds" \
        >>"$rows"
done

# Summary lines for one set.
summarise() {
    local set=$1 total at_best
    total=$(awk -F'\t' -v s="$set" '$1 == s' "$rows" | wc -l)
    [ "$total" -gt 0 ] || return 0
    at_best=$(awk -F'\t' -v s="$set" '$1 == s && $2 == "yes"' "$rows" | wc -l)
    if [ "$set" = orlib-small ]; then
        echo "- orlib-small: $at_best of $total at their (proven) optimum"
    else
        echo "- $set: $at_best of $total at the best known value"
    fi
    echo "  - median gap to best known: $(awk -F'\t' -v s="$set" '$1 == s { print $3 }' "$rows" | median) %"
    echo "  - median own gap (bound): $(awk -F'\t' -v s="$set" '$1 == s { print $4 }' "$rows" | median) %"
    echo "  - median seconds: $(awk -F'\t' -v s="$set" '$1 == s { print $5 }' "$rows" | median)"
}

{
    echo
    echo "Summary:"
    echo
    [ -f "$rows" ] && summarise orlib-small && summarise chu-beasley
} >"$work/summary.md"
cat "$work/summary.md"
cat "$work/summary.md" >>"$section"
results_replace "gap-$set_name" "$section"
echo "Results written to $RESULTS (section gap-$set_name)."
