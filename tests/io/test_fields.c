/* Tests of io/fields: each cell parser's accepted forms, its defaults-free contract, and the
 * exact problem it reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "io/fields.h"
#include "util/status.h"

#include <math.h>
#include <stdlib.h>

static cp_cell cell(const char *text)
{
    return (cp_cell){.file = "f.csv", .line = 7, .column = "c", .text = text};
}

/* Asserts that errors holds exactly one problem, equal to expected, and empties it. */
static void assert_one_problem(cp_errors *errors, const char *expected)
{
    assert_int_equal(errors->count, 1);
    assert_string_equal(errors->lines[0], expected);
    cp_errors_clear(errors);
}

static double number(const char *text, cp_range range)
{
    cp_errors errors = {0};
    cp_cell c = cell(text);
    double x = -42;
    assert_int_equal(cp_field_number(&c, range, &errors, &x), CP_OK);
    assert_false(cp_errors_any(&errors));
    return x;
}

static void bad_number(const char *text, cp_range range, const char *expected)
{
    cp_errors errors = {0};
    cp_cell c = cell(text);
    double x = -42;
    assert_int_equal(cp_field_number(&c, range, &errors, &x), CP_ERR_INPUT);
    assert_true(x == -42);
    assert_one_problem(&errors, expected);
}

static void numbers(void **state)
{
    (void)state;
    cp_range any = {-INFINITY, INFINITY, false, false};
    assert_true(number("12.5", any) == 12.5);
    assert_true(number(" -3 ", any) == -3);
    assert_true(number("+1e3", any) == 1000);
    assert_true(number(".5", any) == 0.5);
    bad_number("", any, "f.csv:7: column 'c': missing value");
    bad_number("  ", any, "f.csv:7: column 'c': missing value");
    bad_number("abc", any, "f.csv:7: column 'c': not a number (value 'abc')");
    bad_number("nan", any, "f.csv:7: column 'c': not a number (value 'nan')");
    bad_number("inf", any, "f.csv:7: column 'c': not a number (value 'inf')");
    bad_number("-Infinity", any, "f.csv:7: column 'c': not a number (value '-Infinity')");
    bad_number("0x10", any, "f.csv:7: column 'c': not a number (value '0x10')");
    bad_number("12abc", any, "f.csv:7: column 'c': not a number (value '12abc')");
    bad_number("1.2.3", any, "f.csv:7: column 'c': not a number (value '1.2.3')");
    bad_number("3,5", any, "f.csv:7: column 'c': not a number (value '3,5')");
    bad_number("1e999", any, "f.csv:7: column 'c': not a finite number (value '1e999')");
}

static void number_ranges(void **state)
{
    (void)state;
    cp_range latitude = {-90, 90, false, false}, share = {0, 1, true, false};
    cp_range percent = {0, 100, false, true};
    assert_true(number("0", CP_RANGE_NONNEGATIVE) == 0);
    assert_true(number("0.001", CP_RANGE_POSITIVE) == 0.001);
    assert_true(number("-90", latitude) == -90);
    assert_true(number("1", share) == 1);
    bad_number("0", CP_RANGE_POSITIVE, "f.csv:7: column 'c': must be > 0 (value '0')");
    bad_number("-0.5", CP_RANGE_NONNEGATIVE, "f.csv:7: column 'c': must be >= 0 (value '-0.5')");
    bad_number("90.5", latitude, "f.csv:7: column 'c': must be >= -90 and <= 90 (value '90.5')");
    bad_number("0", share, "f.csv:7: column 'c': must be > 0 and <= 1 (value '0')");
    bad_number("100", percent, "f.csv:7: column 'c': must be >= 0 and < 100 (value '100')");
}

static void number_or_none(void **state)
{
    (void)state;
    cp_errors errors = {0};
    double x = -42;
    bool none = false;
    cp_cell c = cell(" None ");
    assert_int_equal(cp_field_number_or_none(&c, CP_RANGE_NONNEGATIVE, &errors, &none, &x), CP_OK);
    assert_true(none);
    assert_true(x == -42);
    c = cell("250");
    assert_int_equal(cp_field_number_or_none(&c, CP_RANGE_NONNEGATIVE, &errors, &none, &x), CP_OK);
    assert_false(none);
    assert_true(x == 250);
    c = cell("nonesuch");
    assert_int_equal(cp_field_number_or_none(&c, CP_RANGE_NONNEGATIVE, &errors, &none, &x),
                     CP_ERR_INPUT);
    assert_one_problem(&errors, "f.csv:7: column 'c': not a number (value 'nonesuch')");
}

static void integers(void **state)
{
    (void)state;
    cp_errors errors = {0};
    int x = -42;
    const char *good[] = {"3", " +4 ", "-0"};
    const int value[] = {3, 4, 0};
    for (int i = 0; i < 3; i++) {
        cp_cell c = cell(good[i]);
        assert_int_equal(cp_field_integer(&c, -5, 5, &errors, &x), CP_OK);
        assert_int_equal(x, value[i]);
    }
    const char *bad[] = {"3.0", "-", "", "1e2", "99999999999999999999", "6"};
    const char *expected[] = {
        "f.csv:7: column 'c': not an integer (value '3.0')",
        "f.csv:7: column 'c': not an integer (value '-')",
        "f.csv:7: column 'c': missing value",
        "f.csv:7: column 'c': not an integer (value '1e2')",
        "f.csv:7: column 'c': must be >= -5 and <= 5 (value '99999999999999999999')",
        "f.csv:7: column 'c': must be >= -5 and <= 5 (value '6')",
    };
    for (int i = 0; i < 6; i++) {
        cp_cell c = cell(bad[i]);
        assert_int_equal(cp_field_integer(&c, -5, 5, &errors, &x), CP_ERR_INPUT);
        assert_int_equal(x, 0);
        assert_one_problem(&errors, expected[i]);
    }
}

