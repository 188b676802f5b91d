/* The exact method on small instances whose optimum is known by hand, one model feature
 * each; both formulations must agree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "core/candidates.h"
#include "instance_builder.h"
#include "mip/model.h"
#include "mip/solve.h"
#include "util/log.h"
#include "util/status.h"

/* The column values of plan (a warm start) satisfy every row and bound of both formulations
 * and cost objective. */
static void expect_columns_of_plan(const cp_candidates *c, const int *plan, double objective)
{
    for (int f = 0; f < 2; f++) {
        cp_mip_model *model =
            cp_mip_model_build(c, f == 0 ? CP_FORMULATION_STRONG : CP_FORMULATION_WEAK, false);
        glp_prob *prob = model->prob;
        int n_cols = glp_get_num_cols(prob), n_rows = glp_get_num_rows(prob);
        double *x = calloc((size_t)n_cols + 1, sizeof *x);
        cp_mip_model_columns_of_plan(model, plan, x);
        double cost = 0;
        for (int j = 1; j <= n_cols; j++) {
            cost += glp_get_obj_coef(prob, j) * x[j];
            assert_true(x[j] >= glp_get_col_lb(prob, j) - 1e-9);
            if (glp_get_col_type(prob, j) == GLP_DB || glp_get_col_type(prob, j) == GLP_FX ||
                glp_get_col_kind(prob, j) == GLP_BV)
                assert_true(x[j] <= glp_get_col_ub(prob, j) + 1e-9);
        }
        assert_true(fabs(cost - objective) < 1e-6);
        int *index = calloc((size_t)n_cols + 1, sizeof *index);
        double *value = calloc((size_t)n_cols + 1, sizeof *value);
        for (int i = 1; i <= n_rows; i++) {
            int len = glp_get_mat_row(prob, i, index, value);
            double activity = 0;
            for (int k = 1; k <= len; k++)
                activity += value[k] * x[index[k]];
            int type = glp_get_row_type(prob, i);
            if (type == GLP_LO || type == GLP_DB || type == GLP_FX)
                assert_true(activity >= glp_get_row_lb(prob, i) - 1e-6);
            if (type == GLP_UP || type == GLP_DB || type == GLP_FX)
                assert_true(activity <= glp_get_row_ub(prob, i) + 1e-6);
        }
        free(index);
        free(value);
        free(x);
        cp_mip_model_destroy(model);
    }
}

/* Solves under config twice, strong with cuts and decision branching, then weak with GLPK's
 * defaults; asserts status and optimum, returns the strong formulation's plan in plan
 * (n_users entries). An optimal plan is then checked as a warm start: its column values
 * satisfy both models, and a solve started from it ends at the same optimum. */
static void solve_expect(cp_instance *in, const char *config, cp_solution_status status,
                         double optimum, int *plan)
{
    cp_log_set_verbosity(CP_QUIET);
    cp_candidates *c = NULL;
    cp_errors why = {0};
    assert_int_equal(cp_candidates_build(in, cp_instance_config(in, config), &c, &why), CP_OK);
    for (int f = 0; f < 2; f++) {
        cp_mip_options options = cp_mip_options_default();
        options.formulation = f == 0 ? CP_FORMULATION_STRONG : CP_FORMULATION_WEAK;
        options.cuts = f == 0 ? CP_CUTS_DEFAULT : CP_CUTS_NONE;
        options.branching = f == 0 ? CP_BRANCHING_DECISIONS : CP_BRANCHING_GLPK;
        cp_solution s;
        assert_int_equal(cp_mip_solve(c, &options, &s), CP_OK);
        assert_int_equal(s.status, status);
        if (status == CP_STATUS_OPTIMAL) {
            assert_true(fabs(s.objective - optimum) < 1e-6);
            assert_true(fabs(s.bound - optimum) < 1e-6);
            for (int u = 0; f == 0 && plan && u < in->n_users; u++)
                plan[u] = s.service_of_user[u];
        } else {
            assert_null(s.service_of_user);
        }
        if (status == CP_STATUS_OPTIMAL && f == 0) {
            expect_columns_of_plan(c, s.service_of_user, optimum);
            options.start = s.service_of_user;
            cp_solution warm;
            assert_int_equal(cp_mip_solve(c, &options, &warm), CP_OK);
            assert_int_equal(warm.status, CP_STATUS_OPTIMAL);
            assert_true(fabs(warm.objective - optimum) < 1e-6);
            cp_solution_free(&warm);
        }
        cp_solution_free(&s);
    }
    cp_candidates_destroy(c);
}

