/* Problem lists: the message format and the per-file limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "util/errors.h"

static void test_format(void **state)
{
    (void)state;
    cp_errors errors = {0};
    assert_false(cp_errors_any(&errors));
    cp_errors_at(&errors, "users.csv", 12, "age", "x", "not a number");
    cp_errors_at(&errors, "tiers.csv", 0, NULL, NULL, "missing required file");
    cp_errors_at(&errors, "a.csv", 3, NULL, "v", "bad %d", 7);
    assert_int_equal(errors.count, 3);
    assert_string_equal(errors.lines[0], "users.csv:12: column 'age': not a number (value 'x')");
    assert_string_equal(errors.lines[1], "tiers.csv: missing required file");
    assert_string_equal(errors.lines[2], "a.csv:3: bad 7 (value 'v')");
    cp_errors_clear(&errors);
    assert_int_equal(errors.count, 0);
}

static void test_limit_per_file(void **state)
{
    (void)state;
    cp_errors errors = {0};
    for (int i = 0; i < CP_ERRORS_PER_FILE + 5; i++)
        cp_errors_add(&errors, "problem %d", i);
    assert_int_equal(errors.count, CP_ERRORS_PER_FILE);
    assert_int_equal(errors.dropped, 5);
    cp_errors_next_file(&errors);
    cp_errors_add(&errors, "next file");
    assert_int_equal(errors.count, CP_ERRORS_PER_FILE + 1);
    assert_true(cp_errors_any(&errors));
    cp_errors_clear(&errors);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_limit_per_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
