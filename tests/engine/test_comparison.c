/* What a comparison's bounds certify: saving ranges against standalone, which configurations
 * can be ranked at the gaps reached, and whether the best is certainly the cheapest. Built by
 * hand: only the costs and bounds matter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>

#include "assert_near.h"
#include "engine/comparison.h"

enum { N = 4 };

typedef struct fixture {
    cp_config configs[N];
    cp_check checks[N];
    cp_config_result results[N];
    cp_comparison comparison;
} fixture;

/* costs[c] (NAN: no plan) with bounds[c]; the least cost is the best. */
static void build(fixture *f, const double *costs, const double *bounds)
{
    static char *const names[N] = {"standalone", "pooled", "a", "b"};
    *f = (fixture){.comparison = {.n_configs = N, .configs = f->results, .best = -1}};
    for (int c = 0; c < N; c++) {
        f->configs[c].name = names[c];
        f->checks[c].objective = costs[c];
        f->results[c] = (cp_config_result){.config = &f->configs[c],
                                           .check = isnan(costs[c]) ? NULL : &f->checks[c],
                                           .info = {.bound = bounds[c]}};
        if (!isnan(costs[c]) && (f->comparison.best < 0 || costs[c] < costs[f->comparison.best]))
            f->comparison.best = c;
    }
}

static void savings_are_ranges_from_the_bounds(void **state)
{
    (void)state;
    fixture f;
    build(&f, (double[]){1000, 900, 950, NAN}, (double[]){980, 880, 940, 0});
    cp_saving s = cp_comparison_saving(&f.comparison, 1);
    assert_near(s.value, 100);
    assert_near(s.pct, 10);
    assert_near(s.low, 980 - 900);   /* standalone's bound less pooled's cost */
    assert_near(s.high, 1000 - 880); /* standalone's cost less pooled's bound */
    s = cp_comparison_saving(&f.comparison, 0);
    assert_near(s.low, 0);
    assert_near(s.high, 0);
    s = cp_comparison_saving(&f.comparison, 3); /* no plan */
    assert_true(isnan(s.value) && isnan(s.low) && isnan(s.high));
    assert_false(cp_comparison_tied(&f.comparison, 1, 3)); /* b, without a plan, ties nothing */
}

static void unknown_bound_certifies_nothing(void **state)
{
    (void)state;
    fixture f;
    build(&f, (double[]){1000, 900, 950, 990}, (double[]){-INFINITY, 880, NAN, 990});
    cp_saving s = cp_comparison_saving(&f.comparison, 1);
    assert_true(isnan(s.low));
    assert_near(s.high, 120);
    assert_false(cp_comparison_apart(&f.comparison, 1, 2)); /* a has no bound */
    assert_true(cp_comparison_apart(&f.comparison, 1, 3));  /* 900 < 990 */
}

static void overlapping_ranges_cannot_be_ranked(void **state)
{
    (void)state;
    fixture f;
    /* pooled [880, 900] and a [895, 950] overlap; b [990, 990] lies above both. */
    build(&f, (double[]){1000, 900, 950, 990}, (double[]){980, 880, 895, 990});
    assert_false(cp_comparison_apart(&f.comparison, 1, 2));
    assert_false(cp_comparison_apart(&f.comparison, 2, 1));
    assert_true(cp_comparison_tied(&f.comparison, 1, 2));
    assert_false(cp_comparison_tied(&f.comparison, 1, 1)); /* not with itself */
    assert_true(cp_comparison_apart(&f.comparison, 1, 3));
    assert_true(cp_comparison_apart(&f.comparison, 2, 3));
    assert_false(cp_comparison_best_certified(&f.comparison));
    f.results[2].info.bound = 900.02; /* a's bound a penny and more above pooled's cost */
    assert_true(cp_comparison_apart(&f.comparison, 1, 2));
    assert_true(cp_comparison_best_certified(&f.comparison));
    f.results[2].info.bound = 900.005; /* within a penny: a tie for all we know */
    assert_false(cp_comparison_best_certified(&f.comparison));
}

static void equal_optima_are_a_tie(void **state)
{
    (void)state;
    fixture f;
    build(&f, (double[]){1000, 900, 900, 990}, (double[]){1000, 900, 900, 990});
    assert_false(cp_comparison_apart(&f.comparison, 1, 2));
    assert_true(cp_comparison_apart(&f.comparison, 0, 3));
    assert_false(cp_comparison_best_certified(&f.comparison));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(savings_are_ranges_from_the_bounds),
        cmocka_unit_test(unknown_bound_certifies_nothing),
        cmocka_unit_test(overlapping_ranges_cannot_be_ranked),
        cmocka_unit_test(equal_optima_are_a_tie),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
