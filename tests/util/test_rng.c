/* Tests of the deterministic random number generator (util/rng.h): reference values of
 * xoshiro256** seeded through splitmix64 and of FNV-1a, reproducibility per (seed, stream),
 * the ranges of every draw and loose checks of the distributions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "util/rng.h"

#define DRAWS 100000

/* Values from an independent Python transcription of splitmix64 and xoshiro256**. */
static void test_reference_sequence(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 42, 7);
    assert_true(cp_rng_next(&rng) == 0x24bfb39aeb008c15ULL);
    assert_true(cp_rng_next(&rng) == 0xd858489e7fc02496ULL);
    assert_true(cp_rng_next(&rng) == 0x3deebe24036964f3ULL);
    cp_rng_seed(&rng, 0, 0);
    assert_true(cp_rng_next(&rng) == 0xfb5405f7bd79c540ULL);
    assert_true(cp_rng_next(&rng) == 0x780c98e26cea5883ULL);
}

static void test_same_seed_and_stream_repeat(void **state)
{
    (void)state;
    cp_rng a, b;
    cp_rng_seed(&a, 123, 456);
    cp_rng_seed(&b, 123, 456);
    for (int k = 0; k < 1000; k++)
        assert_true(cp_rng_next(&a) == cp_rng_next(&b));
}

/* Counts the positions where two sequences of 100 draws agree. */
static int agreements(uint64_t seed_a, uint64_t stream_a, uint64_t seed_b, uint64_t stream_b)
{
    cp_rng a, b;
    cp_rng_seed(&a, seed_a, stream_a);
    cp_rng_seed(&b, seed_b, stream_b);
    int same = 0;
    for (int k = 0; k < 100; k++)
        same += cp_rng_next(&a) == cp_rng_next(&b);
    return same;
}

static void test_streams_and_seeds_differ(void **state)
{
    (void)state;
    assert_int_equal(agreements(1, 0, 1, 1), 0);
    assert_int_equal(agreements(1, 5, 2, 5), 0);
    assert_int_equal(agreements(0, 0, 0, 1), 0);
    /* Swapping seed and stream is not the same generator either. */
    assert_int_equal(agreements(3, 9, 9, 3), 0);
    assert_int_equal(agreements(7, 7, 7, 7), 100);
}

static void test_stream_of(void **state)
{
    (void)state;
    /* FNV-1a 64: the empty text is the offset basis; "a" is the published test vector. */
    assert_true(cp_rng_stream_of("") == 0xcbf29ce484222325ULL);
    assert_true(cp_rng_stream_of("a") == 0xaf63dc4c8601ec8cULL);
    assert_true(cp_rng_stream_of("b") == 0xaf63df4c8601f1a5ULL);
    assert_true(cp_rng_stream_of("MRT") == 0x1e525b19b5577f3eULL);
    assert_true(cp_rng_stream_of("MRT") == cp_rng_stream_of("MRT"));
    assert_true(cp_rng_stream_of("MRT") != cp_rng_stream_of("MRt"));
}

static void test_uniform_range_and_mean(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 5, 0);
    double sum = 0, low = 1, high = 0;
    for (int k = 0; k < DRAWS; k++) {
        double u = cp_rng_uniform(&rng);
        assert_true(u >= 0.0 && u < 1.0);
        sum += u;
        low = fmin(low, u);
        high = fmax(high, u);
    }
    assert_float_equal(sum / DRAWS, 0.5, 0.01);
    assert_true(low < 0.001);
    assert_true(high > 0.999);
}

static void test_range(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 6, 0);
    for (int k = 0; k < 10000; k++) {
        double x = cp_rng_range(&rng, -3.0, 2.0);
        assert_true(x >= -3.0 && x < 2.0);
    }
}

static void test_int_covers_bounds(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 7, 0);
    int counts[6] = {0};
    for (int k = 0; k < 60000; k++) {
        long x = cp_rng_int(&rng, 3, 8);
        assert_true(x >= 3 && x <= 8);
        counts[x - 3]++;
    }
    for (int v = 0; v < 6; v++)
        assert_in_range(counts[v], 9000, 11000);
}

