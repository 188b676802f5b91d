#!/usr/bin/env bash
# carepool compare on england-children (83,585 children, 153 councils) with its ~20 regional
# cooperatives: one run of `carepool compare DIR --configs cooperatives`, with the per-
# configuration time limit and the sharing settings given, timed and measured (peak memory
# as carepool reports it in summary.json, and GNU time's when present). Prints and puts in
# the "compare" section of RESULTS.md: each configuration's cost, saving, gap and time, how
# each cooperative's cost was shared (exact or sampled Shapley, coalitions valued, members
# above standalone, blocking coalitions), and the totals. Target (issue 5): within 30
# minutes on 2 cores with the sharing computed.
#
# usage: bench/compare.sh [--limit S] [--threads N] [--samples N] [--work W] [--preset NAME]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

arguments="$*"
limit=120
threads=2
samples=
work=
preset=england-children
while [ $# -gt 0 ]; do
    case $1 in
    --limit) limit=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --samples) samples=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --preset) preset=$2; shift 2 ;;
    *) echo "usage: $0 [--limit S] [--threads N] [--samples N] [--work W] [--preset NAME]" >&2; exit 2 ;;
    esac
done
require_carepool
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$CAREPOOL" generate --preset "$preset" --seed 1 -o "$scratch/instance" >/dev/null
config=cooperatives
grep -q "^$config," "$scratch/instance/configurations.csv" ||
    config=$(sed -n '2s/,.*//p' "$scratch/instance/configurations.csv")
command=("$CAREPOOL" compare "$scratch/instance" --configs "$config" -o "$scratch/out"
    --time-limit "$limit" --threads "$threads" --seed 1)
[ -n "$samples" ] && command+=(--shapley-samples "$samples")
[ -n "$work" ] && command+=(--coalition-work "$work")
shown="carepool compare DIR --configs $config -o OUT --time-limit $limit --threads $threads --seed 1${samples:+ --shapley-samples $samples}${work:+ --coalition-work $work}"

start=$(date +%s.%N)
if /usr/bin/time -f '%M' true 2>/dev/null; then
    /usr/bin/time -f '%M' -o "$scratch/rss" "${command[@]}" >"$scratch/stdout" 2>"$scratch/stderr"
    rss=$(awk '{ printf "%.0f", $1 / 1024 }' "$scratch/rss")
else
    "${command[@]}" >"$scratch/stdout" 2>"$scratch/stderr"
    rss=unknown
fi
wall=$(seconds_since "$start")
out="$scratch/out"
summary="$out/summary.json"

body="$scratch/section.md"
{
    echo "## compare: $preset, $config"
    echo
    header_lines "bench/compare.sh${arguments:+ $arguments}"
    echo "- run: \`$shown\` (DIR: \`carepool generate --preset $preset --seed 1\`)"
    echo "- wall $wall s (carepool: $(sed -n 's/^  "seconds": \(.*\),$/\1/p' "$summary") s), peak memory $(json_field "$summary" peak_memory_mb) MB (GNU time: $rss MB)"
    echo "- coalitions valued: $(json_field "$summary" coalitions_valued), $(json_field "$summary" coalition_work) moves per candidate pair each; Shapley samples $(json_field "$summary" shapley_samples); $(sed -n 's/^\([0-9]*\) two-pool solves done in \([0-9.]*\) s$/\1 two-pool solves in \2 s/p' "$scratch/stderr")"
    echo
    echo "| configuration | pools | weekly cost | saving | saving % | mean km | gap % | status | method | seconds |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---|---:|"
    awk -F, 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %.3f | %s | %s | %s |\n",
        $1, $2, $3, $5, $6, $15, 100 * $25, $22, $23, $26 }' "$out/comparison.csv"
    echo
    echo "Sharing in each pool of two or more members (shares.csv, coalitions.csv):"
    echo
    echo "| configuration | pool | members | Shapley | coalitions valued | largest half-width % of share | above standalone (proportional / Shapley) | blocking |"
    echo "|---|---|---:|---|---:|---:|---|---:|"
    awk -F, '
        FNR == 1 { next }
        FILENAME ~ /coalitions/ { if ($9 != "plan" && $5 != "") valued[$1 "," $2]++; next }
        { key = $1 "," $2
          if (!(key in members)) order[++n] = key
          members[key]++; how[key] = $10; blocking[key] = $(NF - 2)
          if ($8 != "" && $9 != "" && $8 > 0 && 100 * $9 / $8 > width[key]) width[key] = 100 * $9 / $8
          if ($4 != "" && $7 > $4 + 0.01) above_p[key]++
          if ($4 != "" && $8 != "" && $8 > $4 + 0.01) above_s[key]++ }
        END { for (i = 1; i <= n; i++) { k = order[i]; split(k, part, ",")
            printf "| %s | %s | %d | %s | %d | %.1f | %d / %d | %d |\n", part[1], part[2],
                members[k], how[k], valued[k], width[k], above_p[k], above_s[k], blocking[k] } }' \
        "$out/coalitions.csv" "$out/shares.csv"
} >"$body"
cat "$body"
results_replace compare "$body"
