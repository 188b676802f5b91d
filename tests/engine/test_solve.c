/* The engine's solve pipeline: every method returns a checked plan whose reported objective
 * is the checker's, with a bound never above it; exact and auto (exact on a small instance)
 * prove the optimum. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "core/candidates.h"
#include "engine/solve.h"
#include "instance_builder.h"
#include "util/status.h"

/* Two councils, three services, five people; one cheap far service and dear near ones. */
static cp_instance *small_market(void)
{
    cp_instance *in = tb_create();
    int a = tb_authority(in, "a", 51.5, -0.2), b = tb_authority(in, "b", 51.4, -0.1);
    tb_service(in, "near", a, "residential", 2, 900);
    tb_service(in, "mid", b, "residential", 2, 800);
    tb_service(in, "far", b, "residential", 3, 700);
    tb_user(in, "p1", a, "residential");
    tb_user(in, "p2", a, "residential");
    tb_user(in, "p3", b, "residential");
    tb_user(in, "p4", b, "residential");
    tb_user(in, "p5", a, "residential");
    tb_finish(in);
    return in;
}

static cp_solve_params params_of(cp_method method)
{
    return (cp_solve_params){.method = method,
                             .time_limit = INFINITY,
                             .formulation = CP_FORMULATION_STRONG,
                             .cuts = CP_CUTS_DEFAULT,
                             .branching = CP_BRANCHING_DECISIONS,
                             .seed = 1,
                             .threads = 1};
}

static void solves_and_checks_with_every_method(void **state)
{
    (void)state;
    cp_instance *in = small_market();
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, &in->configs[1], &c, &why), CP_OK);
    double optimum = NAN;
    const cp_method methods[] = {CP_METHOD_EXACT, CP_METHOD_HEURISTIC, CP_METHOD_AUTO};
    for (int m = 0; m < 3; m++) {
        cp_solve_params params = params_of(methods[m]);
        cp_solve_result r;
        assert_int_equal(cp_engine_solve(&params, c, &r), CP_OK);
        assert_non_null(r.plan);
        assert_non_null(r.check);
        assert_int_equal(r.check->violations.count, 0);
        assert_true(r.info.bound <= r.check->objective);
        assert_true(r.info.gap >= 0);
        assert_int_equal(r.info.threads, 1);
        if (m == 0)
            optimum = r.check->objective;
        assert_true(r.check->objective >= optimum - 1e-6);
        if (methods[m] != CP_METHOD_HEURISTIC) { /* small: auto takes exact, which proves it */
            assert_int_equal(r.status, CP_STATUS_OPTIMAL);
            assert_true(fabs(r.check->objective - optimum) < 1e-6);
        }
        cp_solve_result_free(&r);
    }
    cp_candidates_destroy(c);
    cp_errors_clear(&why);
    cp_instance_destroy(in);
}

static void result_without_plan_has_no_bound(void **state)
{
    (void)state;
    cp_solve_result r = cp_solve_result_none(CP_STATUS_INFEASIBLE, "filters");
    assert_null(r.plan);
    assert_null(r.check);
    assert_string_equal(r.info.status, "infeasible");
    assert_string_equal(r.info.method, "filters");
    assert_false(isfinite(r.info.bound));
    assert_false(isfinite(r.info.gap));
    cp_solve_result_free(&r);
    cp_solve_result_free(NULL);
}

static void method_names_round_trip(void **state)
{
    (void)state;
    const cp_method methods[] = {CP_METHOD_AUTO, CP_METHOD_HEURISTIC, CP_METHOD_EXACT};
    for (int m = 0; m < 3; m++) {
        cp_method back;
        assert_true(cp_method_parse(cp_method_name(methods[m]), &back));
        assert_int_equal(back, methods[m]);
    }
    cp_method unchanged = CP_METHOD_EXACT;
    assert_false(cp_method_parse("fast", &unchanged));
    assert_int_equal(unchanged, CP_METHOD_EXACT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(solves_and_checks_with_every_method),
        cmocka_unit_test(result_without_plan_has_no_bound),
        cmocka_unit_test(method_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