static void booleans(void **state)
{
    (void)state;
    cp_errors errors = {0};
    const char *text[] = {"TRUE", "Yes", "1", "false", " no ", "0"};
    for (int i = 0; i < 6; i++) {
        bool x = i >= 3;
        cp_cell c = cell(text[i]);
        assert_int_equal(cp_field_boolean(&c, &errors, &x), CP_OK);
        assert_int_equal(x, i < 3);
    }
    bool x = true;
    cp_cell c = cell("truex");
    assert_int_equal(cp_field_boolean(&c, &errors, &x), CP_ERR_INPUT);
    assert_true(x);
    assert_one_problem(&errors, "f.csv:7: column 'c': not a boolean (true/false, yes/no, 1/0) "
                                "(value 'truex')");
}

static void ratings(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_rating r;
    const char *text[] = {"Inadequate", "REQUIRES_IMPROVEMENT", "good", "outstanding", "unrated"};
    for (int i = 0; i < 5; i++) {
        cp_cell c = cell(text[i]);
        assert_int_equal(cp_field_rating(&c, &errors, &r), CP_OK);
        assert_int_equal(r, (cp_rating)i);
    }
    cp_cell c = cell("excellent");
    assert_int_equal(cp_field_rating(&c, &errors, &r), CP_ERR_INPUT);
    assert_one_problem(&errors, "f.csv:7: column 'c': unknown rating (outstanding, good, "
                                "requires_improvement, inadequate or unrated) "
                                "(value 'excellent')");
}

static void lists(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_names names = {0};
    assert_int_equal(cp_names_intern(&names, "c"), 0);
    int *ids = NULL, count = 0;
    cp_cell c = cell(" a ; b;a ;c ");
    assert_int_equal(cp_field_list(&c, &names, &errors, &ids, &count), CP_OK);
    assert_int_equal(count, 3);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 2);
    assert_int_equal(ids[2], 0);
    assert_string_equal(names.name[1], "a");
    assert_string_equal(names.name[2], "b");
    free(ids);

    cp_idlist list = {0};
    c = cell("b;c;a;b");
    assert_int_equal(cp_field_idlist(&c, &names, &errors, &list), CP_OK);
    assert_int_equal(list.count, 3);
    assert_int_equal(list.ids[0], 0);
    assert_int_equal(list.ids[1], 1);
    assert_int_equal(list.ids[2], 2);
    free(list.ids);
    assert_false(cp_errors_any(&errors));

    const char *bad[] = {"a;;b", "a;", ";", " "};
    const char *expected[] = {
        "f.csv:7: column 'c': empty item in ';'-list (value 'a;;b')",
        "f.csv:7: column 'c': empty item in ';'-list (value 'a;')",
        "f.csv:7: column 'c': empty item in ';'-list (value ';')",
        "f.csv:7: column 'c': missing value",
    };
    for (int i = 0; i < 4; i++) {
        c = cell(bad[i]);
        assert_int_equal(cp_field_list(&c, &names, &errors, &ids, &count), CP_ERR_INPUT);
        assert_null(ids);
        assert_int_equal(count, 0);
        assert_one_problem(&errors, expected[i]);
    }
    assert_int_equal(names.count, 3);
    cp_names_free(&names);
}

static void text_and_emptiness(void **state)
{
    (void)state;
    cp_cell c = cell(" \t spaced out \r\n");
    char *text = cp_field_text(&c);
    assert_string_equal(text, "spaced out");
    free(text);
    assert_false(cp_cell_empty(&c));
    c = cell(" \t\r\n");
    assert_true(cp_cell_empty(&c));
    text = cp_field_text(&c);
    assert_string_equal(text, "");
    free(text);
}

static void problems_and_cells_of_tables(void **state)
{
    (void)state;
    char *columns[] = {"id", "age"};
    char *cells[] = {"u1", "x", "u2", ""};
    long line[] = {2, 5};
    cp_csv_table table = {.name = "users.csv",
                          .n_columns = 2,
                          .columns = columns,
                          .n_rows = 2,
                          .cells = cells,
                          .line = line};
    cp_errors errors = {0};
    cp_cell c = cp_cell_at(&table, 1, 1, "age");
    assert_string_equal(c.file, "users.csv");
    assert_int_equal(c.line, 5);
    assert_string_equal(c.column, "age");
    assert_string_equal(c.text, "");
    assert_int_equal(cp_cell_problem(&c, &errors, "needs %d", 3), CP_ERR_INPUT);
    assert_one_problem(&errors, "users.csv:5: column 'age': needs 3");
    c = cp_cell_at(&table, 0, -1, "gender");
    assert_string_equal(c.text, "");
    assert_int_equal(c.line, 2);
    c = cp_cell_at(&table, 0, 1, "age");
    cp_cell_problem(&c, &errors, "odd");
    assert_one_problem(&errors, "users.csv:2: column 'age': odd (value 'x')");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers),
        cmocka_unit_test(number_ranges),
        cmocka_unit_test(number_or_none),
        cmocka_unit_test(integers),
        cmocka_unit_test(booleans),
        cmocka_unit_test(ratings),
        cmocka_unit_test(lists),
        cmocka_unit_test(text_and_emptiness),
        cmocka_unit_test(problems_and_cells_of_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
