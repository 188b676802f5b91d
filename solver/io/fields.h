/* Parsing of one CSV cell into a typed value (number, integer in a range, boolean, rating,
 * `;`-separated list), reporting "FILE:LINE: column 'NAME': PROBLEM (value 'X')". */
#ifndef CAREPOOL_IO_FIELDS_H
#define CAREPOOL_IO_FIELDS_H

#include <math.h>
#include <stdbool.h>

#include "core/instance.h"
#include "io/csv.h"
#include "util/errors.h"

/* Where a cell sits and what it holds; the strings are borrowed. */
typedef struct cp_cell {
    const char *file;   /* display name, e.g. "users.csv" */
    long line;          /* physical line */
    const char *column; /* column name */
    const char *text;   /* the cell as read */
} cp_cell;

/* Accepted interval of a number; an infinite bound is no bound. */
typedef struct cp_range {
    double lo, hi;
    bool lo_open, hi_open; /* true: the bound itself is excluded */
} cp_range;

#define CP_RANGE_NONNEGATIVE ((cp_range){0, INFINITY, false, false})
#define CP_RANGE_POSITIVE ((cp_range){0, INFINITY, true, false})

/* The cell at (row, column) of table, reported as column name; column -1 gives "". */
cp_cell cp_cell_at(const cp_csv_table *table, int row, int column, const char *name);

/* Whether the cell holds nothing but white space (it then takes its default). */
bool cp_cell_empty(const cp_cell *cell);

/* The cell's text without surrounding white space, as a new string (caller frees). */
char *cp_field_text(const cp_cell *cell);

/* Adds "FILE:LINE: column 'NAME': PROBLEM (value 'TEXT')" (no value part for an empty cell)
 * and returns CP_ERR_INPUT. */
int cp_cell_problem(const cp_cell *cell, cp_errors *errors, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A finite decimal number within range (white space around it is ignored). Returns CP_OK and
 * *out, or CP_ERR_INPUT with "missing value", "not a number", "not a finite number" or
 * "must be >= 0" (the range in words) added to errors; *out is then unchanged. */
int cp_field_number(const cp_cell *cell, cp_range range, cp_errors *errors, double *out);

/* As cp_field_number, but `none` (any case) sets *none and leaves *out unchanged. */
int cp_field_number_or_none(const cp_cell *cell, cp_range range, cp_errors *errors, bool *none,
                            double *out);

/* A decimal integer in [lo, hi]. Returns CP_OK and *out, or CP_ERR_INPUT with
 * "missing value", "not an integer" or "must be >= lo and <= hi". */
int cp_field_integer(const cp_cell *cell, int lo, int hi, cp_errors *errors, int *out);

/* true/false/yes/no/1/0, any case. Returns CP_OK and *out, or CP_ERR_INPUT. */
int cp_field_boolean(const cp_cell *cell, cp_errors *errors, bool *out);

/* A rating name of the input contract, any case. Returns CP_OK and *out, or CP_ERR_INPUT. */
int cp_field_rating(const cp_cell *cell, cp_errors *errors, cp_rating *out);

/* A non-empty `;`-separated list: each item, trimmed, is interned in names. Returns CP_OK with
 * the indices in list order, repeats dropped, in *ids (caller frees) and *count >= 1, or
 * CP_ERR_INPUT with *ids NULL, *count 0 and "missing value" or "empty item in ';'-list". */
int cp_field_list(const cp_cell *cell, cp_names *names, cp_errors *errors, int **ids, int *count);

/* As cp_field_list, but the indices sorted ascending (a cp_idlist, caller frees ids). */
int cp_field_idlist(const cp_cell *cell, cp_names *names, cp_errors *errors, cp_idlist *out);

#endif
