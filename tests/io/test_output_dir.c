/* Tests of the atomic output directory: files appear under their names only on commit, abort
 * leaves nothing, and failures are reported with the path and reason. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "io/output_dir.h"
#include "scratch.h"
#include "util/status.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_commit_renames_complete_files_into_place(void **state)
{
    const char *dir = file_path(*state, "out/nested");
    char out_dir[512];
    strcpy(out_dir, dir);
    cp_errors errors = {0};
    cp_output *output = cp_output_open(out_dir, &errors);
    assert_non_null(output);

    FILE *a = cp_output_file(output, "a.csv");
    FILE *b = cp_output_file(output, "b.json");
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_equal(cp_output_file(output, "a.csv"), a);
    fputs("x,y\n1,2\n", a);
    fputs("{}\n", b);

    char expected[128];
    snprintf(expected, sizeof expected, ".a.csv.tmp.%ld .b.json.tmp.%ld", (long)getpid(),
             (long)getpid());
    assert_string_equal(file_listing(out_dir), expected);

    assert_int_equal(cp_output_commit(output), CP_OK);
    assert_string_equal(file_listing(out_dir), "a.csv b.json");
    file_assert_text(file_path(out_dir, "a.csv"), "x,y\n1,2\n");
    file_assert_text(file_path(out_dir, "b.json"), "{}\n");
    assert_int_equal(errors.count, 0);
}

static void test_commit_replaces_previous_files(void **state)
{
    cp_errors errors = {0};
    file_write(file_path(*state, "a.csv"), "old\n");

    cp_output *output = cp_output_open(*state, &errors);
    fputs("new\n", cp_output_file(output, "a.csv"));
    file_assert_text(file_path(*state, "a.csv"), "old\n");
    assert_int_equal(cp_output_commit(output), CP_OK);
    file_assert_text(file_path(*state, "a.csv"), "new\n");
}

static void test_abort_leaves_nothing(void **state)
{
    cp_errors errors = {0};
    cp_output *output = cp_output_open(*state, &errors);
    fputs("partial", cp_output_file(output, "a.csv"));
    fputs("partial", cp_output_file(output, "b.csv"));
    cp_output_abort(output);
    assert_string_equal(file_listing(*state), "");
    cp_output_abort(NULL);
}

static void test_open_fails_on_a_regular_file(void **state)
{
    char file[512];
    strcpy(file, file_path(*state, "plain"));
    file_write(file, "");
    cp_errors errors = {0};
    char expected[640];

    assert_null(cp_output_open(file, &errors));
    snprintf(expected, sizeof expected, "%s: cannot create output directory: not a directory",
             file);
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], expected);

    char below[600];
    snprintf(below, sizeof below, "%s/sub", file);
    assert_null(cp_output_open(below, &errors));
    snprintf(expected, sizeof expected, "%s: cannot create output directory: %s", below,
             strerror(ENOTDIR));
    assert_int_equal(errors.count, 2);
    assert_string_equal(errors.lines[1], expected);
    cp_errors_clear(&errors);
}

static void test_file_fails_when_directory_vanished(void **state)
{
    char dir[512];
    strcpy(dir, file_path(*state, "gone"));
    cp_errors errors = {0};
    cp_output *output = cp_output_open(dir, &errors);
    assert_non_null(output);
    assert_int_equal(rmdir(dir), 0);

    assert_null(cp_output_file(output, "a.csv"));
    char expected[640];
    snprintf(expected, sizeof expected, "%s/.a.csv.tmp.%ld: cannot create: %s", dir, (long)getpid(),
             strerror(ENOENT));
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], expected);
    cp_output_abort(output);
    cp_errors_clear(&errors);
}

static void test_failed_rename_removes_every_temporary(void **state)
{
    const char *dir = *state;
    /* a non-empty directory where a.csv should go: the rename cannot replace it */
    assert_int_equal(mkdir(file_path(dir, "a.csv"), 0777), 0);
    file_write(file_path(dir, "a.csv/keep"), "");

    cp_errors errors = {0};
    cp_output *output = cp_output_open(dir, &errors);
    fputs("a", cp_output_file(output, "a.csv"));
    fputs("b", cp_output_file(output, "b.csv"));
    assert_int_equal(cp_output_commit(output), CP_ERR_INTERNAL);

    char expected[640];
    snprintf(expected, sizeof expected, "%s/a.csv: cannot rename into place: %s", dir,
             strerror(EISDIR));
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], expected);
    assert_string_equal(file_listing(dir), "a.csv");
    cp_errors_clear(&errors);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_commit_renames_complete_files_into_place,
                                        scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(test_commit_replaces_previous_files, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_abort_leaves_nothing, scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(test_open_fails_on_a_regular_file, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_file_fails_when_directory_vanished, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_failed_rename_removes_every_temporary, scratch_setup,
                                        scratch_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
