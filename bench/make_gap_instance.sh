#!/usr/bin/env bash
# Writes a generalized assignment instance of type C, D or E to stdout in OR-Library gap
# format, the format `carepool import gap FILE -o DIR` reads: `m n`, then for each agent
# its n costs, then for each agent its n resources, then the m capacities; minimise the
# total cost. Laid out as the Chu-Beasley files: every number preceded by a space, at most
# 12 numbers to a line, each line closed by a space, each agent's row on lines of its own.
#
# m agents i, n jobs j; a_ij resource, c_ij cost, b_i capacity (all integers):
#   C  a_ij uniform on [5,25], c_ij uniform on [10,50];
#   D  a_ij uniform on [1,100], c_ij = 111 - a_ij + e, e uniform on [-10,10];
#   E  a_ij = integer part of 1 - 10 ln(u), u uniform on (0,1];
#      c_ij = integer part of 1000 / a_ij - 10 v, v uniform on [0,1], and 0 where that is
#      negative, which carepool's import would refuse (it needs a_ij >= 112 and v > 0.99:
#      expected in well under one pair of a 80 x 1600 instance);
#   all b_i = floor(0.8 * sum_j a_ij / m).
# Types C and D: Chu and Beasley, "A genetic algorithm for the generalised assignment
# problem", Computers & Operations Research 24(1) 17-23, 1997 (OR-Library gapa-gapd); the
# rules above reproduce the ranges and every capacity of the 12 type C and D files under
# shared/bench-data/gap/chu-beasley. Type E: Laguna, Kelly, Gonzalez-Velarde and Glover,
# "Tabu search for the multilevel generalized assignment problem", European Journal of
# Operational Research 82, 176-189, 1995, as used with n up to 1600 and m up to 80 by
# Yagiura, Ibaraki and Glover, "An ejection chain approach for the generalized assignment
# problem", INFORMS Journal on Computing 16(2) 133-151, 2004 (their instances:
# http://www.al.cm.is.nagoya-u.ac.jp/~yagiura/gap/, which also says that types D and E
# are minimisation problems, trivial as maximisation).
#
# Deterministic byte for byte on any awk and machine: awk's rand() is not used. The
# generator is the minimal standard of Park and Miller, x <- 16807 x mod (2^31 - 1); the
# product stays below 2^46, so it is exact in a double (no Schrage decomposition needed).
# Seed s starts the stream at 16807^(1 + s * 2^21) mod (2^31 - 1) (jump-ahead by modular
# powering), so seeds 0-1023 take disjoint stretches of the generator's single cycle and
# no two of them give related instances; each pair uses two draws, in the order agent 1
# jobs 1..n, agent 2, ...: type C a then c, type D a then e, type E u then v. Draw x gives
# U[lo,hi] = lo + floor((x - 1) (hi - lo + 1) / (2^31 - 1)), u = x / (2^31 - 1) and
# v = (x - 1) / (2^31 - 3); each value is one division of two integers below 2^53, both
# exact in a double, so its one rounding is IEEE's on every machine and its integer part
# cannot fall on the wrong side. Type E needs no logarithm at run time: a_ij - 1 counts
# the k >= 1 with x <= floor((2^31 - 1) e^(-k/10)), and those thresholds are at least
# 6.9e-4 from an integer, so any libm's exp() gives the same ones.
#
# usage: bench/make_gap_instance.sh TYPE M N SEED > FILE
#   TYPE C, D or E; M agents >= 1; N jobs >= 2 M (so that every capacity is positive);
#   M * N <= 1000000; SEED 0-1023.
set -euo pipefail

usage() {
    echo "usage: $0 TYPE M N SEED > FILE  (TYPE C, D or E; N >= 2 M; M * N <= 1000000; SEED 0-1023)" >&2
    exit 2
}

[ $# -eq 4 ] || usage
type=$1 m=$2 n=$3 seed=$4
case $type in
C | D | E) ;;
*) usage ;;
esac
for value in "$m" "$n" "$seed"; do
    case $value in
    '' | *[!0-9]* | 0?*) usage ;;
    esac
    [ ${#value} -le 7 ] || usage
done
if [ "$m" -lt 1 ] || [ "$n" -lt $((2 * m)) ] || [ $((m * n)) -gt 1000000 ] || [ "$seed" -gt 1023 ]; then
    usage
fi

awk -v type="$type" -v m="$m" -v n="$n" -v seed="$seed" '
# x * y mod P for 0 <= x, y < P, exact: y is split into 16-bit halves.
function mulmod(x, y,    t) {
    t = (x * int(y / 65536)) % P
    return (t * 65536 + x * (y % 65536)) % P
}
# 16807^e mod P by square and multiply.
function powmod(e,    r, b) {
    r = 1
    b = 16807
    while (e > 0) {
        if (e % 2 == 1)
            r = mulmod(r, b)
        b = mulmod(b, b)
        e = int(e / 2)
    }
    return r
}
# The next state of the generator, in [1, P - 1].
function draw() {
    state = (state * 16807) % P
    return state
}
# An integer uniform on [lo, hi] from the next draw.
function uniform_int(lo, hi) {
    return lo + int((draw() - 1) * (hi - lo + 1) / P)
}
# Integer part of 1 - 10 ln(u), u = x / P.
function exponential_resource(    x, a) {
    x = draw()
    for (a = 1; x <= threshold[a]; a++)
        ;
    return a
}
# Integer part of 1000 / a - 10 v, v = (x - 1) / (P - 2), and 0 where it is negative.
function inverse_cost(a,    c) {
    c = int((1000 * (P - 2) - 10 * a * (draw() - 1)) / (a * (P - 2)))
    return c < 0 ? 0 : c
}
# Prints value as the next of count numbers in one block, 12 to a line.
function put(value, k, count) {
    printf " %d", value
    if (k % 12 == 0 || k == count)
        printf " \n"
}
BEGIN {
    P = 2147483647
    state = powmod((1 + seed * 2097152) % (P - 1))
    for (k = 1; P * exp(-k / 10) >= 1; k++)
        threshold[k] = int(P * exp(-k / 10))
    threshold[k] = 0

    for (i = 1; i <= m; i++) {
        total[i] = 0
        for (j = 1; j <= n; j++) {
            if (type == "C") {
                a = uniform_int(5, 25)
                c = uniform_int(10, 50)
            } else if (type == "D") {
                a = uniform_int(1, 100)
                c = 111 - a + uniform_int(-10, 10)
            } else {
                a = exponential_resource()
                c = inverse_cost(a)
            }
            resource[i, j] = a
            cost[i, j] = c
            total[i] += a
        }
    }

    printf " %d %d \n", m, n
    for (i = 1; i <= m; i++)
        for (j = 1; j <= n; j++)
            put(cost[i, j], j, n)
    for (i = 1; i <= m; i++)
        for (j = 1; j <= n; j++)
            put(resource[i, j], j, n)
    for (i = 1; i <= m; i++)
        put(int(4 * total[i] / (5 * m)), i, m)
}'
