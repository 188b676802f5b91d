/* Tests of reading a plan from an assignments CSV (fixtures in tests/data/check-assignments for
 * the instance tests/data/check-terms): a good file, every kind of problem at once, a missing
 * column, and a round trip through the report writer. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "io/assignment_reader.h"
#include "io/instance_reader.h"
#include "report/report_writer.h"
#include "scratch.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>

#define PLANS TEST_DATA_DIR "/check-assignments/"

static int setup(void **state)
{
    cp_instance *instance = NULL;
    cp_errors errors = {0};
    assert_int_equal(cp_instance_load(TEST_DATA_DIR "/check-terms", &instance, &errors), 0);
    *state = instance;
    return 0;
}

static int teardown(void **state)
{
    cp_instance_destroy(*state);
    return 0;
}

static int index_of(const cp_strmap *map, const char *id)
{
    return id ? cp_strmap_get(map, id) : CP_NONE;
}

/* The base plan of check-terms: u1 s1, u2 s2, u3 s1, u4 unplaced, u5 s3, u6 s4, u7 s4. */
static void assert_base_plan(const cp_instance *instance, const int *plan)
{
    static const char *const users[7] = {"u1", "u2", "u3", "u4", "u5", "u6", "u7"};
    static const char *const services[7] = {"s1", "s2", "s1", NULL, "s3", "s4", "s4"};
    for (int i = 0; i < 7; i++)
        assert_int_equal(plan[index_of(instance->user_index, users[i])],
                         index_of(instance->service_index, services[i]));
}

static void print_errors(const cp_errors *errors)
{
    for (size_t i = 0; i < errors->count; i++)
        fprintf(stderr, "%s\n", errors->lines[i]);
}

static void test_reads_a_plan(void **state)
{
    cp_instance *instance = *state;
    cp_errors errors = {0};
    int *plan = NULL;
    int status = cp_assignment_read(PLANS "ok.csv", instance, &plan, &errors);
    print_errors(&errors);
    assert_int_equal(status, CP_OK);
    assert_int_equal(errors.count, 0);
    assert_base_plan(instance, plan);
    free(plan);
}

static void test_reports_every_problem(void **state)
{
    cp_instance *instance = *state;
    cp_errors errors = {0};
    static int sentinel;
    int *plan = &sentinel; /* must be reset to NULL */
    assert_int_equal(cp_assignment_read(PLANS "bad.csv", instance, &plan, &errors), CP_ERR_INPUT);
    assert_null(plan);
    static const char *const expected[] = {
        PLANS "bad.csv:4: column 'person': unknown person (value 'u9')",
        PLANS "bad.csv:5: column 'service': unknown service (value 's9')",
        PLANS "bad.csv:6: column 'person': duplicate person, first on line 2 (value 'u1')",
        PLANS "bad.csv:7: column 'person': missing value",
        PLANS "bad.csv: person 'u4' does not appear",
        PLANS "bad.csv: person 'u5' does not appear",
        PLANS "bad.csv: person 'u6' does not appear",
        PLANS "bad.csv: person 'u7' does not appear",
    };
    print_errors(&errors);
    assert_int_equal(errors.count, sizeof expected / sizeof *expected);
    for (size_t i = 0; i < errors.count; i++)
        assert_string_equal(errors.lines[i], expected[i]);
    cp_errors_clear(&errors);
}

static void test_requires_service_column(void **state)
{
    cp_instance *instance = *state;
    cp_errors errors = {0};
    int *plan = NULL;
    assert_int_equal(cp_assignment_read(PLANS "no-service.csv", instance, &plan, &errors),
                     CP_ERR_INPUT);
    assert_null(plan);
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0],
                        PLANS "no-service.csv:1: column 'service': missing required column");
    cp_errors_clear(&errors);
}

static void test_missing_file_is_input_error(void **state)
{
    cp_instance *instance = *state;
    cp_errors errors = {0};
    int *plan = NULL;
    assert_int_equal(cp_assignment_read(PLANS "absent.csv", instance, &plan, &errors),
                     CP_ERR_INPUT);
    assert_null(plan);
    assert_int_equal(errors.count, 1);
    cp_errors_clear(&errors);
}

static void test_reads_what_the_report_writer_wrote(void **state)
{
    cp_instance *instance = *state;
    cp_errors errors = {0};
    int *plan = NULL;
    assert_int_equal(cp_assignment_read(PLANS "ok.csv", instance, &plan, &errors), CP_OK);

    const cp_config *config = cp_instance_config(instance, "pooled");
    cp_check *check = NULL;
    cp_check_plan(instance, config, plan, &check);
    char *dir = scratch_create();
    const char *path = file_path(dir, "assignments.csv");
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    cp_report_assignments(out, instance, plan, check);
    fclose(out);
    cp_check_destroy(check);
    free(plan);

    plan = NULL;
    int status = cp_assignment_read(path, instance, &plan, &errors);
    scratch_remove(dir);
    print_errors(&errors);
    assert_int_equal(status, CP_OK);
    assert_base_plan(instance, plan);
    free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_a_plan),
        cmocka_unit_test(test_reports_every_problem),
        cmocka_unit_test(test_requires_service_column),
        cmocka_unit_test(test_missing_file_is_input_error),
        cmocka_unit_test(test_reads_what_the_report_writer_wrote),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
