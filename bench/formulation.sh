#!/usr/bin/env bash
# Formulation benchmark: solves each instance twice with the exact method, once as the
# baseline `--formulation weak --cuts off --branching glpk` (big-M capacity-only linking,
# GLPK's defaults) and once with carepool's defaults `--formulation strong --cuts on
# --branching decisions`, and compares value, gap and time.
# Instances: generated facility-location-style ones (carepool generate --preset facility-*: many
# candidate services with fixed costs and min_occupancy; three profiles) and GAP sets
# (OR-Library gap8-gap12, Chu-Beasley a/b/c with 5 and 10 agents). Prints a table and
# replaces its section of bench/RESULTS.md.
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

# Generated instances as PROFILE:PEOPLE:CANDIDATES:SEED (carepool generate --preset
# facility-PROFILE --size PEOPLExCANDIDATES --seed SEED).
generated="small:200:30:1 small:300:45:2 small:400:60:3 large:200:30:4 large:300:45:5
large:400:60:6 local:200:30:7 local:300:45:8 local:400:60:9"
chu_beasley="a05100 a05200 a10100 a10200 b05100 b05200 b10100 b10200 c05100 c05200 c10100 c10200"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/instances"

# Builds every instance directory under $work/instances; prints the names in order.
prepare() {
    if [ "$set_name" != gap ]; then
        for spec in $generated; do
            IFS=: read -r profile people candidates seed <<<"$spec"
            name=fl-$profile-${people}x$candidates-s$seed
            "$CAREPOOL" generate --preset "facility-$profile" --size "${people}x$candidates" \
                --seed "$seed" -o "$work/instances/$name" >/dev/null
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
        "$CAREPOOL" import gap "$GAP_DATA/$file" -o "$work/instances/$name" >/dev/null
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
    [ "$code" -eq 0 ] && is_number "$v" && value=$(awk -v v="$v" 'BEGIN { printf "%.2f", v }')
    g=$(json_field "$out/summary.json" gap)
    is_number "$g" && gap=$(awk -v v="$g" 'BEGIN { printf "%.2f", 100 * v }')
    s=$(json_field "$out/summary.json" seconds)
    if is_number "$s"; then
        seconds=$(awk -v v="$s" 'BEGIN { printf "%.3f", v }')
    else
        seconds=$(seconds_since "$started")
    fi
    rm -rf "$out" "$out.err"
    echo "$value $gap $seconds $status"
}

# verdict WEAK_STATUS WEAK_S WEAK_GAP STRONG_STATUS STRONG_S STRONG_GAP: which run did better
# ("weak", "strong" or "tie"): the only one to prove optimality, else the faster of two
# proofs, else the smaller own gap.
verdict() {
    awk -v ws="$1" -v wt="$2" -v wg="$3" -v ss="$4" -v st="$5" -v sg="$6" 'BEGIN {
        wo = ws == "optimal"; so = ss == "optimal"
        if (wo && !so) print "weak"
        else if (so && !wo) print "strong"
        else if (wo && so) print (wt + 0 < st + 0 ? "weak" : (st + 0 < wt + 0 ? "strong" : "tie"))
        else if (wg == "-" && sg == "-") print "tie"
        else if (wg == "-") print "strong"
        else if (sg == "-") print "weak"
        else print (wg + 0 < sg + 0 ? "weak" : (sg + 0 < wg + 0 ? "strong" : "tie"))
    }'
}

# speedup WEAK_STATUS WEAK_S STRONG_STATUS STRONG_S: weak seconds / strong seconds, as
# "Nx" when both proved optimality, ">=Nx" when only the strong run did, "<=Nx" when only
# the weak one did, "-" otherwise.
speedup() {
    awk -v ws="$1" -v wt="$2" -v ss="$3" -v st="$4" 'BEGIN {
        if (st + 0 <= 0 || (ws != "optimal" && ss != "optimal")) { print "-"; exit }
        prefix = ws == ss ? "" : (ss == "optimal" ? ">=" : "<=")
        r = wt / st
        printf "%s%." (r < 0.1 ? 3 : (r < 100 ? 2 : 0)) "fx\n", prefix, r
    }'
}

