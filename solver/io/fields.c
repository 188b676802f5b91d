/* Cell parsers for the instance reader: strict numbers (decimal notation only, so NaN, inf,
 * hexadecimal and trailing junk are refused), integers, booleans, ratings and `;`-lists. Every
 * refusal becomes one problem naming file, line, column and the cell's text. */
#include "io/fields.h"

#include "util/alloc.h"
#include "util/status.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest trimmed text parsed as a number; longer text is "not a number". */
#define MAX_NUMBER_TEXT 64

cp_cell cp_cell_at(const cp_csv_table *table, int row, int column, const char *name)
{
    return (cp_cell){.file = table->name,
                     .line = table->line[row],
                     .column = name,
                     .text = cp_csv_cell(table, row, column)};
}

/* Copies the cell's text without surrounding white space into buffer (size bytes); returns
 * false when it does not fit. */
static bool trimmed(const char *text, char *buffer, size_t size)
{
    while (isspace((unsigned char)*text))
        text++;
    size_t n = strlen(text);
    while (n > 0 && isspace((unsigned char)text[n - 1]))
        n--;
    if (n >= size)
        return false;
    memcpy(buffer, text, n);
    buffer[n] = '\0';
    return true;
}

char *cp_field_text(const cp_cell *cell)
{
    size_t size = strlen(cell->text) + 1;
    char *text = cp_malloc(size);
    trimmed(cell->text, text, size);
    return text;
}

bool cp_cell_empty(const cp_cell *cell)
{
    for (const char *c = cell->text; *c; c++)
        if (!isspace((unsigned char)*c))
            return false;
    return true;
}

int cp_cell_problem(const cp_cell *cell, cp_errors *errors, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cp_errors_vat(errors, cell->file, cell->line, cell->column,
                  cp_cell_empty(cell) ? NULL : cell->text, fmt, ap);
    va_end(ap);
    return CP_ERR_INPUT;
}

/* The range in words, e.g. "must be > 0 and <= 1". */
static int range_problem(const cp_cell *cell, cp_range range, cp_errors *errors)
{
    char lo[48] = "", hi[48] = "";
    if (isfinite(range.lo))
        snprintf(lo, sizeof lo, "%s %g", range.lo_open ? ">" : ">=", range.lo);
    if (isfinite(range.hi))
        snprintf(hi, sizeof hi, "%s %g", range.hi_open ? "<" : "<=", range.hi);
    return cp_cell_problem(cell, errors, "must be %s%s%s", lo, lo[0] && hi[0] ? " and " : "", hi);
}

static bool in_range(double x, cp_range range)
{
    bool above = range.lo_open ? x > range.lo : x >= range.lo;
    bool below = range.hi_open ? x < range.hi : x <= range.hi;
    return above && below;
}

/* Parses decimal notation only: optional sign, digits, point, exponent. */
static bool parse_decimal(const char *text, double *out)
{
    if (strspn(text, "0123456789+-.eE") != strlen(text))
        return false;
    char *end;
    double x = strtod(text, &end);
    if (end == text || *end != '\0')
        return false;
    *out = x;
    return true;
}

int cp_field_number(const cp_cell *cell, cp_range range, cp_errors *errors, double *out)
{
    char text[MAX_NUMBER_TEXT];
    double x;
    if (cp_cell_empty(cell))
        return cp_cell_problem(cell, errors, "missing value");
    if (!trimmed(cell->text, text, sizeof text) || !parse_decimal(text, &x))
        return cp_cell_problem(cell, errors, "not a number");
    if (!isfinite(x))
        return cp_cell_problem(cell, errors, "not a finite number");
    if (!in_range(x, range))
        return range_problem(cell, range, errors);
    *out = x;
    return CP_OK;
}

int cp_field_number_or_none(const cp_cell *cell, cp_range range, cp_errors *errors, bool *none,
                            double *out)
{
    char text[MAX_NUMBER_TEXT];
    *none = trimmed(cell->text, text, sizeof text) && strcasecmp(text, "none") == 0;
    return *none ? CP_OK : cp_field_number(cell, range, errors, out);
}

/* Whether text is an optional sign followed by one or more decimal digits. */
static bool is_integer_text(const char *text)
{
    const char *digits = text + (text[0] == '+' || text[0] == '-');
    return digits[0] != '\0' && strspn(digits, "0123456789") == strlen(digits);
}

