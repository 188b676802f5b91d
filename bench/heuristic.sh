#!/usr/bin/env bash
# Heuristic benchmark (issue 4): runs `carepool solve --method heuristic` on Chu-Beasley GAP
# types a-d against their best known values, on generated GAP types C, D and E, on the
# england-children preset (first plan, incumbent, bound and gap at 30, 60 and 120 s, peak
# memory), with 1 and 2 threads (work done per second), and against the exact method on
# sw-london, wla, london and rcc-south-east. Each section prints its table as it goes and
# replaces its own section of bench/RESULTS.md (heuristic-gap, -generated, -england, -scaling, heuristic-vs-exact).
#
# usage: bench/heuristic.sh [--sections "gap generated england scaling exact"] [--limit S]
#                           [--threads N] [--exact-limit S]
#   --limit        the heuristic's time limit in every section (default: gap and generated 10,
#                  england 120, scaling 30, exact 60)
#   --threads      the heuristic's threads (default 2; scaling runs 1, then this many)
#   --exact-limit  the exact method's time limit in section exact (default 600)
#   CAREPOOL  the carepool binary (default build/solver/carepool)
#   GAP_DATA  the GAP instances (default ../shared/bench-data/gap beside the project)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    sed -n 's/^# \{0,1\}//; 9,16p' "${BASH_SOURCE[0]}"
}

sections="gap generated england scaling exact"
limit=""
threads=2
exact_limit=600
seed=1
while [ $# -gt 0 ]; do
    case $1 in
    --sections)
        sections=${2:?--sections needs a list of names}
        shift 2
        ;;
    --limit)
        limit=${2:?--limit needs a number of seconds}
        shift 2
        ;;
    --threads)
        threads=${2:?--threads needs a number}
        shift 2
        ;;
    --exact-limit)
        exact_limit=${2:?--exact-limit needs a number of seconds}
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
for name in $sections; do
    case $name in
    gap | generated | england | scaling | exact) ;;
    *)
        echo "$0: unknown section '$name' (gap, generated, england, scaling or exact)" >&2
        exit 2
        ;;
    esac
done
if [ -n "$limit" ] && ! is_number "$limit"; then
    echo "$0: --limit must be a number of seconds" >&2
    exit 2
fi
is_number "$exact_limit" || {
    echo "$0: --exact-limit must be a number of seconds" >&2
    exit 2
}
[[ $threads =~ ^[1-9][0-9]*$ ]] || {
    echo "$0: --threads must be a positive whole number" >&2
    exit 2
}
require_carepool

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Peak memory through GNU time's -f %M -o FILE, when /usr/bin/time has them.
have_time=no
if /usr/bin/time -f %M -o "$work/probe" true 2>/dev/null &&
    is_number "$(tail -n 1 "$work/probe" 2>/dev/null)"; then
    have_time=yes
fi

# command_line SECTION LIMIT [MORE...]: the command that reproduces one section.
command_line() {
    local name=$1 seconds=$2
    shift 2
    echo "CAREPOOL=$CAREPOOL bench/heuristic.sh --sections $name --limit $seconds --threads $threads${*:+ $*}"
}

# solve_run DIR OUT FLAGS...: `carepool solve DIR -o OUT --seed 1 FLAGS...`, stdout dropped,
# stderr kept in OUT.err, the exit status in $code (0 and 4, no plan, are not reported).
# Under /usr/bin/time when $measure is yes, the peak resident kilobytes going to OUT.mem.
measure=no
solve_run() {
    local dir=$1 out=$2
    shift 2
    code=0
    if [ "$measure" = yes ] && [ "$have_time" = yes ]; then
        /usr/bin/time -f %M -o "$out.mem" "$CAREPOOL" solve "$dir" -o "$out" --seed "$seed" "$@" \
            >/dev/null 2>"$out.err" || code=$?
    else
        "$CAREPOOL" solve "$dir" -o "$out" --seed "$seed" "$@" >/dev/null 2>"$out.err" || code=$?
    fi
    if [ "$code" -ne 0 ] && [ "$code" -ne 4 ]; then
        echo "heuristic.sh: $dir: solve exited $code: $(grep -v incumbent "$out.err" | head -n 3)" >&2
    fi
}