weak_flags="--formulation weak --cuts off --branching glpk"
strong_flags="--formulation strong --cuts on --branching decisions"
section=$work/section.md
rows=$work/rows.tsv # weak s, strong s, speed-up when both optimal, statuses, gaps, verdict
disagree=""
command="CAREPOOL=$CAREPOOL bench/formulation.sh --limit $limit --set $set_name"
{
    echo "## Formulation benchmark ($set_name)"
    echo
    header_lines "$command"
    echo "- each instance solved twice: \`carepool solve DIR -o OUT --time-limit $limit --quiet\` with \`$weak_flags\` (weak) and with \`$strong_flags\` (strong, the defaults)"
    echo "- value: the plan's objective, or the status when no plan was written; gap: the solver's own relative gap"
    echo "- speed-up = weak seconds / strong seconds; \`>=\` when only the strong run proved optimality (the weak one stopped at the limit), \`<=\` when only the weak one did"
    echo
    echo "| instance | weak value | weak gap % | weak s | strong value | strong gap % | strong s | speed-up |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$section"
sed -n '/^| instance/,$p' "$section"

names=$(prepare)
for name in $names; do
    read -r wv wg ws wstatus <<<"$(solve_once "$name" weak $weak_flags)"
    read -r sv sg ss sstatus <<<"$(solve_once "$name" strong $strong_flags)"
    ratio=-
    if [ "$wstatus" = optimal ] && [ "$sstatus" = optimal ]; then
        ratio=$(awk -v w="$ws" -v s="$ss" 'BEGIN { if (s > 0) printf "%.2f", w / s; else print "-" }')
        if ! awk -v a="$wv" -v b="$sv" 'BEGIN { d = a - b; if (d < 0) d = -d
                m = a < 0 ? -a : a; exit !(d <= 1e-6 + 1e-6 * m) }'; then
            disagree="$disagree $name"
            echo "formulation.sh: $name: weak $wv and strong $sv are both optimal but differ" >&2
        fi
    fi
    [ "$wv" != - ] || wv=$wstatus
    [ "$sv" != - ] || sv=$sstatus
    row="| $name | $wv | $wg | $ws | $sv | $sg | $ss | $(speedup "$wstatus" "$ws" "$sstatus" "$ss") |"
    echo "$row"
    echo "$row" >>"$section"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ws" "$ss" "$ratio" "$wstatus" "$sstatus" "$wg" \
        "$sg" "$(verdict "$wstatus" "$ws" "$wg" "$sstatus" "$ss" "$sg")" >>"$rows"
done

{
    echo
    echo "Summary:"
    echo
    if [ -f "$rows" ]; then
        total=$(wc -l <"$rows")
        echo "- proven optimal within ${limit} s: weak $(awk -F'\t' '$4 == "optimal"' "$rows" | wc -l) of $total, strong $(awk -F'\t' '$5 == "optimal"' "$rows" | wc -l) of $total"
        echo "- better (the only proof, else the faster proof, else the smaller gap): strong on $(awk -F'\t' '$8 == "strong"' "$rows" | wc -l), weak on $(awk -F'\t' '$8 == "weak"' "$rows" | wc -l), tied on $(awk -F'\t' '$8 == "tie"' "$rows" | wc -l)"
        echo "- median seconds: weak $(cut -f1 "$rows" | median), strong $(cut -f2 "$rows" | median)"
        echo "- median gap %: weak $(cut -f6 "$rows" | median), strong $(cut -f7 "$rows" | median)"
        echo "- median speed-up where both proved optimality: $(cut -f3 "$rows" | median)"
    fi
    if [ -n "$disagree" ]; then
        echo "- VALUES DISAGREE (both proven optimal) on:$disagree"
    fi
} >"$work/summary.md"
cat "$work/summary.md"
cat "$work/summary.md" >>"$section"
results_replace "formulation-$set_name" "$section"
echo "Results written to $RESULTS (section formulation-$set_name)."
