/* Tests of io/csv: RFC 4180 parsing through libcsv, physical line numbers of records, BOM and
 * CRLF, blank lines, and every structural problem with its exact message. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "files.h"
#include "io/csv.h"
#include "scratch.h"
#include "util/alloc.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The group's scratch directory. */
static char *directory;

static int make_directory(void **state)
{
    (void)state;
    directory = scratch_create();
    return 0;
}

static int remove_directory(void **state)
{
    (void)state;
    scratch_remove(directory);
    return 0;
}

/* Writes length bytes of content to t.csv and reads it back. */
static int read_bytes(const char *content, size_t length, cp_csv_table **table, cp_errors *errors)
{
    const char *path = file_path(directory, "t.csv");
    file_write_bytes(path, content, length);
    return cp_csv_read(path, "t.csv", table, errors);
}

static int read_text(const char *content, cp_csv_table **table, cp_errors *errors)
{
    return read_bytes(content, strlen(content), table, errors);
}

/* Reads content that must fail with exactly the given problems (NULL-terminated). */
static void assert_problems(const char *content, size_t length, ...)
{
    cp_errors errors = {0};
    cp_csv_table *table = (cp_csv_table *)1;
    assert_int_equal(read_bytes(content, length, &table, &errors), CP_ERR_INPUT);
    assert_null(table);
    va_list ap;
    va_start(ap, length);
    size_t i = 0;
    for (const char *expected; (expected = va_arg(ap, const char *)); i++) {
        assert_true(i < errors.count);
        assert_string_equal(errors.lines[i], expected);
    }
    va_end(ap);
    assert_int_equal(errors.count, i);
    cp_errors_clear(&errors);
}

static void bom_crlf_and_quoted_fields(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_csv_table *t = NULL;
    const char *content = "\xEF\xBB\xBF id , name ,\"note \"\r\n"
                          "1,\"a, b\",x\r\n"
                          "\r\n"
                          "2,\"line one\r\nline two\",\"say \"\"hi\"\"\"\r\n"
                          "3,c\r\n";
    assert_int_equal(read_text(content, &t, &errors), CP_OK);
    assert_false(cp_errors_any(&errors));
    assert_string_equal(t->name, "t.csv");
    assert_int_equal(t->n_columns, 3);
    assert_string_equal(t->columns[0], "id");
    assert_string_equal(t->columns[1], "name");
    assert_string_equal(t->columns[2], "note ");
    assert_int_equal(t->n_rows, 3);
    assert_int_equal(t->line[0], 2);
    assert_int_equal(t->line[1], 4);
    assert_int_equal(t->line[2], 6);
    assert_string_equal(cp_csv_cell(t, 0, 1), "a, b");
    assert_string_equal(cp_csv_cell(t, 1, 1), "line one\r\nline two");
    assert_string_equal(cp_csv_cell(t, 1, 2), "say \"hi\"");
    assert_string_equal(cp_csv_cell(t, 2, 0), "3");
    assert_string_equal(cp_csv_cell(t, 2, 2), "");
    cp_csv_destroy(t);
}

static void blank_lines_and_no_final_newline(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_csv_table *t = NULL;
    assert_int_equal(read_text("\n\na,b\n\n   \n\t\n1,2\n\n\"x\ny\"\n3,4", &t, &errors), CP_OK);
    assert_int_equal(t->n_rows, 3);
    assert_int_equal(t->line[0], 7);
    assert_int_equal(t->line[1], 9);
    assert_int_equal(t->line[2], 11);
    assert_string_equal(cp_csv_cell(t, 1, 0), "x\ny");
    assert_string_equal(cp_csv_cell(t, 1, 1), "");
    assert_string_equal(cp_csv_cell(t, 2, 1), "4");
    cp_csv_destroy(t);
    cp_errors_clear(&errors);
}

static void columns_by_name(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_csv_table *t = NULL;
    assert_int_equal(read_text("id,name,,extra\n7,seven,,\n", &t, &errors), CP_OK);
    assert_int_equal(cp_csv_column(t, "id"), 0);
    assert_int_equal(cp_csv_column(t, "extra"), 3);
    assert_int_equal(cp_csv_column(t, ""), 2);
    assert_int_equal(cp_csv_column(t, "missing"), -1);
    assert_string_equal(cp_csv_cell(t, 0, 1), "seven");
    assert_string_equal(cp_csv_cell(t, 0, -1), "");
    cp_csv_destroy(t);
}

static void header_only(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_csv_table *t = NULL;
    assert_int_equal(read_text("id,name\r\n", &t, &errors), CP_OK);
    assert_int_equal(t->n_columns, 2);
    assert_int_equal(t->n_rows, 0);
    cp_csv_destroy(t);
}

static void too_many_fields(void **state)
{
    (void)state;
    const char *content = "a,b\n1,2\n1,2,3\n4\n\"5\n\",6,7,8\n";
    assert_problems(content, strlen(content), "t.csv:3: 3 fields, header has 2",
                    "t.csv:5: 4 fields, header has 2", NULL);
}

