#!/usr/bin/env bash
# Formulation benchmark: solves each instance twice with the exact method, once with
# `--formulation weak --cuts off` (big-M capacity-only linking, GLPK defaults) and once with
# `--formulation strong --cuts on` (the default), and compares value, gap and time.
# Instances: generated facility-location-style ones (bench/make_facility_instance.sh: many
# candidate services with fixed costs and min_occupancy) and GAP sets (OR-Library gap8-gap12,
# Chu-Beasley a/b/c with 5 and 10 agents). Prints a table and replaces its section of
# bench/RESULTS.md.
#
# usage: bench/formulation.sh [--limit S] [--set generated|gap|all]
#   CAREPOOL  the carepool binary (default build/solver/carepool)
#   GAP_DATA  the GAP instances (default ../shared/bench-data/gap beside the project)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    sed -n 's/^# \{0,1\}//; 10,12p' "${BASH_SOURCE[0]}"
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
generated | gap | all) ;;
*)
    echo "$0: unknown set '$set_name' (generated, gap or all)" >&2
    exit 2
    ;;
esac
is_number "$limit" || {
    echo "$0: --limit must be a number of seconds" >&2
    exit 2
}
require_carepool

# Generated instances as PEOPLE:CANDIDATES:SEED.
generated_sizes="200:30:1 250:36:2 300:42:3 350:48:4 400:54:5 400:60:6"
chu_beasley="a05100 a05200 a10100 a10200 b05100 b05200 b10100 b10200 c05100 c05200 c10100 c10200"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/instances"

# Builds every instance directory under $work/instances; prints the names in order.
prepare() {
    if [ "$set_name" != gap ]; then
        for size in $generated_sizes; do
            IFS=: read -r people candidates seed <<<"$size"
            name=fl-${people}x${candidates}-s$seed
            "$BENCH_DIR/make_facility_instance.sh" "$people" "$candidates" "$seed" \
                "$work/instances/$name"
            echo "$name"
        done
    fi
    [ "$set_name" != generated ] || return 0
    if [ ! -d "$GAP_DATA" ]; then
        echo "formulation.sh: no GAP data at $GAP_DATA; GAP instances skipped." >&2
        return 0
    fi
    local files
    files=$(ls "$GAP_DATA/orlib-small" | grep -E '^gap(8|9|10|11|12)-' | sort -V |
        sed 's|^|orlib-small/|')
    for name in $chu_beasley; do
        files="$files chu-beasley/$name"
    done
    for file in $files; do
        name=${file#*/}
        "$CAREPOOL" import gap "$GAP_DATA/$file" -o "$work/instances/$name" >&2
        echo "$name"
    done
}

# solve_once NAME LABEL FLAGS...: solves one instance; prints "VALUE GAP_PCT SECONDS STATUS"
# (a field is "-" when unknown).
solve_once() {
    local name=$1 label=$2 out code=0 value=- gap=- seconds status started v g s
    shift 2
    out=$work/$name.$label
    started=$(date +%s.%N)
    "$CAREPOOL" solve "$work/instances/$name" -o "$out" --time-limit "$limit" --quiet "$@" \
        >/dev/null 2>"$out.err" || code=$?
    if [ "$code" -ne 0 ] && [ "$code" -ne 4 ]; then
        echo "formulation.sh: $name ($label): solve exited $code: $(head -n 3 "$out.err")" >&2
    fi
    status=$(json_field "$out/summary.json" status)
    [ -n "$status" ] || status="exit_$code"
    v=$(json_field "$out/summary.json" objective)
    [ "$code" -eq 0 ] && is_number "$v" && value=$(awk -v v="$v" 'BEGIN { printf "%.10g", v }')
    g=$(json_field "$out/summary.json" gap)
    is_number "$g" && gap=$(awk -v v="$g" 'BEGIN { printf "%.2f", 100 * v }')
    s=$(json_field "$out/summary.json" seconds)
    if is_number "$s"; then
        seconds=$(awk -v v="$s" 'BEGIN { printf "%.2f", v }')
    else
        seconds=$(seconds_since "$started")
    fi
    rm -rf "$out" "$out.err"
    echo "$value $gap $seconds $status"
}

section=$work/section.md
rows=$work/rows.tsv # weak seconds, strong seconds, speed-up, weak optimal, strong optimal
disagree=""
command="CAREPOOL=$CAREPOOL bench/formulation.sh --limit $limit --set $set_name"
{
    echo "## Formulation benchmark ($set_name)"
    echo
    header_lines "$command"
    echo "- each instance solved twice: \`carepool solve DIR -o OUT --time-limit $limit --quiet --formulation weak --cuts off\` and \`... --formulation strong --cuts on\`"
    echo "- speed-up = weak seconds / strong seconds; \`>=\` when the weak run stopped at the limit; gap is the solver's own relative gap"
    echo
    echo "| instance | weak value | weak gap % | weak s | strong value | strong gap % | strong s | speed-up |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$section"
sed -n '/^| instance/,$p' "$section"

names=$(prepare)
for name in $names; do
    read -r wv wg ws wstatus <<<"$(solve_once "$name" weak --formulation weak --cuts off)"
    read -r sv sg ss sstatus <<<"$(solve_once "$name" strong --formulation strong --cuts on)"
    ratio=$(awk -v w="$ws" -v s="$ss" 'BEGIN { if (s > 0) printf "%.2f", w / s; else print "-" }')
    speedup=$ratio
    [ "$ratio" = - ] || speedup="${ratio}x"
    [ "$wstatus" = optimal ] || [ "$ratio" = - ] || speedup=">=${ratio}x"
    [ "$sstatus" = optimal ] || speedup="-"
    if [ "$wstatus" = optimal ] && [ "$sstatus" = optimal ] &&
        ! awk -v a="$wv" -v b="$sv" 'BEGIN { d = a - b; if (d < 0) d = -d
            m = a < 0 ? -a : a; exit !(d <= 1e-6 + 1e-6 * m) }'; then
        disagree="$disagree $name"
        echo "formulation.sh: $name: weak $wv and strong $sv are both optimal but differ" >&2
    fi
    row="| $name | $wv | $wg | $ws | $sv | $sg | $ss | $speedup |"
    echo "$row"
    echo "$row" >>"$section"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ws" "$ss" "$ratio" "$wstatus" "$sstatus" "$wg" \
        "$sg" >>"$rows"
done

{
    echo
    echo "Summary:"
    echo
    if [ -f "$rows" ]; then
        total=$(wc -l <"$rows")
        echo "- proven optimal within ${limit} s: weak $(awk -F'\t' '$4 == "optimal"' "$rows" | wc -l) of $total, strong $(awk -F'\t' '$5 == "optimal"' "$rows" | wc -l) of $total"
        echo "- median seconds: weak $(cut -f1 "$rows" | median), strong $(cut -f2 "$rows" | median)"
        echo "- median gap %: weak $(cut -f6 "$rows" | median), strong $(cut -f7 "$rows" | median)"
        echo "- median speed-up (weak s / strong s, where the strong run proved optimality): $(awk -F'\t' '$5 == "optimal" { print $3 }' "$rows" | median)"
    fi
    if [ -n "$disagree" ]; then
        echo "- VALUES DISAGREE (both proven optimal) on:$disagree"
    fi
} >"$work/summary.md"
cat "$work/summary.md"
cat "$work/summary.md" >>"$section"
results_replace "formulation-$set_name" "$section"
echo "Results written to $RESULTS (section formulation-$set_name)."
