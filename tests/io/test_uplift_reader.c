/* Tests of the uplift reader (io/uplift_reader.h): a percentage, a provider,uplift_pct file
 * (columns in any order, white space trimmed), and bad input reported as an instance's is:
 * a missing column, a percentage at or below -100 or not a number, a provider twice or
 * empty, a bad percentage on the command line; nothing is kept on a problem. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "io/uplift_reader.h"
#include "scratch.h"
#include "util/status.h"

#include <stdio.h>
#include <string.h>

static void test_percentage(void **state)
{
    (void)state;
    cp_uplift uplift;
    cp_errors errors = {0};
    assert_int_equal(cp_uplift_load("+2%", &uplift, &errors), CP_OK);
    assert_true(uplift.pct == 2);
    assert_null(uplift.items);
    cp_uplift_free(&uplift);
    const char *bad[][2] = {
        {"-100%", "--uplift: must be above -100% (value '-100%')"},
        {"2.x%", "--uplift: expected a percentage like +2% or a file (value '2.x%')"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(cp_uplift_load(bad[i][0], &uplift, &errors), CP_ERR_INPUT);
        assert_string_equal(errors.lines[0], bad[i][1]);
        cp_errors_clear(&errors);
    }
}

static void test_file(void **state)
{
    const char *path = file_path(*state, "uplift.csv");
    file_write(path, "uplift_pct,provider\n2,acorn-supported-living\n -1.5 , juniper care \n");
    cp_uplift uplift;
    cp_errors errors = {0};
    assert_int_equal(cp_uplift_load(path, &uplift, &errors), CP_OK);
    assert_int_equal(uplift.count, 2);
    assert_string_equal(uplift.items[0].provider, "acorn-supported-living");
    assert_true(uplift.items[0].pct == 2);
    assert_int_equal(uplift.items[0].line, 2);
    assert_string_equal(uplift.items[1].provider, "juniper care");
    assert_true(uplift.items[1].pct == -1.5);
    assert_string_equal(uplift.file, path);
    cp_uplift_free(&uplift);
}

static void test_bad_file(void **state)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s", (const char *)*state);
    const char *path = file_path(dir, "bad.csv");
    file_write(path, "provider,uplift_pct\na,2\nb,-100\na,3\n,1\nc,x\n");
    cp_uplift uplift;
    cp_errors errors = {0};
    assert_int_equal(cp_uplift_load(path, &uplift, &errors), CP_ERR_INPUT);
    assert_null(uplift.items);
    assert_int_equal(errors.count, 4);
    char expected[4][512];
    snprintf(expected[0], 512, "%s:3: column 'uplift_pct': must be > -100 (value '-100')", path);
    snprintf(expected[1], 512,
             "%s:4: column 'provider': duplicate provider, first on line 2 "
             "(value 'a')",
             path);
    snprintf(expected[2], 512, "%s:5: column 'provider': missing value", path);
    snprintf(expected[3], 512, "%s:6: column 'uplift_pct': not a number (value 'x')", path);
    for (int i = 0; i < 4; i++)
        assert_string_equal(errors.lines[i], expected[i]);
    cp_errors_clear(&errors);

    path = file_path(dir, "columns.csv");
    file_write(path, "provider,pct\na,2\n");
    assert_int_equal(cp_uplift_load(path, &uplift, &errors), CP_ERR_INPUT);
    assert_non_null(strstr(errors.lines[0], "columns.csv:1: column 'uplift_pct': missing "
                                            "required column"));
    cp_errors_clear(&errors);
    assert_int_equal(cp_uplift_load(file_path(dir, "absent.csv"), &uplift, &errors), CP_ERR_INPUT);
    assert_int_equal(errors.count, 1);
    cp_errors_clear(&errors);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percentage),
        cmocka_unit_test_setup_teardown(test_file, scratch_setup, scratch_teardown),
        cmocka_unit_test_setup_teardown(test_bad_file, scratch_setup, scratch_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
