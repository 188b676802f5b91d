/* Tests of the GAP importer: exact content of the instance written for a tiny file, the
 * output directory rules (empty replaced, non-empty refused, nothing left on failure) and
 * the message for every kind of bad file. Each test works in its own temporary directory. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "io/gap_import.h"
#include "scratch.h"
#include "util/alloc.h"
#include "util/status.h"

typedef struct workspace {
    char *root;       /* a scratch directory */
    char input[128];  /* root/in.gap */
    char output[128]; /* root/out */
    cp_errors errors;
} workspace;

static int setup(void **state)
{
    workspace *w = cp_calloc(1, sizeof *w);
    w->root = scratch_create();
    snprintf(w->input, sizeof w->input, "%s/in.gap", w->root);
    snprintf(w->output, sizeof w->output, "%s/out", w->root);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    workspace *w = *state;
    scratch_remove(w->root);
    cp_errors_clear(&w->errors);
    free(w);
    return 0;
}

static void assert_file(const char *directory, const char *name, const char *expected)
{
    file_assert_text(file_path(directory, name), expected);
}

static void assert_listing(const char *directory, const char *expected)
{
    assert_string_equal(file_listing(directory), expected);
}

/* Asserts that error line i is "INPUT" followed by rest. */
static void assert_error(const workspace *w, size_t i, const char *rest)
{
    char expected[512];
    snprintf(expected, sizeof expected, "%s%s", w->input, rest);
    assert_true(i < w->errors.count);
    assert_string_equal(w->errors.lines[i], expected);
}

/* 2 agents, 3 jobs, with lines wrapped differently from the matrix rows. */
static const char tiny_gap[] = " 2 3\n 3 5\n4.5\n5 2 7\n2 3 2 1 2 4\n3 6\n";

static void assert_tiny_instance(const char *directory)
{
    assert_listing(directory, "authorities.csv quotes.csv services.csv settings.csv users.csv");
    assert_file(directory, "authorities.csv", "id,name,lat,lon\ngap,gap,0,0\n");
    assert_file(directory, "services.csv",
                "id,authority,type,capacity,weekly_price\n"
                "a1,gap,agent,3,0\n"
                "a2,gap,agent,6,0\n");
    assert_file(directory, "users.csv",
                "id,authority,types\n"
                "j1,gap,agent\n"
                "j2,gap,agent\n"
                "j3,gap,agent\n");
    assert_file(directory, "quotes.csv",
                "user,service,weekly_cost,places\n"
                "j1,a1,3,2\n"
                "j1,a2,5,1\n"
                "j2,a1,5,3\n"
                "j2,a2,2,2\n"
                "j3,a1,4.5,2\n"
                "j3,a2,7,4\n");
    assert_file(directory, "settings.csv", "key,value\nquotes_only,true\nspot_cost,none\n");
}

static void test_imports_tiny_file(void **state)
{
    workspace *w = *state;
    file_write(w->input, tiny_gap);
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_OK);
    assert_int_equal(w->errors.count, 0);
    assert_tiny_instance(w->output);
    assert_listing(w->root, "in.gap out");
}

static void test_accepts_trailing_slash_and_real_numbers(void **state)
{
    workspace *w = *state;
    file_write(w->input, "1 2\n0.1 1e2\n2.25 3\n6\n");
    char output[160];
    snprintf(output, sizeof output, "%s/", w->output);
    assert_int_equal(cp_gap_import(w->input, output, &w->errors), CP_OK);
    assert_file(w->output, "quotes.csv",
                "user,service,weekly_cost,places\n"
                "j1,a1,0.1,2.25\n"
                "j2,a1,100,3\n");
    assert_listing(w->root, "in.gap out");
}

static void test_replaces_empty_directory(void **state)
{
    workspace *w = *state;
    file_write(w->input, tiny_gap);
    assert_int_equal(mkdir(w->output, 0755), 0);
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_OK);
    assert_tiny_instance(w->output);
    assert_listing(w->root, "in.gap out");
}

