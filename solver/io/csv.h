/* Reading one CSV file (RFC 4180, optional UTF-8 BOM, \n or \r\n) into a table of strings
 * with the line number of every row. The only user of libcsv. */
#ifndef CAREPOOL_IO_CSV_H
#define CAREPOOL_IO_CSV_H

#include <stdbool.h>

#include "util/errors.h"

typedef struct cp_csv_table {
    char *name; /* as shown in messages, e.g. "users.csv" */
    int n_columns;
    char **columns; /* header names; spaces and tabs around an unquoted name dropped */
    int n_rows;     /* data rows, header excluded; blank lines skipped */
    char **cells;   /* n_rows x n_columns, row-major; short rows padded with "" */
    long *line;     /* physical line (1-based) where each data row starts */
} cp_csv_table;

/* Reads path, naming it display_name in messages. Returns CP_OK and *out, or CP_ERR_INPUT with
 * problems added to errors ("users.csv:7: 5 fields, header has 9", malformed quoting, cannot
 * open) and *out NULL. Rows with more fields than the header are problems. */
int cp_csv_read(const char *path, const char *display_name, cp_csv_table **out,
                cp_errors *errors);

/* Index of the column named name, or -1. */
int cp_csv_column(const cp_csv_table *table, const char *name);

/* The cell at (row, column); "" when column is -1. */
const char *cp_csv_cell(const cp_csv_table *table, int row, int column);

/* Accepts NULL. */
void cp_csv_destroy(cp_csv_table *table);

#endif
