/* The GLPK error guard: a fatal GLPK error inside the guarded work returns false instead of
 * ending the process, and GLPK works afresh after it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <glpk.h>
#include <stdbool.h>

#include "mip/guard.h"

typedef struct work_state {
    int steps; /* steps completed before the error, if any */
    bool fail;
} work_state;

/* Makes a problem with one column; asks, when told to fail, for column 2 (a fatal error). */
static void work(void *context)
{
    work_state *w = context;
    glp_prob *prob = glp_create_prob();
    glp_add_cols(prob, 1);
    w->steps = 1;
    glp_get_col_lb(prob, w->fail ? 2 : 1);
    w->steps = 2;
    glp_delete_prob(prob);
}

static void test_returns_true_when_glpk_succeeds(void **unused)
{
    (void)unused;
    work_state w = {0, false};
    assert_true(cp_mip_guard(work, &w));
    assert_int_equal(w.steps, 2);
}

static void test_fatal_error_returns_false_and_glpk_works_after(void **unused)
{
    (void)unused;
    glp_term_out(GLP_OFF); /* GLPK prints the error before the hook is called */
    work_state w = {0, true};
    assert_false(cp_mip_guard(work, &w));
    assert_int_equal(w.steps, 1);
    w = (work_state){0, false};
    assert_true(cp_mip_guard(work, &w));
    assert_int_equal(w.steps, 2);
    glp_free_env();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_returns_true_when_glpk_succeeds),
        cmocka_unit_test(test_fatal_error_returns_false_and_glpk_works_after),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