static void test_refuses_non_empty_directory(void **state)
{
    workspace *w = *state;
    file_write(w->input, tiny_gap);
    assert_int_equal(mkdir(w->output, 0755), 0);
    char keep[160];
    snprintf(keep, sizeof keep, "%s/keep.txt", w->output);
    file_write(keep, "mine\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 1);
    char expected[256];
    snprintf(expected, sizeof expected,
             "%s: output directory is not empty (refusing to overwrite it)", w->output);
    assert_string_equal(w->errors.lines[0], expected);
    assert_listing(w->output, "keep.txt");
    assert_listing(w->root, "in.gap out");
}

static void test_truncated_file(void **state)
{
    workspace *w = *state;
    file_write(w->input, "2 3\n3 5 4\n5 2 7\n2 3 2\n1 2 4\n3\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 1);
    assert_error(w, 0,
                 ":6: truncated after token 15 (capacity of agent 1): "
                 "expected 16 tokens for m = 2, n = 3");
    assert_listing(w->root, "in.gap");
}

static void test_truncated_after_sizes(void **state)
{
    workspace *w = *state;
    file_write(w->input, "5 15\n\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 1);
    assert_error(w, 0,
                 ":1: truncated after token 2 (number of jobs n): "
                 "expected 157 tokens for m = 5, n = 15");
}

static void test_reports_every_bad_token(void **state)
{
    workspace *w = *state;
    file_write(w->input, "2 3\n3 x 4\n-1 2 7\n2 3 2\n1 0 4\n-3 6 9 10\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 5);
    assert_error(w, 0, ":2: token 4 (cost of agent 1, job 2): not a number (value 'x')");
    assert_error(w, 1, ":3: token 6 (cost of agent 2, job 1): must be >= 0 (value '-1')");
    assert_error(w, 2, ":5: token 13 (resource of agent 2, job 2): must be > 0 (value '0')");
    assert_error(w, 3, ":6: token 15 (capacity of agent 1): must be > 0 (value '-3')");
    assert_error(w, 4, ":6: token 17: 2 trailing tokens after the last capacity (value '9')");
    assert_listing(w->root, "in.gap");
}

static void test_rejects_non_finite_numbers(void **state)
{
    workspace *w = *state;
    file_write(w->input, "1 2\nnan 1e999\n1 1\n2\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 2);
    assert_error(w, 0, ":2: token 3 (cost of agent 1, job 1): not a number (value 'nan')");
    assert_error(w, 1, ":2: token 4 (cost of agent 1, job 2): not a number (value '1e999')");
}

static void test_rejects_bad_sizes(void **state)
{
    workspace *w = *state;
    file_write(w->input, "0 2.5\n1 2 3\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 2);
    assert_error(w, 0, ":1: token 1 (number of agents m): not a positive integer (value '0')");
    assert_error(w, 1, ":1: token 2 (number of jobs n): not a positive integer (value '2.5')");
}

static void test_rejects_empty_and_one_token_files(void **state)
{
    workspace *w = *state;
    file_write(w->input, " \n\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    file_write(w->input, "\n-4\n");
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 3);
    assert_error(w, 0, ": empty file: expected the number of agents m and of jobs n");
    assert_error(w, 1, ":2: token 1 (number of agents m): not a positive integer (value '-4')");
    assert_error(w, 2, ":2: truncated after token 1: expected the number of jobs n");
    assert_listing(w->root, "in.gap");
}

static void test_missing_file(void **state)
{
    workspace *w = *state;
    assert_int_equal(cp_gap_import(w->input, w->output, &w->errors), CP_ERR_INPUT);
    assert_int_equal(w->errors.count, 1);
    assert_error(w, 0, ": cannot open: No such file or directory");
    assert_listing(w->root, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_imports_tiny_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_accepts_trailing_slash_and_real_numbers, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_replaces_empty_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refuses_non_empty_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_after_sizes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reports_every_bad_token, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rejects_non_finite_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rejects_bad_sizes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rejects_empty_and_one_token_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
