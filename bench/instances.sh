#!/usr/bin/env bash
# The exact method on the bundled instances: every configuration of each instance under
# instances/, solved RUNS times (default 3); prints status, objective, bound, gap, and the
# median of the solver's own seconds, and replaces the "instances" section of RESULTS.md.
#
# usage: bench/instances.sh [--runs N] [--limit S]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=3 limit=600
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--limit S]" >&2; exit 2 ;;
    esac
done
require_carepool
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

body="$work/section.md"
{
    echo "## Bundled instances, exact method"
    echo
    header_lines "bench/instances.sh --runs $runs --limit $limit"
    echo "- each configuration: \`carepool solve DIR -o OUT --config NAME --time-limit $limit\`, $runs runs; seconds are the median of the solver's own times"
    echo
    echo "| instance | config | people | status | objective | bound | gap % | median s |"
    echo "|---|---|---:|---|---:|---:|---:|---:|"
} >"$body"
cat "$body"

for dir in "$PROJECT_DIR"/instances/*/; do
    [ -f "$dir/users.csv" ] || continue
    name=$(basename "$dir")
    configs="standalone pooled"
    if [ -f "$dir/configurations.csv" ]; then
        configs="$configs $(tail -n +2 "$dir/configurations.csv" | cut -d, -f1 | tr -d '\r"' | awk '!seen[$0]++')"
    fi
    for config in $configs; do
        times="$work/times"
        : >"$times"
        for run in $(seq "$runs"); do
            "$CAREPOOL" solve "$dir" -o "$work/out" --config "$config" --time-limit "$limit" \
                --quiet >/dev/null 2>&1 || true
            json_field "$work/out/summary.json" seconds >>"$times"
            echo >>"$times"
        done
        s="$work/out/summary.json"
        gap=$(json_field "$s" gap)
        is_number "$gap" && gap=$(awk -v g="$gap" 'BEGIN { printf "%.4f", 100 * g }')
        row="| $name | $config | $(json_field "$s" people) | $(json_field "$s" status) | $(json_field "$s" objective) | $(json_field "$s" bound) | ${gap:--} | $(median <"$times") |"
        echo "$row" | tee -a "$body"
    done
done
results_replace instances "$body"