# number FILE KEY FORMAT [SCALE]: summary.json's KEY times SCALE (default 1) printed with FORMAT,
# or "-" when missing or null.
number() {
    local v
    v=$(json_field "$1" "$2")
    if is_number "$v"; then
        awk -v v="$v" -v f="$3" -v s="${4:-1}" 'BEGIN { printf f "\n", s * v }'
    else
        echo -
    fi
}

# value_of OUT [FORMAT]: the plan's objective (FORMAT, default %.10g) when the last solve
# exited 0 with one, else "-".
value_of() {
    if [ "$code" -eq 0 ]; then number "$1/summary.json" objective "${2:-%.10g}"; else echo -; fi
}

# shown VALUE OUT: VALUE, or the run's status (summary.json, else its exit status) when "-".
shown() {
    local status
    if [ "$1" != - ]; then
        echo "$1"
        return
    fi
    status=$(json_field "$2/summary.json" status)
    echo "${status:-exit $code}"
}

# above VALUE REFERENCE: 100 (VALUE - REFERENCE) / |REFERENCE|, 2 decimals; "-" when either
# is unknown.
above() {
    if is_number "$1" && is_number "$2"; then
        awk -v v="$1" -v b="$2" 'BEGIN { m = b < 0 ? -b : b; if (m < 1e-9) m = 1e-9
            printf "%.2f\n", 100 * (v - b) / m }'
    else
        echo -
    fi
}

# worst: the largest of the numbers on stdin, 2 decimals, or "-" when none.
worst() {
    grep -E '^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$' | sort -g | tail -n 1 |
        awk '{ printf "%.2f\n", $1; found = 1 } END { if (!found) print "-" }'
}

# emit SECTION_FILE LINE: prints LINE and appends it to the section.
emit() {
    echo "$2"
    echo "$2" >>"$1"
}

# gap_instance TYPE M N DIR: a generated GAP instance of TYPE (C, D or E) into DIR.
gap_instance() {
    "$CAREPOOL" generate --preset "gap-$(echo "$1" | tr CDE cde)" --size "${2}x$3" \
        --seed "$seed" -o "$4" >/dev/null
}

# preset_instance NAME DIR: `carepool generate --preset NAME --seed 1 -o DIR`.
preset_instance() {
    "$CAREPOOL" generate --preset "$1" --seed "$seed" -o "$2" >/dev/null
}

# progress_at ERR T: "SECONDS INCUMBENT BOUND GAP_PCT" of the last progress row of ERR printed
# at or before T seconds (rows "   12.3s  heuristic incumbent X  bound Y  gap Z%"); nothing
# when there is none.
progress_at() {
    awk -v t="$2" '$1 ~ /^[0-9.]+s$/ && $3 == "incumbent" && $5 == "bound" && $7 == "gap" {
            s = substr($1, 1, length($1) - 1) + 0
            g = $8; sub(/%$/, "", g)
            if (s <= t + 0) last = sprintf("%.1f %s %s %s", s, $4, $6, g)
        }
        END { if (last != "") print last }' "$1"
}

