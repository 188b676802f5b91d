/* xoshiro256** by Blackman and Vigna (public domain reference algorithm), seeded with
 * splitmix64 from the seed and the stream number. */
#include "util/rng.h"

#include <math.h>

static const double pi = 3.14159265358979323846;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void cp_rng_seed(cp_rng *rng, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ splitmix64(&stream);
    for (int i = 0; i < 4; i++)
        rng->state[i] = splitmix64(&x);
}

uint64_t cp_rng_stream_of(const char *text)
{
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        hash = (hash ^ *c) * 0x100000001b3ULL;
    return hash;
}

uint64_t cp_rng_next(cp_rng *rng)
{
    uint64_t *s = rng->state;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double cp_rng_uniform(cp_rng *rng)
{
    return (double)(cp_rng_next(rng) >> 11) * 0x1.0p-53;
}

double cp_rng_range(cp_rng *rng, double low, double high)
{
    return low + (high - low) * cp_rng_uniform(rng);
}

long cp_rng_int(cp_rng *rng, long low, long high)
{
    uint64_t span = (uint64_t)high - (uint64_t)low + 1; /* wraps to 0 for the full range */
    if (span == 0)
        return (long)cp_rng_next(rng);
    /* Rejects the top partial block so that every value is equally likely. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t x;
    do
        x = cp_rng_next(rng);
    while (x >= limit);
    return low + (long)(x % span);
}

int cp_rng_chance(cp_rng *rng, double p)
{
    return cp_rng_uniform(rng) < p;
}

double cp_rng_normal(cp_rng *rng, double mean, double sd)
{
    double u = 1.0 - cp_rng_uniform(rng); /* in (0, 1] */
    double v = cp_rng_uniform(rng);
    return mean + sd * sqrt(-2.0 * log(u)) * cos(2.0 * pi * v);
}

size_t cp_rng_weighted(cp_rng *rng, const double *weights, size_t n)
{
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += weights[i];
    double target = cp_rng_uniform(rng) * total;
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] <= 0)
            continue;
        last = i;
        if (target < weights[i])
            return i;
        target -= weights[i];
    }
    return last;
}
