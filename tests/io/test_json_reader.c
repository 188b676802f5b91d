/* Tests of the strict JSON reader: valid documents become the expected tree (numbers keep
 * their text, strings are decoded), every kind of problem is refused with its line and
 * column, nesting is limited, and paths pick values out of a summary-like document. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "io/json_reader.h"
#include "util/status.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static cp_json_value *parse_ok(const char *text)
{
    cp_errors errors = {0};
    cp_json_value *root = NULL;
    int status = cp_json_parse(text, strlen(text), "t.json", &root, &errors);
    if (status != CP_OK)
        fail_msg("refused '%s': %s", text, errors.lines[0]);
    assert_false(cp_errors_any(&errors));
    assert_non_null(root);
    return root;
}

/* The one message for text, which must be refused; static storage. */
static const char *parse_error_n(const char *text, size_t length)
{
    static char message[512];
    cp_errors errors = {0};
    cp_json_value *root = (cp_json_value *)&errors; /* must be reset to NULL */
    assert_int_equal(cp_json_parse(text, length, "t.json", &root, &errors), CP_ERR_INPUT);
    assert_null(root);
    assert_int_equal(errors.count, 1);
    snprintf(message, sizeof message, "%s", errors.lines[0]);
    cp_errors_clear(&errors);
    return message;
}

static const char *parse_error(const char *text)
{
    return parse_error_n(text, strlen(text));
}

static void test_scalars_and_tree(void **state)
{
    (void)state;
    cp_json_value *root = parse_ok(" {\"a\": [1, -0.50, 2e3, true, false, null, \"x\"],\n"
                                   "  \"b\": {}, \"c\": [], \"d\": {\"e\": \"\"}} ");
    assert_int_equal(root->type, CP_JSON_OBJECT);
    assert_int_equal(root->count, 4);
    assert_string_equal(root->names[0], "a");
    assert_string_equal(root->names[3], "d");
    const cp_json_value *a = cp_json_member(root, "a");
    assert_int_equal(a->type, CP_JSON_ARRAY);
    assert_int_equal(a->count, 7);
    assert_string_equal(a->items[1].text, "-0.50");
    assert_true(a->items[1].number == -0.5);
    assert_string_equal(a->items[2].text, "2e3");
    assert_true(a->items[2].number == 2000);
    assert_int_equal(a->items[3].type, CP_JSON_TRUE);
    assert_int_equal(a->items[4].type, CP_JSON_FALSE);
    assert_int_equal(a->items[5].type, CP_JSON_NULL);
    assert_null(a->items[5].text);
    assert_string_equal(a->items[6].text, "x");
    assert_int_equal(cp_json_member(root, "b")->count, 0);
    assert_int_equal(cp_json_member(root, "c")->type, CP_JSON_ARRAY);
    assert_string_equal(cp_json_member(cp_json_member(root, "d"), "e")->text, "");
    assert_null(cp_json_member(root, "z"));
    assert_null(cp_json_member(a, "a"));
    /* positions: "b" is on line 2, its value at column 8 */
    assert_int_equal(cp_json_member(root, "b")->line, 2);
    assert_int_equal(cp_json_member(root, "b")->column, 8);
    assert_int_equal(a->items[1].line, 1);
    assert_int_equal(a->items[1].column, 12);
    assert_true(cp_json_is_scalar(&a->items[0]));
    assert_false(cp_json_is_scalar(a));
    cp_json_destroy(root);
    cp_json_destroy(NULL);
}

static void test_top_level_scalars(void **state)
{
    (void)state;
    const char *docs[] = {"0", "-1.25E-2", "\"s\"", "true", "null", " \n\t7\r\n"};
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        cp_json_destroy(parse_ok(docs[i]));
    cp_json_value *root = parse_ok("-1.25E-2");
    assert_true(root->number == -0.0125);
    cp_json_destroy(root);
}

