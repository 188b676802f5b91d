/* Closing moves on hand-made plans whose every single move makes things worse: a candidate
 * service's fixed cost, a contract's cost, and a closing that would overfill the only other
 * service and must be undone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "core/candidates.h"
#include "heur/close.h"
#include "heur/state.h"
#include "instance_builder.h"
#include "model_fixture.h"

/* n people of authority a; s0 (capacity capacity0, 100 a week) and s1 (95 a week), two
 * providers, everything at one point; each unit k has pairs 2k (s0) and 2k + 1 (s1). */
static cp_instance *two_services(int n, double capacity0)
{
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "s0", 0, "home", capacity0, 100);
    tb_service(in, "s1", 0, "home", 5, 95);
    for (int u = 0; u < n; u++) {
        char id[4] = {'u', (char)('0' + u), 0};
        tb_user(in, id, 0, "home");
    }
    return in;
}

static model_fixture prepare(cp_instance *in)
{
    tb_finish(in);
    return model_fixture_of(in);
}

/* s1 a candidate with fixed cost 50: two people there cost 95 + 95 + 50 = 240; either alone
 * to s0 costs 5 more; both to s0 cost 200. */
static void test_closes_candidate_service(void **state)
{
    (void)state;
    cp_instance *in = two_services(2, 5);
    in->services[1].candidate = true;
    in->services[1].fixed_cost = 50;
    model_fixture f = prepare(in);
    int plan[2] = {1, 3};
    double objective = 0;
    assert_true(cp_close_improve(f.m, plan, 50, &objective));
    assert_int_equal(plan[0], 0);
    assert_int_equal(plan[1], 2);
    assert_true(fabs(objective - 200) < 1e-9);
    model_fixture_release(&f);
}

/* Contract cost 40 a provider; two people in each: 2 x 100 + 2 x 95 + 80 = 470. Closing s0's
 * contract (the first of two of two people) gives 4 x 95 + 40 = 420; closing s1's then would
 * give 440 and is undone. */
static void test_closes_contract(void **state)
{
    (void)state;
    cp_instance *in = two_services(4, 5);
    in->settings.contract_cost = 40;
    model_fixture f = prepare(in);
    int plan[4] = {0, 2, 5, 7};
    double objective = 0;
    assert_true(cp_close_improve(f.m, plan, 50, &objective));
    for (int k = 0; k < 4; k++)
        assert_int_equal(plan[k], 2 * k + 1);
    assert_true(fabs(objective - 420) < 1e-9);

    /* a limit of one unit: nothing may close */
    int small[4] = {0, 2, 5, 7};
    assert_false(cp_close_improve(f.m, small, 1, &objective));
    assert_true(fabs(objective - 470) < 1e-9);
    model_fixture_release(&f);
}

/* As the first, but s0 holds one person: emptying s1 would overfill it, so the plan stays. */
static void test_undoes_infeasible_closing(void **state)
{
    (void)state;
    cp_instance *in = two_services(2, 1);
    in->services[1].candidate = true;
    in->services[1].fixed_cost = 50;
    model_fixture f = prepare(in);
    int plan[2] = {1, 3};
    double objective = 0;
    assert_false(cp_close_improve(f.m, plan, 50, &objective));
    assert_int_equal(plan[0], 1);
    assert_int_equal(plan[1], 3);
    assert_true(fabs(objective - 240) < 1e-9);
    model_fixture_release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closes_candidate_service),
        cmocka_unit_test(test_closes_contract),
        cmocka_unit_test(test_undoes_infeasible_closing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
