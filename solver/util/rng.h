/* A small deterministic random number generator (xoshiro256**, seeded through splitmix64).
 * The same seed and stream give the same numbers on every run, so generated instances and
 * randomised methods are reproducible; independent streams let each worker or each council
 * draw its own numbers without depending on the order of the others. */
#ifndef CAREPOOL_UTIL_RNG_H
#define CAREPOOL_UTIL_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct cp_rng {
    uint64_t state[4];
} cp_rng;

/* Seeds rng for (seed, stream): different streams of one seed are independent sequences. */
void cp_rng_seed(cp_rng *rng, uint64_t seed, uint64_t stream);

/* Returns a stream number for a text (FNV-1a), e.g. a council's code. */
uint64_t cp_rng_stream_of(const char *text);

/* The next 64 random bits. */
uint64_t cp_rng_next(cp_rng *rng);

/* Uniform in [0, 1), with 53 random bits. */
double cp_rng_uniform(cp_rng *rng);

/* Uniform in [low, high). */
double cp_rng_range(cp_rng *rng, double low, double high);

/* Uniform integer in [low, high] (inclusive, low <= high), without modulo bias. */
long cp_rng_int(cp_rng *rng, long low, long high);

/* 1 with probability p, else 0. */
int cp_rng_chance(cp_rng *rng, double p);

/* Normally distributed (Box-Muller; one value per call so that the sequence does not depend
 * on hidden state). */
double cp_rng_normal(cp_rng *rng, double mean, double sd);

/* An index in [0, n) drawn with probability proportional to weights[i] (>= 0, not all 0). */
size_t cp_rng_weighted(cp_rng *rng, const double *weights, size_t n);

#endif