static void test_string_escapes_and_utf8(void **state)
{
    (void)state;
    cp_json_value *root =
        parse_ok("[\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\", \"\\u00e9\\u20AC\","
                 " \"\\ud83d\\ude00\", \"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"]");
    assert_string_equal(root->items[0].text, "q\" b\\ s/ \b\f\n\r\t");
    assert_string_equal(root->items[1].text, "\xc3\xa9\xe2\x82\xac");
    assert_string_equal(root->items[2].text, "\xf0\x9f\x98\x80");
    assert_string_equal(root->items[3].text, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    cp_json_destroy(root);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    assert_string_equal(parse_error(""), "t.json:1:1: no value: the document is empty");
    assert_string_equal(parse_error(" \n "), "t.json:2:2: no value: the document is empty");
    assert_string_equal(parse_error("@"), "t.json:1:1: expected a value, found '@'");
    assert_string_equal(parse_error("1 2"),
                        "t.json:1:3: expected the end of the input after the document's value, "
                        "found '2'");
    assert_string_equal(parse_error("tru"), "t.json:1:1: expected a value (true, false or null?), "
                                            "found 't'");
    assert_string_equal(parse_error("nulL"), "t.json:1:1: expected a value (true, false or "
                                             "null?), found 'n'");
    assert_string_equal(parse_error("[1,]"), "t.json:1:4: trailing comma before ']'");
    assert_string_equal(parse_error("[1 2]"),
                        "t.json:1:4: expected ',' or ']' after an array element, found '2'");
    assert_string_equal(parse_error("\n [1,\n 2"),
                        "t.json:3:3: unexpected end of input in the array opened at 2:2");
    assert_string_equal(parse_error("{\"a\":1,}"), "t.json:1:8: trailing comma before '}'");
    assert_string_equal(parse_error("{\"a\":1 \"b\":2}"),
                        "t.json:1:8: expected ',' or '}' after an object member, found '\"'");
    assert_string_equal(parse_error("{\"a\" 1}"),
                        "t.json:1:6: expected ':' after a member name, found '1'");
    assert_string_equal(parse_error("{a:1}"),
                        "t.json:1:2: expected a member name in double quotes, found 'a'");
    assert_string_equal(parse_error("{\"a\":1,\n \"a\":2}"),
                        "t.json:2:2: duplicate member name 'a'");
    assert_string_equal(parse_error("{\"a\":"), "t.json:1:6: expected a value, found the end of "
                                                "the input");
    assert_string_equal(parse_error("{\"a\":1"),
                        "t.json:1:7: unexpected end of input in the object opened at 1:1");
    assert_string_equal(parse_error("[1] // no"),
                        "t.json:1:5: expected the end of the input after the document's value, "
                        "found '/'");
    assert_string_equal(parse_error("\xef\xbb\xbf{}"),
                        "t.json:1:1: expected a value, found byte 0xEF");
}

static void test_number_errors(void **state)
{
    (void)state;
    assert_string_equal(parse_error("01"),
                        "t.json:1:2: invalid number: no digit may follow a leading 0");
    assert_string_equal(parse_error("-"), "t.json:1:2: expected a digit after '-', found the end "
                                          "of the input");
    assert_string_equal(parse_error("[-a]"), "t.json:1:3: expected a digit after '-', found 'a'");
    assert_string_equal(parse_error("1."), "t.json:1:3: expected a digit after '.', found the end "
                                           "of the input");
    assert_string_equal(parse_error("1e+"), "t.json:1:4: expected a digit after the exponent's "
                                            "'e', found the end of the input");
    assert_string_equal(parse_error("+1"), "t.json:1:1: expected a value, found '+'");
    assert_string_equal(parse_error(".5"), "t.json:1:1: expected a value, found '.'");
    assert_string_equal(parse_error("[1, 1e999]"),
                        "t.json:1:5: number out of range for a double (value '1e999')");
    assert_string_equal(parse_error("NaN"), "t.json:1:1: expected a value, found 'N'");
}

static void test_string_errors(void **state)
{
    (void)state;
    assert_string_equal(parse_error("[\"abc"), "t.json:1:2: unterminated string");
    assert_string_equal(parse_error("\"a\tb\""),
                        "t.json:1:3: control character U+0009 in a string (write it as an "
                        "escape)");
    assert_string_equal(parse_error("\"a\\qb\""), "t.json:1:3: invalid escape: '\\' followed by "
                                                  "'q'");
    assert_string_equal(parse_error("\"\\u12G4\""),
                        "t.json:1:2: \\u must be followed by four hex digits");
    assert_string_equal(parse_error("\"x\\ud83d\""), "t.json:1:3: unpaired surrogate \\uD83D");
    assert_string_equal(parse_error("\"\\ud83d\\u0041\""), "t.json:1:2: unpaired surrogate "
                                                           "\\uD83D");
    assert_string_equal(parse_error("\"\\ude00\""), "t.json:1:2: unpaired surrogate \\uDE00");
    assert_string_equal(parse_error("\"\\u0000\""),
                        "t.json:1:2: \\u0000 (NUL) is not accepted in a string");
    assert_string_equal(parse_error("\"\xc3(\""), "t.json:1:2: invalid UTF-8 (byte 0xC3)");
    assert_string_equal(parse_error("\"\xc0\xaf\""), "t.json:1:2: invalid UTF-8 (byte 0xC0)");
    assert_string_equal(parse_error("\"\xed\xa0\x80\""), "t.json:1:2: invalid UTF-8 (byte 0xED)");
    assert_string_equal(parse_error("\"\xf4\x90\x80\x80\""),
                        "t.json:1:2: invalid UTF-8 (byte 0xF4)");
    assert_string_equal(parse_error("\"\xe2\x82\""), "t.json:1:2: invalid UTF-8 (byte 0xE2)");
    assert_string_equal(parse_error_n("\"a\0\"", 4),
                        "t.json:1:3: control character U+0000 in a string (write it as an "
                        "escape)");
    /* columns count characters: the '@' is the 7th character, the 9th byte */
    assert_string_equal(parse_error("[\"\xc3\xa9\", @]"), "t.json:1:7: expected a value, found "
                                                          "'@'");
}

/* depth arrays nested, as "[[[...]]]". The caller frees it. */
static char *nested(int depth)
{
    char *text = malloc(2 * (size_t)depth + 1);
    memset(text, '[', (size_t)depth);
    memset(text + depth, ']', (size_t)depth);
    text[2 * depth] = '\0';
    return text;
}

static void test_nesting_limit(void **state)
{
    (void)state;
    char *text = nested(CP_JSON_MAX_DEPTH);
    cp_json_value *root = parse_ok(text);
    const cp_json_value *v = root;
    for (int i = 1; i < CP_JSON_MAX_DEPTH; i++)
        v = &v->items[0];
    assert_int_equal(v->count, 0);
    cp_json_destroy(root);
    free(text);

    text = nested(CP_JSON_MAX_DEPTH + 1);
    char expected[128];
    snprintf(expected, sizeof expected, "t.json:1:%d: arrays and objects nested more than %d deep",
             CP_JSON_MAX_DEPTH + 1, CP_JSON_MAX_DEPTH);
    assert_string_equal(parse_error(text), expected);
    free(text);

    text = nested(100000); /* refused early, without a deep recursion */
    assert_string_equal(parse_error(text), expected);
    free(text);
}

static const char summary[] = "{\"status\": \"feasible\", \"objective\": 883345.599842,\n"
                              " \"terms\": {\"placement\": 805590.000000},\n"
                              " \"configurations\": [{\"name\": \"standalone\", \"gap\": null},\n"
                              "   {\"name\": \"pooled\", \"gap\": 0.001300}]}";

/* The message of a failed lookup of path in summary. */
static const char *find_error(const cp_json_value *root, const char *path)
{
    static char message[512];
    cp_errors errors = {0};
    assert_null(cp_json_find(root, path, "s.json", &errors));
    assert_int_equal(errors.count, 1);
    snprintf(message, sizeof message, "%s", errors.lines[0]);
    cp_errors_clear(&errors);
    return message;
}

static void test_find(void **state)
{
    (void)state;
    cp_json_value *root = parse_ok(summary);
    cp_errors errors = {0};
    assert_ptr_equal(cp_json_find(root, "", "s.json", &errors), root);
    assert_string_equal(cp_json_find(root, "status", "s.json", &errors)->text, "feasible");
    assert_string_equal(cp_json_find(root, "terms.placement", "s.json", &errors)->text,
                        "805590.000000");
    assert_string_equal(cp_json_find(root, "configurations.1.gap", "s.json", &errors)->text,
                        "0.001300");
    assert_string_equal(cp_json_find(root, "configurations[pooled].gap", "s.json", &errors)->text,
                        "0.001300");
    assert_int_equal(cp_json_find(root, "configurations[standalone].gap", "s.json", &errors)->type,
                     CP_JSON_NULL);
    assert_string_equal(cp_json_find(root, "configurations.0.name", "s.json", &errors)->text,
                        "standalone");
    assert_false(cp_errors_any(&errors));

    assert_string_equal(find_error(root, "objectiv"), "s.json: key 'objectiv': no member "
                                                      "'objectiv'");
    assert_string_equal(find_error(root, "terms.spot"),
                        "s.json: key 'terms.spot': no member 'spot' in 'terms'");
    assert_string_equal(find_error(root, "configurations.2.gap"),
                        "s.json: key 'configurations.2.gap': '2' is not an index from 0 to 1, "
                        "nor [NAME] in 'configurations'");
    assert_string_equal(find_error(root, "configurations[merged].gap"),
                        "s.json: key 'configurations[merged].gap': no element named 'merged' in "
                        "'configurations'");
    assert_string_equal(find_error(root, "terms[pooled]"),
                        "s.json: key 'terms[pooled]': [pooled] needs an array, found an object "
                        "in 'terms'");
    assert_string_equal(find_error(root, "status.x"),
                        "s.json: key 'status.x': 'x' cannot be looked up in a string in "
                        "'status'");
    assert_string_equal(find_error(root, "terms..placement"),
                        "s.json: key 'terms..placement': an empty step in 'terms'");
    assert_string_equal(find_error(root, "terms."), "s.json: key 'terms.': an empty step in "
                                                    "'terms'");
    assert_string_equal(find_error(root, "configurations[pooled"),
                        "s.json: key 'configurations[pooled': '[' without its ']' in "
                        "'configurations'");
    assert_string_equal(find_error(root, "configurations[pooled]gap"),
                        "s.json: key 'configurations[pooled]gap': '[' or '.' expected in "
                        "'configurations[pooled]'");
    cp_json_destroy(root);
}

static void test_read_file(void **state)
{
    (void)state;
    char path[] = "/tmp/test_json_reader_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *file = fdopen(fd, "w");
    fputs(summary, file);
    fclose(file);
    cp_errors errors = {0};
    cp_json_value *root = NULL;
    assert_int_equal(cp_json_read_file(path, &root, &errors), CP_OK);
    assert_string_equal(cp_json_find(root, "objective", path, &errors)->text, "883345.599842");
    cp_json_destroy(root);

    file = fopen(path, "w");
    fputs("{\n  \"a\": 1,\n  \"b\": x\n}\n", file);
    fclose(file);
    assert_int_equal(cp_json_read_file(path, &root, &errors), CP_ERR_INPUT);
    assert_null(root);
    char expected[128];
    snprintf(expected, sizeof expected, "%s:3:8: expected a value, found 'x'", path);
    assert_string_equal(errors.lines[0], expected);
    cp_errors_clear(&errors);
    unlink(path);

    assert_int_equal(cp_json_read_file(path, &root, &errors), CP_ERR_INPUT);
    assert_null(root);
    snprintf(expected, sizeof expected, "%s: cannot read: No such file or directory", path);
    assert_string_equal(errors.lines[0], expected);
    cp_errors_clear(&errors);
}

/* A locale whose decimal point is ',' must not change how numbers are read. */
static void test_numbers_ignore_locale(void **state)
{
    (void)state;
    const char *locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR"};
    const char *found = NULL;
    for (size_t i = 0; i < sizeof locales / sizeof locales[0] && !found; i++)
        found = setlocale(LC_NUMERIC, locales[i]);
    if (!found)
        skip();
    cp_json_value *root = parse_ok("[0.25, 1.5e2]");
    setlocale(LC_NUMERIC, "C");
    assert_true(root->items[0].number == 0.25);
    assert_true(root->items[1].number == 150);
    cp_json_destroy(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalars_and_tree),
        cmocka_unit_test(test_top_level_scalars),
        cmocka_unit_test(test_string_escapes_and_utf8),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_number_errors),
        cmocka_unit_test(test_string_errors),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_numbers_ignore_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
