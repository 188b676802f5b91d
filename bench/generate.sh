#!/usr/bin/env bash
# The instance generator: every preset generated RUNS times (default 3) at scale 1 with
# seed 1; prints the median wall seconds and the peak memory that carepool reports, the size
# of what was made, and the candidate pairs under 'pooled' (from carepool validate), and
# replaces the "generate" section of RESULTS.md. Targets (issue 3): england-children under
# 10 s, england-adults-ld under 20 s, both under 1 GB, on one core.
#
# usage: bench/generate.sh [--runs N] [--presets "a b ..."]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

arguments="$*"
runs=3
presets="sw-london wla london rcc-south-east england-children england-adults-ld"
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift 2 ;;
    --presets) presets=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--presets \"a b ...\"]" >&2; exit 2 ;;
    esac
done
require_carepool
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

body="$work/section.md"
{
    echo "## Instance generator"
    echo
    header_lines "bench/generate.sh${arguments:+ $arguments}"
    echo "- each preset: \`carepool generate --preset NAME --seed 1 -o DIR\`, $runs runs; seconds and peak memory as carepool prints them (median of the runs); pairs from \`carepool validate DIR\`"
    echo
    echo "| preset | people | services | places | files MB | candidate pairs (pooled) | pairs a person | median s | peak MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$body"
cat "$body"

for preset in $presets; do
    : >"$work/seconds"
    : >"$work/memory"
    for run in $(seq "$runs"); do
        rm -rf "$work/out"
        "$CAREPOOL" generate --preset "$preset" --seed 1 -o "$work/out" >"$work/log"
        sed -n 's/.* in \([0-9.]*\) s, peak memory \([0-9]*\) MB.*/\1/p' "$work/log" >>"$work/seconds"
        sed -n 's/.* in \([0-9.]*\) s, peak memory \([0-9]*\) MB.*/\2/p' "$work/log" >>"$work/memory"
    done
    "$CAREPOOL" validate "$work/out" >"$work/stats"
    people=$(awk '$1 == "people" { print $2 }' "$work/stats")
    services=$(awk '$1 == "services" { print $2 }' "$work/stats")
    places=$(sed -n 's/.* \([0-9]*\) places$/\1/p' "$work/stats")
    pairs=$(sed -n 's/.*candidate pairs \([0-9]*\) under.*/\1/p' "$work/stats")
    per=$(sed -n 's/.*(\([0-9.]*\) per person or group).*/\1/p' "$work/stats")
    megabytes=$(du -sk "$work/out" | awk '{ printf "%.1f", $1 / 1024 }')
    echo "| $preset | $people | $services | $places | $megabytes | $pairs | $per | $(median <"$work/seconds") | $(median <"$work/memory") |" |
        tee -a "$body"
done
results_replace generate "$body"