static void test_candidate_opens_only_when_viable(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "existing", 0, "home", 2, 100);
    int cand = tb_service(in, "new", 0, "home", 3, 10);
    in->services[cand].candidate = true;
    in->services[cand].fixed_cost = 50;
    in->services[cand].min_occupancy = 3;
    tb_user(in, "u1", 0, "home");
    tb_user(in, "u2", 0, "home");
    tb_finish(in);
    int plan[3];
    /* two people cannot fill three places: both go to the existing service */
    solve_expect(in, "pooled", CP_STATUS_OPTIMAL, 200, plan);
    assert_int_equal(plan[0], 0);
    in->services[cand].min_occupancy = 2;
    solve_expect(in, "pooled", CP_STATUS_OPTIMAL, 70, plan); /* 2 x 10 + 50 */
    assert_int_equal(plan[1], cand);
    cp_instance_destroy(in);
}

static void test_volume_tier_pays_for_itself(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_authority(in, "b", 51.0, 0.0);
    tb_service(in, "p", 0, "home", 5, 100);
    tb_service(in, "q", 0, "home", 5, 95);
    tb_tier(in, "p", 2, 0.10);
    tb_user(in, "u1", 0, "home");
    tb_user(in, "u2", 1, "home");
    tb_finish(in);
    solve_expect(in, "pooled", CP_STATUS_OPTIMAL, 180, NULL);     /* 200 less 10% */
    solve_expect(in, "standalone", CP_STATUS_OPTIMAL, 190, NULL); /* no pool reaches 2 */
    cp_instance_destroy(in);
}

static void test_contracts_and_share_cap(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "p", 0, "home", 5, 100);
    tb_service(in, "q", 0, "home", 5, 90);
    tb_user(in, "u1", 0, "home");
    tb_user(in, "u2", 0, "home");
    in->settings.contract_cost = 50;
    tb_finish(in);
    solve_expect(in, "pooled", CP_STATUS_OPTIMAL, 230, NULL); /* both at q, one contract */
    in->settings.max_provider_share = 0.5;
    solve_expect(in, "pooled", CP_STATUS_OPTIMAL, 290, NULL); /* one each, two contracts */
    cp_instance_destroy(in);
}

static void test_group_stays_together_or_is_unplaced(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "single", 0, "home", 1, 10);
    tb_service(in, "double", 0, "home", 2, 50);
    tb_user(in, "g1", 0, "home");
    tb_user(in, "g2", 0, "home");
    tb_group(in, 0, "siblings");
    tb_group(in, 1, "siblings");
    tb_finish(in);
    int plan[2];
    solve_expect(in, "pooled", CP_STATUS_OPTIMAL, 100, plan);
    assert_int_equal(plan[0], 1);
    assert_int_equal(plan[1], 1);
    in->services[1].capacity = 1;
    solve_expect(in, "pooled", CP_STATUS_INFEASIBLE, 0, NULL);
    cp_instance_destroy(in);
}

static void test_spot_cost_when_capacity_runs_out(void **state)
{
    (void)state;
    cp_instance *in = tb_create();
    tb_authority(in, "a", 51.0, 0.0);
    tb_service(in, "s", 0, "home", 1, 10);
    tb_user(in, "u1", 0, "home");
    tb_user(in, "u2", 0, "home");
    for (int u = 0; u < 2; u++) {
        in->users[u].has_spot_cost = true;
        in->users[u].spot_cost = 30;
    }
    in->users[1].current_service = 0;
    in->settings.move_cost = 5;
    tb_finish(in);
    int plan[2];
    /* u2 stays (10); u1 is unplaced (30); moving u2 out would cost 5 more */
    solve_expect(in, "pooled", CP_STATUS_OPTIMAL, 40, plan);
    assert_int_equal(plan[0], CP_NONE);
    assert_int_equal(plan[1], 0);
    cp_instance_destroy(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_candidate_opens_only_when_viable),
        cmocka_unit_test(test_volume_tier_pays_for_itself),
        cmocka_unit_test(test_contracts_and_share_cap),
        cmocka_unit_test(test_group_stays_together_or_is_unplaced),
        cmocka_unit_test(test_spot_cost_when_capacity_runs_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