static void test_int_single_value_and_negative(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 8, 0);
    for (int k = 0; k < 100; k++)
        assert_int_equal(cp_rng_int(&rng, 4, 4), 4);
    for (int k = 0; k < 100; k++)
        assert_int_equal(cp_rng_int(&rng, -9, -9), -9);
    int seen_low = 0, seen_high = 0;
    for (int k = 0; k < 10000; k++) {
        long x = cp_rng_int(&rng, -5, -2);
        assert_true(x >= -5 && x <= -2);
        seen_low |= x == -5;
        seen_high |= x == -2;
    }
    assert_true(seen_low && seen_high);
    seen_low = seen_high = 0;
    for (int k = 0; k < 10000; k++) {
        long x = cp_rng_int(&rng, -4, 4);
        assert_true(x >= -4 && x <= 4);
        seen_low |= x == -4;
        seen_high |= x == 4;
    }
    assert_true(seen_low && seen_high);
}

static void test_chance(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 9, 0);
    int hits = 0;
    for (int k = 0; k < DRAWS; k++)
        hits += cp_rng_chance(&rng, 0.3);
    assert_in_range(hits, 29000, 31000);
    for (int k = 0; k < 1000; k++) {
        assert_int_equal(cp_rng_chance(&rng, 0.0), 0);
        assert_int_equal(cp_rng_chance(&rng, 1.0), 1);
    }
}

static void test_weighted(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 10, 0);
    const double weights[] = {0, 1, 0, 3, 0, 6, 0};
    int counts[7] = {0};
    for (int k = 0; k < DRAWS; k++) {
        size_t i = cp_rng_weighted(&rng, weights, 7);
        assert_true(i < 7);
        counts[i]++;
    }
    assert_int_equal(counts[0], 0);
    assert_int_equal(counts[2], 0);
    assert_int_equal(counts[4], 0);
    assert_int_equal(counts[6], 0);
    assert_in_range(counts[1], 9000, 11000);
    assert_in_range(counts[3], 28500, 31500);
    assert_in_range(counts[5], 58500, 61500);
    /* One positive weight among zeros, at either end. */
    const double first[] = {2, 0, 0}, last[] = {0, 0, 0.5};
    for (int k = 0; k < 1000; k++) {
        assert_int_equal(cp_rng_weighted(&rng, first, 3), 0);
        assert_int_equal(cp_rng_weighted(&rng, last, 3), 2);
    }
}

static void test_normal(void **state)
{
    (void)state;
    cp_rng rng;
    cp_rng_seed(&rng, 11, 0);
    double sum = 0, squares = 0;
    int within_one_sd = 0;
    for (int k = 0; k < DRAWS; k++) {
        double x = cp_rng_normal(&rng, 10.0, 2.0);
        assert_true(isfinite(x));
        sum += x;
        squares += x * x;
        within_one_sd += fabs(x - 10.0) < 2.0;
    }
    double mean = sum / DRAWS, sd = sqrt(squares / DRAWS - mean * mean);
    assert_float_equal(mean, 10.0, 0.05);
    assert_float_equal(sd, 2.0, 0.05);
    /* 68.3% within one standard deviation. */
    assert_in_range(within_one_sd, 67300, 69300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_sequence),
        cmocka_unit_test(test_same_seed_and_stream_repeat),
        cmocka_unit_test(test_streams_and_seeds_differ),
        cmocka_unit_test(test_stream_of),
        cmocka_unit_test(test_uniform_range_and_mean),
        cmocka_unit_test(test_range),
        cmocka_unit_test(test_int_covers_bounds),
        cmocka_unit_test(test_int_single_value_and_negative),
        cmocka_unit_test(test_chance),
        cmocka_unit_test(test_weighted),
        cmocka_unit_test(test_normal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