section_gap() {
    local seconds=${limit:-10} section=$work/gap.md rows=$work/gap.tsv
    if [ ! -d "$GAP_DATA/chu-beasley" ]; then
        echo "heuristic.sh: no benchmark data at $GAP_DATA; section gap skipped."
        return 0
    fi
    local flags=(--method heuristic --threads "$threads" --time-limit "$seconds" --quiet)
    {
        echo "## Heuristic: Chu-Beasley GAP types a-d"
        echo
        header_lines "$(command_line gap "$seconds")"
        echo "- each instance: \`carepool import gap FILE -o DIR\`, then \`carepool solve DIR -o OUT --seed $seed ${flags[*]}\`"
        echo "- above best % = 100 (value - best known) / best known; own bound and gap: the heuristic's certified Lagrangian bound (summary.json)"
        echo
        echo "| instance | value | best known | above best % | own bound | own gap % | seconds |"
        echo "|---|---:|---:|---:|---:|---:|---:|"
    } >"$section"
    sed -n '/^| instance/,$p' "$section"
    : >"$rows"
    local type path file best value bound own seconds_taken pct target within
    for type in a b c d; do
        target=0.1
        [ "$type" != d ] || target=0.5
        for path in "$GAP_DATA/chu-beasley/$type"*; do
            [ -f "$path" ] || continue
            file=${path##*/}
            best=$(awk -F, -v key="chu-beasley/$file" '$1 == key { print $4; found = 1 }
                END { if (!found) print "-" }' "$GAP_DATA/best-known.csv")
            value=- bound=- own=- seconds_taken=- pct=- within=no
            if "$CAREPOOL" import gap "$GAP_DATA/chu-beasley/$file" -o "$work/$file" >/dev/null \
                2>"$work/$file.import"; then
                solve_run "$work/$file" "$work/$file.out" "${flags[@]}"
                value=$(value_of "$work/$file.out")
                bound=$(number "$work/$file.out/summary.json" bound %.10g)
                own=$(number "$work/$file.out/summary.json" gap %.2f 100)
                seconds_taken=$(number "$work/$file.out/summary.json" seconds %.3f)
                pct=$(above "$value" "$best")
                if [ "$pct" != - ]; then
                    within=$(awk -v v="$value" -v b="$best" -v t="$target" \
                        'BEGIN { print (100 * (v - b) / b <= t + 1e-9) ? "yes" : "no" }')
                fi
            else
                value="import failed"
                echo "heuristic.sh: $file: import failed: $(head -n 3 "$work/$file.import")" >&2
            fi
            [ "$value" = "import failed" ] || value=$(shown "$value" "$work/$file.out")
            rm -rf "${work:?}/$file" "$work/$file".*
            emit "$section" "| $file | $value | $best | $pct | $bound | $own | $seconds_taken |"
            printf '%s\t%s\t%s\t%s\n' "$type" "$within" "$pct" "$target" >>"$rows"
        done
    done
    {
        echo
        echo "Summary (targets of issue 4: types a-c within 0.1 % of the best known, d within 0.5 %, at 10 s with 2 threads):"
        echo
        for type in a b c d; do
            local total met missing
            total=$(awk -F'\t' -v t="$type" '$1 == t' "$rows" | wc -l)
            [ "$total" -gt 0 ] || continue
            met=$(awk -F'\t' -v t="$type" '$1 == t && $2 == "yes"' "$rows" | wc -l)
            missing=$(awk -F'\t' -v t="$type" '$1 == t && $3 == "-"' "$rows" | wc -l)
            target=$(awk -F'\t' -v t="$type" '$1 == t { print $4; exit }' "$rows")
            echo "- type $type: $met of $total within $target % of the best known; above best known: median $(awk -F'\t' -v t="$type" '$1 == t { print $3 }' "$rows" | median) %, worst $(awk -F'\t' -v t="$type" '$1 == t { print $3 }' "$rows" | worst) %$([ "$missing" -eq 0 ] || echo ", $missing without a plan")"
        done
        echo "- all: $(awk -F'\t' '$2 == "yes"' "$rows" | wc -l) of $(wc -l <"$rows") within their target"
    } >"$work/summary.md"
    tee -a "$section" <"$work/summary.md"
    results_replace heuristic-gap "$section"
    echo "Results written to $RESULTS (section heuristic-gap)."
}

section_generated() {
    local seconds=${limit:-10} section=$work/generated.md rows=$work/generated.tsv
    local flags=(--method heuristic --threads "$threads" --time-limit "$seconds" --quiet)
    {
        echo "## Heuristic: generated GAP types C, D, E"
        echo
        header_lines "$(command_line generated "$seconds")"
        echo "- each instance: \`carepool generate --preset gap-TYPE --size MxN --seed $seed -o DIR\` (M agents, N jobs), then \`carepool solve DIR -o OUT --seed $seed ${flags[*]}\`"
        echo "- no best known values: own bound and gap are the heuristic's certified Lagrangian bound (summary.json); first plan s: summary.json first_plan_seconds"
        echo
        echo "| instance | value | own bound | own gap % | first plan s |"
        echo "|---|---:|---:|---:|---:|"
    } >"$section"
    sed -n '/^| instance/,$p' "$section"
    : >"$rows"
    local type size m n name dir own first
    for type in C D E; do
        for size in 10x200 20x400 40x800 80x1600; do
            m=${size%x*} n=${size#*x} name="$type ${size}" dir=$work/gap-$type-$size
            gap_instance "$type" "$m" "$n" "$dir"
            solve_run "$dir" "$dir.out" "${flags[@]}"
            own=$(number "$dir.out/summary.json" gap %.2f 100)
            first=$(number "$dir.out/summary.json" first_plan_seconds %.3f)
            emit "$section" "| $name | $(shown "$(value_of "$dir.out")" "$dir.out") | $(number "$dir.out/summary.json" bound %.10g) | $own | $first |"
            printf '%s\t%s\t%s\n' "$type" "$own" "$first" >>"$rows"
            rm -rf "$dir" "$dir".*
        done
    done
    {
        echo
        echo "Summary:"
        echo
        for type in C D E; do
            echo "- type $type: own gap median $(awk -F'\t' -v t="$type" '$1 == t { print $2 }' "$rows" | median) %, worst $(awk -F'\t' -v t="$type" '$1 == t { print $2 }' "$rows" | worst) %; first plan at most $(awk -F'\t' -v t="$type" '$1 == t { print $3 }' "$rows" | worst) s"
        done
    } >"$work/summary.md"
    tee -a "$section" <"$work/summary.md"
    results_replace heuristic-generated "$section"
    echo "Results written to $RESULTS (section heuristic-generated)."
}

section_england() {
    local seconds=${limit:-120} section=$work/england.md dir=$work/run-england
    local flags=(--method heuristic --threads "$threads" --time-limit "$seconds")
    {
        echo "## Heuristic: england-children"
        echo
        header_lines "$(command_line england "$seconds")"
        echo "- \`carepool generate --preset england-children --seed $seed -o DIR\`, then \`carepool solve DIR -o OUT --seed $seed ${flags[*]}\`$([ "$have_time" = no ] || echo " under \`/usr/bin/time -f %M\`")"
        echo "- at T s: the last progress row (stderr) printed at or before T s; final: summary.json (the checker's value)"
        echo
        echo "| at | row s | incumbent | bound | gap % |"
        echo "|---|---:|---:|---:|---:|"
    } >"$section"
    sed -n '/^| at/,$p' "$section"
    preset_instance england-children "$dir"
    measure=yes
    solve_run "$dir" "$dir.out" "${flags[@]}"
    measure=no
    local t row summary=$dir.out/summary.json
    for t in 30 60 120; do
        if awk -v t="$t" -v l="$seconds" 'BEGIN { exit !(t > l) }'; then
            emit "$section" "| $t s | beyond the limit | - | - | - |"
            continue
        fi
        row=$(progress_at "$dir.out.err" "$t")
        if [ -n "$row" ]; then
            emit "$section" "| $t s | $(echo "$row" | awk '{ print $1 " | " $2 " | " $3 " | " $4 }') |"
        else
            emit "$section" "| $t s | no row yet | - | - | - |"
        fi
    done
    local final_gap first peak=unknown final_s
    final_gap=$(number "$summary" gap %.2f 100)
    final_s=$(number "$summary" seconds %.1f)
    first=$(number "$summary" first_plan_seconds %.3f)
    emit "$section" "| final | $final_s | $(shown "$(value_of "$dir.out" %.2f)" "$dir.out") | $(number "$summary" bound %.2f) | $final_gap |"
    if [ -f "$dir.out.mem" ] && is_number "$(tail -n 1 "$dir.out.mem")"; then
        peak=$(tail -n 1 "$dir.out.mem" | awk '{ printf "%.0f\n", $1 / 1024 }')
    fi
    # The gap target is judged at 120 s: on the final gap when the run stopped by then.
    local judged=$final_gap judged_at="final, $final_s s"
    if awk -v l="$seconds" 'BEGIN { exit !(l > 120) }'; then
        row=$(progress_at "$dir.out.err" 120)
        judged=$(echo "${row:-- - - -}" | awk '{ print $4 }')
        judged_at="row at or before 120 s"
    fi
    {
        echo
        echo "Targets (issue 4):"
        echo
        if [ "$first" = - ]; then
            echo "- feasible plan in under 30 s: no plan within the $seconds s limit: not met"
        else
            echo "- feasible plan in under 30 s: first plan at $first s: $(awk -v v="$first" 'BEGIN { print (v + 0 < 30) ? "met" : "not met" }')"
        fi
        echo "- certified gap at most 1 % by 120 s: $judged % ($judged_at): $(awk -v v="$judged" 'BEGIN { print (v != "-" && v + 0 <= 1) ? "met" : "not met" }')"
        if [ "$peak" = unknown ]; then
            echo "- peak memory under 2 GB: unknown (no GNU /usr/bin/time)"
        else
            echo "- peak memory under 2 GB: $peak MB: $(awk -v v="$peak" 'BEGIN { print (v + 0 < 2048) ? "met" : "not met" }')"
        fi
    } >"$work/summary.md"
    tee -a "$section" <"$work/summary.md"
    rm -rf "$dir" "$dir".*
    results_replace heuristic-england "$section"
    echo "Results written to $RESULTS (section heuristic-england)."
}

# The machines are noisy (one thread has taken from 5 to 13 s for the same 68 M moves on
# england-children): each thread count runs this many times, alternating, and medians are
# compared.
SCALING_REPEATS=3

section_scaling() {
    local seconds=${limit:-30} section=$work/scaling.md rows=$work/scaling.tsv
    local flags=(--method heuristic --time-limit "$seconds" --quiet)
    {
        echo "## Heuristic: 1 thread vs $threads"
        echo
        header_lines "$(command_line scaling "$seconds")"
        echo "- each instance, $SCALING_REPEATS times in turn: \`carepool solve DIR -o OUT --seed $seed ${flags[*]} --threads T\` with T = 1, then T = $threads"
        echo "- moves/s: summary.json moves_evaluated over summary.json seconds, the median of the $SCALING_REPEATS runs (all runs in brackets); value: the median plan value; ratio: median moves/s with $threads threads over median moves/s with 1"
        echo
        echo "| instance | value, 1 | moves/s, 1 | value, $threads | moves/s, $threads | ratio |"
        echo "|---|---:|---:|---:|---:|---:|"
    } >"$section"
    sed -n '/^| instance/,$p' "$section"
    : >"$rows"
    local name dir t rep rate ratio
    for name in england-children D-80x1600; do
        dir=$work/scaling-$name
        if [ "$name" = england-children ]; then
            preset_instance england-children "$dir"
        else
            gap_instance D 80 1600 "$dir"
        fi
        : >"$dir.runs"
        for rep in $(seq "$SCALING_REPEATS"); do
            for t in 1 "$threads"; do
                solve_run "$dir" "$dir.out" "${flags[@]}" --threads "$t"
                rate=$(awk -v m="$(json_field "$dir.out/summary.json" moves_evaluated)" \
                    -v s="$(json_field "$dir.out/summary.json" seconds)" \
                    'BEGIN { if (m ~ /^[0-9]+$/ && s + 0 > 0) printf "%.0f\n", m / s; else print "-" }')
                printf '%s\t%s\t%s\n' "$t" "$rate" "$(value_of "$dir.out" %.2f)" >>"$dir.runs"
                rm -rf "$dir.out" "$dir.out".*
            done
        done
        local cells="" rate1="" rates
        for t in 1 "$threads"; do
            rate=$(awk -F'\t' -v t="$t" '$1 == t { print $2 }' "$dir.runs" | median |
                awk '{ if ($1 == "-") print; else printf "%.0f\n", $1 }')
            rates=$(awk -F'\t' -v t="$t" '$1 == t { printf "%s%s", sep, $2; sep = ", " }' "$dir.runs")
            cells="$cells | $(awk -F'\t' -v t="$t" '$1 == t { print $3 }' "$dir.runs" | median) | $rate ($rates)"
            [ -n "$rate1" ] || rate1=$rate
        done
        ratio=$(awk -v a="$rate1" -v b="$rate" \
            'BEGIN { if (a != "-" && b != "-" && a + 0 > 0) printf "%.2f\n", b / a; else print "-" }')
        emit "$section" "| $name$cells | $ratio |"
        printf '%s\t%s\n' "$name" "$ratio" >>"$rows"
        rm -rf "$dir" "$dir.runs"
    done
    {
        echo
        echo "Summary (target of issue 4: 2 threads do at least 1.6 times the work of 1):"
        echo
        awk -F'\t' -v t="$threads" '{
            verdict = $2 == "-" ? "unknown" : (t != 2 ? "target is for 2 threads" : ($2 + 0 >= 1.6 ? "met" : "not met"))
            print "- " $1 ": ratio " $2 ": " verdict }' "$rows"
    } >"$work/summary.md"
    tee -a "$section" <"$work/summary.md"
    results_replace heuristic-scaling "$section"
    echo "Results written to $RESULTS (section heuristic-scaling)."
}

section_exact() {
    local seconds=${limit:-60} section=$work/exact.md rows=$work/exact.tsv
    local exact_flags=(--method exact --threads "$threads" --time-limit "$exact_limit" --quiet)
    local heur_flags=(--method heuristic --threads "$threads" --time-limit "$seconds" --quiet)
    {
        echo "## Heuristic vs exact"
        echo
        header_lines "$(command_line exact "$seconds" --exact-limit "$exact_limit")"
        echo "- each preset: \`carepool generate --preset NAME --seed $seed -o DIR\`, then \`carepool solve DIR -o OUT --seed $seed ${exact_flags[*]}\` (exact, branch-and-cut from the heuristic's plan) and \`carepool solve DIR -o OUT --seed $seed ${heur_flags[*]}\` (heuristic)"
        echo "- heuristic above exact % = 100 (heuristic value - exact value) / exact value, whenever the exact run wrote a plan (negative: the heuristic alone did better than an exact run stopped at its limit)"
        echo
        echo "| instance | exact status | exact value | exact bound | exact gap % | exact s | heuristic value | heuristic gap % | heuristic above exact % |"
        echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
    } >"$section"
    sed -n '/^| instance/,$p' "$section"
    : >"$rows"
    local name dir status exact_value heur_value cells pct
    for name in sw-london wla london rcc-south-east; do
        dir=$work/exact-$name
        preset_instance "$name" "$dir"
        solve_run "$dir" "$dir.exact" "${exact_flags[@]}"
        status=$(json_field "$dir.exact/summary.json" status)
        [ -n "$status" ] || status="exit $code"
        exact_value=$(value_of "$dir.exact" %.2f)
        cells="| $status | $exact_value | $(number "$dir.exact/summary.json" bound %.2f) | $(number "$dir.exact/summary.json" gap %.2f 100) | $(number "$dir.exact/summary.json" seconds %.1f)"
        solve_run "$dir" "$dir.heur" "${heur_flags[@]}"
        heur_value=$(value_of "$dir.heur" %.2f)
        pct=$(above "$heur_value" "$exact_value")
        emit "$section" "| $name $cells | $(shown "$heur_value" "$dir.heur") | $(number "$dir.heur/summary.json" gap %.2f 100) | $pct |"
        printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "$pct" "$exact_value" "$heur_value" >>"$rows"
        rm -rf "$dir" "$dir".*
    done
    {
        echo
        echo "Summary:"
        echo
        echo "- exact proved optimality within $exact_limit s on $(awk -F'\t' '$2 == "optimal"' "$rows" | wc -l) of $(wc -l <"$rows")"
        awk -F'\t' '{
            if ($4 == "-") what = "not comparable: no exact plan"
            else if ($5 == "-") what = "not comparable: no heuristic plan"
            else what = "heuristic " $3 " % above exact" ($2 == "optimal" ? " (the optimum)" : " (exact stopped at its limit)")
            print "- " $1 ": " what }' "$rows"
    } >"$work/summary.md"
    tee -a "$section" <"$work/summary.md"
    results_replace heuristic-vs-exact "$section"
    echo "Results written to $RESULTS (section heuristic-vs-exact)."
}

for name in $sections; do
    echo
    "section_$name"
done
