/* Generalized assignment problems of types C, D and E (m agents i, n jobs j; a_ij resource,
 * c_ij cost, b_i capacity, all integers; minimise the total cost):
 *   C  a_ij uniform on [5,25], c_ij uniform on [10,50];
 *   D  a_ij uniform on [1,100], c_ij = 111 - a_ij + e, e uniform on [-10,10];
 *   E  a_ij = integer part of 1 - 10 ln(u), u uniform on (0,1];
 *      c_ij = integer part of 1000 / a_ij - 10 v, v uniform on [0,1], and 0 where that is
 *      negative (it needs a_ij >= 112 and v > 0.99: well under one pair of an 80 x 1600);
 *   all b_i = floor(0.8 * sum_j a_ij / m).
 * Types C and D: Chu and Beasley, "A genetic algorithm for the generalised assignment
 * problem", Computers & Operations Research 24(1) 17-23, 1997 (OR-Library gapa-gapd); the
 * rules reproduce the ranges and every capacity of the 12 type C and D files under
 * shared/bench-data/gap/chu-beasley. Type E: Laguna, Kelly, Gonzalez-Velarde and Glover,
 * "Tabu search for the multilevel generalized assignment problem", European Journal of
 * Operational Research 82, 176-189, 1995, as used with n up to 1600 and m up to 80 by
 * Yagiura, Ibaraki and Glover, "An ejection chain approach for the generalized assignment
 * problem", INFORMS Journal on Computing 16(2) 133-151, 2004 (types D and E are
 * minimisation problems, trivial as maximisation).
 *
 * The stream is Park and Miller's minimal standard, x <- 16807 x mod (2^31 - 1). Seed s
 * starts it at 16807^(1 + s * 2^21) mod (2^31 - 1) (jump-ahead by modular powering), so
 * seeds 0-1023 take disjoint stretches of its single cycle; each pair uses two draws, in the
 * order agent 1 jobs 1..n, agent 2, ...: type C a then c, type D a then e, type E u then v.
 * Draw x gives U[lo,hi] = lo + floor((x - 1) (hi - lo + 1) / (2^31 - 1)), u = x / (2^31 - 1)
 * and v = (x - 1) / (2^31 - 3); each value is one division of two integers below 2^53, both
 * exact in a double, so its one rounding is IEEE's and its integer part cannot fall on the
 * wrong side. Type E needs no logarithm of a draw: a_ij - 1 counts the k >= 1 with
 * x <= floor((2^31 - 1) e^(-k/10)), and those thresholds are at least 6.9e-4 from an integer,
 * so any libm's exp() gives the same ones. These are the numbers the awk generator
 * bench/make_gap_instance.sh wrote, which this replaces (tests/data/gen-bench holds some). */
#include "gen/bench.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "io/gap_import.h"
#include "util/alloc.h"
#include "util/status.h"

#define MODULUS 2147483647.0 /* 2^31 - 1 */
enum { MAX_PAIRS = 1000000, MAX_SEED = 1023, MAX_THRESHOLDS = 256 };

typedef struct stream {
    uint64_t state;
    long threshold[MAX_THRESHOLDS]; /* type E: threshold[k] = floor(P e^(-k/10)), then 0 */
} stream;

/* 16807^e mod (2^31 - 1) by square and multiply (products below 2^62). */
static uint64_t power_of_16807(uint64_t e)
{
    uint64_t result = 1, base = 16807, p = (uint64_t)MODULUS;
    for (; e > 0; e /= 2) {
        if (e % 2 == 1)
            result = result * base % p;
        base = base * base % p;
    }
    return result;
}

/* The next state, in [1, 2^31 - 2], as a double (exact). */
static double draw(stream *s)
{
    s->state = s->state * 16807 % (uint64_t)MODULUS;
    return (double)s->state;
}

static long uniform_int(stream *s, long lo, long hi)
{
    return lo + (long)((draw(s) - 1) * (double)(hi - lo + 1) / MODULUS);
}

/* Integer part of 1 - 10 ln(u), u = x / P. */
static long exponential_resource(stream *s)
{
    double x = draw(s);
    long a = 1;
    while (x <= (double)s->threshold[a])
        a++;
    return a;
}

/* Integer part of 1000 / a - 10 v, v = (x - 1) / (P - 2), and 0 where it is negative. */
static long inverse_cost(stream *s, long a)
{
    double numerator = 1000 * (MODULUS - 2) - 10 * (double)a * (draw(s) - 1);
    long c = (long)(numerator / ((double)a * (MODULUS - 2)));
    return c < 0 ? 0 : c;
}

/* Draws resource and cost of one pair. */
static void draw_pair(stream *s, char type, double *resource, double *cost)
{
    long a, c;
    if (type == 'C') {
        a = uniform_int(s, 5, 25);
        c = uniform_int(s, 10, 50);
    } else if (type == 'D') {
        a = uniform_int(s, 1, 100);
        c = 111 - a + uniform_int(s, -10, 10);
    } else {
        a = exponential_resource(s);
        c = inverse_cost(s, a);
    }
    *resource = (double)a;
    *cost = (double)c;
}

static void start(stream *s, long seed)
{
    s->state = power_of_16807((uint64_t)(1 + seed * 2097152) % ((uint64_t)MODULUS - 1));
    int k = 1;
    for (; MODULUS * exp(-k / 10.0) >= 1; k++)
        s->threshold[k] = (long)(MODULUS * exp(-k / 10.0));
    s->threshold[k] = 0;
}

int cp_gen_bench_gap(char type, long m, long n, long seed, cp_instance_rows **rows,
                     cp_errors *errors)
{
    if (m < 1 || n < 2 * m || m > MAX_PAIRS / n) {
        cp_errors_add(errors,
                      "generate: --size: a GAP needs M agents >= 1, N jobs >= 2 M and "
                      "M * N <= %d (value '%ldx%ld')",
                      MAX_PAIRS, m, n);
        return CP_ERR_INPUT;
    }
    if (seed < 0 || seed > MAX_SEED) {
        cp_errors_add(errors, "generate: --seed: a GAP takes a seed from 0 to %d (value '%ld')",
                      MAX_SEED, seed);
        return CP_ERR_INPUT;
    }
    stream *s = cp_calloc(1, sizeof *s);
    start(s, seed);
    size_t pairs = (size_t)m * (size_t)n;
    double *cost = cp_malloc(pairs * sizeof *cost);
    double *resource = cp_malloc(pairs * sizeof *resource);
    double *capacity = cp_malloc((size_t)m * sizeof *capacity);
    for (long i = 0; i < m; i++) {
        double total = 0;
        for (long j = 0; j < n; j++) {
            draw_pair(s, type, &resource[i * n + j], &cost[i * n + j]);
            total += resource[i * n + j];
        }
        capacity[i] = (double)(long)(4 * total / (5 * (double)m));
    }
    *rows = cp_gap_rows(m, n, cost, resource, capacity);
    free(cost);
    free(resource);
    free(capacity);
    free(s);
    return CP_OK;
}
