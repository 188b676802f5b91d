/* assert_near(actual, expected): doubles equal within 1e-9, for cmocka tests (cmocka's
 * assert_float_equal compares floats). Include after cmocka.h. */
#ifndef CAREPOOL_TESTS_ASSERT_NEAR_H
#define CAREPOOL_TESTS_ASSERT_NEAR_H

#include <math.h>

#define ASSERT_NEAR_EPS 1e-9

#define assert_near(actual, expected)                                                              \
    do {                                                                                           \
        double actual_ = (actual), expected_ = (expected);                                         \
        if (fabs(actual_ - expected_) > ASSERT_NEAR_EPS)                                           \
            fail_msg("%.12g, expected %.12g", actual_, expected_);                                 \
    } while (0)

#endif
