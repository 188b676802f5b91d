/* Tests of reading a sweep's PLAN.csv: columns become solve's options (set:KEY as --set
 * KEY=VALUE, empty cells none), instances resolve against the plan's directory, and each
 * problem is reported with its line and column while the other rows are still read. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "scratch.h"
#include "sweep/plan.h"
#include "util/status.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void make_instance_dir(const char *dir, const char *name)
{
    assert_int_equal(mkdir(file_path(dir, name), 0700), 0);
}

static bool has_error(const cp_errors *errors, const char *text)
{
    for (size_t i = 0; i < errors->count; i++)
        if (strstr(errors->lines[i], text))
            return true;
    return false;
}

static void test_columns_become_options(void **state)
{
    make_instance_dir(*state, "here");
    const char *path = file_path(*state, "plan.csv");
    file_write(path, "id,instance,config,time_limit,set:distance_weight,seed\n"
                     "a,here,pooled,30,2.5,\n"
                     "b, here ,,,,7\n");
    cp_errors errors = {0};
    cp_sweep_plan *plan = NULL;
    assert_int_equal(cp_sweep_plan_read(path, &plan, &errors), CP_OK);
    assert_false(cp_errors_any(&errors));
    assert_int_equal(plan->n_scenarios, 2);
    const cp_sweep_scenario *a = &plan->scenarios[0], *b = &plan->scenarios[1];
    assert_string_equal(a->id, "a");
    assert_string_equal(a->instance, file_path(*state, "here"));
    assert_true(a->usable);
    assert_int_equal(a->n_options, 3);
    assert_string_equal(a->options[0].flag, "--config");
    assert_string_equal(a->options[1].flag, "--time-limit");
    assert_string_equal(a->options[1].value, "30");
    assert_string_equal(a->options[2].flag, "--set");
    assert_string_equal(a->options[2].value, "distance_weight=2.5");
    assert_string_equal(a->options[2].column, "set:distance_weight");
    assert_int_equal(b->n_options, 1); /* empty cells take solve's defaults */
    assert_string_equal(b->options[0].flag, "--seed");
    assert_string_equal(b->instance, file_path(*state, "here"));
    assert_int_equal(b->line, 3);
    assert_string_equal(plan->cells[1][1], "here");
    assert_int_not_equal(plan->fingerprint, 0);
    cp_sweep_plan_destroy(plan);
}

static void test_row_problems_name_line_and_column(void **state)
{
    make_instance_dir(*state, "here");
    const char *path = file_path(*state, "plan.csv");
    file_write(path, "id,instance\n"
                     "a,here\n"
                     "a,here\n"
                     "b/c,here\n"
                     "d,missing\n"
                     "e,\n");
    cp_errors errors = {0};
    cp_sweep_plan *plan = NULL;
    assert_int_equal(cp_sweep_plan_read(path, &plan, &errors), CP_OK);
    assert_true(has_error(&errors, "plan.csv:3: column 'id': repeated (first on line 2)"));
    assert_true(has_error(&errors, "plan.csv:4: column 'id': an id is required"));
    assert_true(has_error(&errors, "plan.csv:5: column 'instance': no such directory"));
    assert_true(has_error(&errors, "plan.csv:6: column 'instance': missing value"));
    assert_int_equal(errors.count, 4);
    assert_true(plan->scenarios[2].usable);
    assert_false(plan->scenarios[3].usable);
    cp_errors_clear(&errors);
    cp_sweep_plan_destroy(plan);
}

static void test_unknown_and_missing_columns_refuse_the_plan(void **state)
{
    const char *path = file_path(*state, "plan.csv");
    file_write(path, "id,colour\na,red\n");
    cp_errors errors = {0};
    cp_sweep_plan *plan = (cp_sweep_plan *)&errors;
    assert_int_equal(cp_sweep_plan_read(path, &plan, &errors), CP_ERR_INPUT);
    assert_null(plan);
    assert_true(has_error(&errors, "plan.csv:1: column 'colour': unknown column"));
    assert_true(has_error(&errors, "column 'instance': required column missing"));
    cp_errors_clear(&errors);
    file_write(path, "id,instance\n");
    assert_int_equal(cp_sweep_plan_read(path, &plan, &errors), CP_ERR_INPUT);
    assert_true(has_error(&errors, "no scenarios"));
    cp_errors_clear(&errors);
}

static void test_column_flags(void **state)
{
    (void)state;
    assert_string_equal(cp_sweep_plan_flag("work"), "--work");
    assert_string_equal(cp_sweep_plan_flag("set:local_km"), "--set");
    assert_null(cp_sweep_plan_flag("set:"));
    assert_null(cp_sweep_plan_flag("id"));
    assert_null(cp_sweep_plan_flag("output"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_columns_become_options, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_row_problems_name_line_and_column, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_unknown_and_missing_columns_refuse_the_plan,
                                        scratch_setup, scratch_teardown),
        cmocka_unit_test(test_column_flags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