int cp_field_integer(const cp_cell *cell, int lo, int hi, cp_errors *errors, int *out)
{
    char text[MAX_NUMBER_TEXT];
    if (cp_cell_empty(cell))
        return cp_cell_problem(cell, errors, "missing value");
    if (!trimmed(cell->text, text, sizeof text) || !is_integer_text(text))
        return cp_cell_problem(cell, errors, "not an integer");
    errno = 0;
    long x = strtol(text, NULL, 10);
    if (errno == ERANGE || x < lo || x > hi)
        return cp_cell_problem(cell, errors, "must be >= %d and <= %d", lo, hi);
    *out = (int)x;
    return CP_OK;
}

int cp_field_boolean(const cp_cell *cell, cp_errors *errors, bool *out)
{
    static const char *const yes[] = {"true", "yes", "1"}, *const no[] = {"false", "no", "0"};
    char text[8];
    if (cp_cell_empty(cell))
        return cp_cell_problem(cell, errors, "missing value");
    if (trimmed(cell->text, text, sizeof text)) {
        for (int i = 0; i < 3; i++) {
            if (strcasecmp(text, yes[i]) == 0 || strcasecmp(text, no[i]) == 0) {
                *out = strcasecmp(text, yes[i]) == 0;
                return CP_OK;
            }
        }
    }
    return cp_cell_problem(cell, errors, "not a boolean (true/false, yes/no, 1/0)");
}

int cp_field_rating(const cp_cell *cell, cp_errors *errors, cp_rating *out)
{
    static const cp_rating ratings[] = {CP_RATING_INADEQUATE, CP_RATING_REQUIRES_IMPROVEMENT,
                                        CP_RATING_GOOD, CP_RATING_OUTSTANDING, CP_RATING_UNRATED};
    char text[32];
    if (cp_cell_empty(cell))
        return cp_cell_problem(cell, errors, "missing value");
    if (trimmed(cell->text, text, sizeof text)) {
        for (size_t i = 0; i < sizeof ratings / sizeof ratings[0]; i++) {
            if (strcasecmp(text, cp_rating_name(ratings[i])) == 0) {
                *out = ratings[i];
                return CP_OK;
            }
        }
    }
    return cp_cell_problem(cell, errors,
                           "unknown rating (outstanding, good, requires_improvement, "
                           "inadequate or unrated)");
}

/* One list item: its name index and its position in the list. */
typedef struct item {
    int id, position;
} item;

static int by_id_then_position(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->id != y->id)
        return (x->id > y->id) - (x->id < y->id);
    return (x->position > y->position) - (x->position < y->position);
}

static int by_position(const void *a, const void *b)
{
    const item *x = a, *y = b;
    return (x->position > y->position) - (x->position < y->position);
}

/* Interns the trimmed items of text (no empty item) into items. Returns false at an empty
 * item. */
static bool split_items(const char *text, cp_names *names, item **items, int *n_items)
{
    char *copy = cp_strdup(text);
    size_t capacity = 0;
    bool ok = true;
    int n = 0;
    for (char *start = copy, *end; ok; start = end + 1) {
        end = start + strcspn(start, ";");
        bool last = *end == '\0';
        *end = '\0';
        while (isspace((unsigned char)*start))
            start++;
        for (char *back = end; back > start && isspace((unsigned char)back[-1]); back--)
            back[-1] = '\0';
        ok = start[0] != '\0';
        if (ok) {
            cp_grow((void **)items, sizeof **items, &capacity, (size_t)n + 1);
            (*items)[n] = (item){.id = cp_names_intern(names, start), .position = n};
            n++;
        }
        if (last)
            break;
    }
    free(copy);
    *n_items = n;
    return ok;
}

int cp_field_list(const cp_cell *cell, cp_names *names, cp_errors *errors, int **ids, int *count)
{
    *ids = NULL;
    *count = 0;
    if (cp_cell_empty(cell))
        return cp_cell_problem(cell, errors, "missing value");
    item *items = NULL;
    int n = 0, kept = 0;
    if (!split_items(cell->text, names, &items, &n)) {
        free(items);
        return cp_cell_problem(cell, errors, "empty item in ';'-list");
    }
    qsort(items, (size_t)n, sizeof *items, by_id_then_position);
    for (int i = 0; i < n; i++)
        if (i == 0 || items[i].id != items[i - 1].id)
            items[kept++] = items[i];
    qsort(items, (size_t)kept, sizeof *items, by_position);
    *ids = cp_malloc((size_t)kept * sizeof **ids);
    for (int i = 0; i < kept; i++)
        (*ids)[i] = items[i].id;
    *count = kept;
    free(items);
    return CP_OK;
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int cp_field_idlist(const cp_cell *cell, cp_names *names, cp_errors *errors, cp_idlist *out)
{
    int status = cp_field_list(cell, names, errors, &out->ids, &out->count);
    if (status == CP_OK)
        qsort(out->ids, (size_t)out->count, sizeof *out->ids, compare_ints);
    return status;
}
