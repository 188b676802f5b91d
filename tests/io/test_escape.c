/* Tests of output escaping: RFC 4180 CSV fields, JSON strings, and numbers that keep '.' as
 * the decimal point under a locale that uses ','. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "io/escape.h"
#include "scratch.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the last writer call wrote, as a string. */
static char written[256];

static const char *csv_field(const char *text)
{
    memset(written, 0, sizeof written);
    FILE *f = fmemopen(written, sizeof written, "w");
    cp_write_csv_field(f, text);
    fclose(f);
    return written;
}

static const char *csv_number(double value, int decimals)
{
    memset(written, 0, sizeof written);
    FILE *f = fmemopen(written, sizeof written, "w");
    cp_write_csv_number(f, value, decimals);
    fclose(f);
    return written;
}

static const char *json_string(const char *text)
{
    memset(written, 0, sizeof written);
    FILE *f = fmemopen(written, sizeof written, "w");
    cp_write_json_string(f, text);
    fclose(f);
    return written;
}

static const char *json_number(double value, int decimals)
{
    memset(written, 0, sizeof written);
    FILE *f = fmemopen(written, sizeof written, "w");
    cp_write_json_number(f, value, decimals);
    fclose(f);
    return written;
}

static void test_csv_fields_quoted_only_when_needed(void **state)
{
    (void)state;
    assert_string_equal(csv_field("merton"), "merton");
    assert_string_equal(csv_field(""), "");
    assert_string_equal(csv_field("a,b"), "\"a,b\"");
    assert_string_equal(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_string_equal(csv_field("two\nlines"), "\"two\nlines\"");
    assert_string_equal(csv_field("cr\r"), "\"cr\r\"");
    assert_string_equal(csv_field(" padded"), "\" padded\"");
    assert_string_equal(csv_field("tab\t"), "\"tab\t\"");
    assert_string_equal(csv_field("in side"), "in side");
}

static void test_csv_numbers(void **state)
{
    (void)state;
    assert_string_equal(csv_number(1234.5, 2), "1234.50");
    assert_string_equal(csv_number(111.19492664455873, 1), "111.2");
    assert_string_equal(csv_number(-0.001, 2), "0.00");
    assert_string_equal(csv_number(-0.0, 1), "0.0");
    assert_string_equal(csv_number(-2.5, 1), "-2.5");
    assert_string_equal(csv_number(3, CP_DECIMALS_GENERAL), "3");
    assert_string_equal(csv_number(2.5, CP_DECIMALS_GENERAL), "2.5");
    assert_string_equal(csv_number(1e20, CP_DECIMALS_GENERAL), "1e+20");
    assert_string_equal(csv_number(NAN, 1), "");
    assert_string_equal(csv_number(INFINITY, 1), "");
}

static void test_json_strings_escaped(void **state)
{
    (void)state;
    assert_string_equal(json_string("plain"), "\"plain\"");
    assert_string_equal(json_string("q\"b\\"), "\"q\\\"b\\\\\"");
    assert_string_equal(json_string("n\nr\rt\t"), "\"n\\nr\\rt\\t\"");
    assert_string_equal(json_string("\x01\x1f"), "\"\\u0001\\u001f\"");
    assert_string_equal(json_string("Ynys M\xc3\xb4n"), "\"Ynys M\xc3\xb4n\"");
}

static void test_json_numbers_null_when_not_finite(void **state)
{
    (void)state;
    assert_string_equal(json_number(9494.779706578234, 6), "9494.779707");
    assert_string_equal(json_number(-INFINITY, 6), "null");
    assert_string_equal(json_number(INFINITY, 6), "null");
    assert_string_equal(json_number(NAN, 6), "null");
}

/* Sets LC_NUMERIC to German (decimal comma). When the system has no German locale installed,
 * compiles one into dir, in ISO-8859-1: its numbers are the same as UTF-8's, and its charmap
 * compiles in a quarter of the time. Returns whether it could. */
static int use_decimal_comma_locale(const char *dir)
{
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8"))
        return 1;
    char command[256];
    snprintf(command, sizeof command,
             "localedef -i de_DE -f ISO-8859-1 '%s/de_DE.ISO-8859-1' >/dev/null 2>&1", dir);
    if (system(command) == -1)
        return 0;
    setenv("LOCPATH", dir, 1);
    return setlocale(LC_NUMERIC, "de_DE.ISO-8859-1") != NULL;
}

static void test_numbers_ignore_the_locale(void **state)
{
    (void)state;
    char *dir = scratch_create();
    int have_locale = use_decimal_comma_locale(dir);
    scratch_remove(dir);
    if (!have_locale)
        skip();

    char check[32];
    snprintf(check, sizeof check, "%.1f", 2.5);
    assert_string_equal(check, "2,5"); /* the locale is in effect */
    assert_string_equal(csv_number(1234.5, 2), "1234.50");
    assert_string_equal(csv_number(2.5, CP_DECIMALS_GENERAL), "2.5");
    assert_string_equal(json_number(0.25, 6), "0.250000");
    assert_string_equal(csv_number(-0.001, 2), "0.00");
    setlocale(LC_NUMERIC, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_fields_quoted_only_when_needed),
        cmocka_unit_test(test_csv_numbers),
        cmocka_unit_test(test_json_strings_escaped),
        cmocka_unit_test(test_json_numbers_null_when_not_finite),
        cmocka_unit_test(test_numbers_ignore_the_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