static void duplicate_header_column(void **state)
{
    (void)state;
    const char *content = "id,name,id,,\n";
    assert_problems(content, strlen(content), "t.csv:1: column 'id': duplicate column", NULL);
}

static void too_many_columns(void **state)
{
    (void)state;
    char *content = cp_malloc(8 * 1001 + 16);
    size_t n = 0;
    for (int i = 0; i < 1001; i++)
        n += (size_t)sprintf(content + n, "%sc%d", i ? "," : "", i);
    n += (size_t)sprintf(content + n, "\nc0,c0\n");
    assert_problems(content, n, "t.csv:1: 1001 columns, at most 1000", NULL);
    free(content);
}

static void malformed_quoting(void **state)
{
    (void)state;
    const char *stray = "a,b\n1,x\"y\n";
    assert_problems(stray, strlen(stray), "t.csv:2: malformed quoting", NULL);
    const char *after = "a,b\n1,\"x\ny\"z\n";
    assert_problems(after, strlen(after), "t.csv:3: malformed quoting", NULL);
}

static void unterminated_quote(void **state)
{
    (void)state;
    const char *content = "a,b\n1,2\n3,\"open\nmore\n";
    assert_problems(content, strlen(content), "t.csv:3: unterminated quoted field", NULL);
}

static void empty_file(void **state)
{
    (void)state;
    assert_problems("", 0, "t.csv: no header row (empty file)", NULL);
    assert_problems("\n \r\n\n", 4, "t.csv: no header row (empty file)", NULL);
    assert_problems("\xEF\xBB\xBF", 3, "t.csv: no header row (empty file)", NULL);
}

static void nul_bytes(void **state)
{
    (void)state;
    assert_problems("a,b\n1,x\0y\n2,3\n", 14, "t.csv:2: NUL byte in a field (not a text file?)",
                    NULL);
}

static void cannot_open_or_read(void **state)
{
    (void)state;
    cp_errors errors = {0};
    cp_csv_table *t = (cp_csv_table *)1;
    const char *path = file_path(directory, "absent.csv");
    assert_int_equal(cp_csv_read(path, "absent.csv", &t, &errors), CP_ERR_INPUT);
    assert_null(t);
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], "absent.csv: cannot open: No such file or directory");
    assert_int_equal(cp_csv_read(directory, "dir.csv", &t, &errors), CP_ERR_INPUT);
    assert_int_equal(errors.count, 2);
    assert_string_equal(errors.lines[1], "dir.csv: cannot read: Is a directory");
    cp_errors_clear(&errors);
}

/* A field of 140,000 bytes with 140 line ends spans three read blocks (of 65,536 bytes); the
 * lines of the records around it stay exact. (libcsv grows a field 128 bytes at a time, so the
 * test's time grows with the square of the field: 20 s at 300,000 under the sanitizers.) */
static void huge_field(void **state)
{
    (void)state;
    size_t field = 140000;
    char *content = cp_malloc(field + 64);
    size_t n = (size_t)sprintf(content, "a,b\n1,\"");
    for (size_t i = 0; i < field; i++)
        content[n + i] = i % 1000 == 999 ? '\n' : 'x';
    n += field;
    n += (size_t)sprintf(content + n, "\"\n2,3\n4,5,6\n");
    cp_errors errors = {0};
    cp_csv_table *t = NULL;
    assert_int_equal(read_bytes(content, n, &t, &errors), CP_ERR_INPUT);
    assert_int_equal(errors.count, 1);
    assert_string_equal(errors.lines[0], "t.csv:144: 3 fields, header has 2");
    cp_errors_clear(&errors);
    n -= strlen("4,5,6\n");
    assert_int_equal(read_bytes(content, n, &t, &errors), CP_OK);
    assert_int_equal(t->n_rows, 2);
    assert_int_equal(strlen(cp_csv_cell(t, 0, 1)), field);
    assert_int_equal(t->line[0], 2);
    assert_int_equal(t->line[1], 143);
    cp_csv_destroy(t);
    free(content);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bom_crlf_and_quoted_fields),
        cmocka_unit_test(blank_lines_and_no_final_newline),
        cmocka_unit_test(columns_by_name),
        cmocka_unit_test(header_only),
        cmocka_unit_test(too_many_fields),
        cmocka_unit_test(duplicate_header_column),
        cmocka_unit_test(too_many_columns),
        cmocka_unit_test(malformed_quoting),
        cmocka_unit_test(unterminated_quote),
        cmocka_unit_test(empty_file),
        cmocka_unit_test(nul_bytes),
        cmocka_unit_test(cannot_open_or_read),
        cmocka_unit_test(huge_field),
    };
    return cmocka_run_group_tests(tests, make_directory, remove_directory);
}
