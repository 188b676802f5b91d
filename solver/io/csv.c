/* Reading one CSV file into a table of strings with libcsv (strict RFC 4180 quoting).
 *
 * The file is fed to libcsv in pieces that each lie on one physical line and end at the first
 * '\r' or '\n' (or at the end of a read block). libcsv ends a record only on such a byte, so at
 * most one record ends per piece, at its last byte, and the line on which the next record
 * starts is the line of the first piece holding a byte other than blank or line end. This gives
 * the physical line of every record, quoted fields spanning lines included. A leading UTF-8
 * byte-order mark is dropped; blank lines produce no record (libcsv skips them). */
#include "io/csv.h"

#include "util/alloc.h"
#include "util/status.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE 65536

/* Most columns a header may have: rows are padded to the header's width, so a runaway header
 * would multiply the memory a file takes. */
#define MAX_COLUMNS 1000

/* The cell of every padded position (short rows); never freed. */
static char padding[] = "";

typedef struct reader {
    const char *name;
    cp_errors *errors;
    bool failed;   /* a problem was added */
    long line;     /* physical line of the piece being fed */
    long row_line; /* line where the current record began; 0 between records */
    bool row_nul;  /* the current record holds a NUL byte */
    bool header;   /* the first record was seen (table->columns stays NULL if refused) */

    char **fields; /* fields of the current record */
    size_t n_fields, fields_capacity;

    cp_csv_table *table;
    size_t cells_capacity, lines_capacity;
} reader;

static void problem_at(reader *r, long line, const char *problem)
{
    cp_errors_at(r->errors, r->name, line, NULL, NULL, "%s", problem);
    r->failed = true;
}

static void on_field(void *data, size_t length, void *context)
{
    reader *r = context;
    char *field = cp_malloc(length + 1);
    if (length > 0) {
        memcpy(field, data, length);
        if (memchr(data, '\0', length))
            r->row_nul = true;
    }
    field[length] = '\0';
    cp_grow((void **)&r->fields, sizeof *r->fields, &r->fields_capacity, r->n_fields + 1);
    r->fields[r->n_fields++] = field;
}

static void free_fields(reader *r)
{
    for (size_t i = 0; i < r->n_fields; i++)
        free(r->fields[i]);
    r->n_fields = 0;
}

/* Reports a record with too many fields ("N WHAT LIMIT", e.g. "5 fields, header has 4") and
 * drops it. */
static void reject_record(reader *r, const char *what, size_t limit)
{
    char problem[96];
    snprintf(problem, sizeof problem, "%zu %s %zu", r->n_fields, what, limit);
    problem_at(r, r->row_line, problem);
    free_fields(r);
}

/* The first record: column names, each non-empty name at most once. */
static void take_header(reader *r)
{
    cp_csv_table *t = r->table;
    if (r->n_fields > MAX_COLUMNS) {
        reject_record(r, "columns, at most", (size_t)MAX_COLUMNS);
        return;
    }
    t->n_columns = (int)r->n_fields;
    t->columns = cp_malloc(r->n_fields * sizeof *t->columns);
    for (size_t i = 0; i < r->n_fields; i++) {
        t->columns[i] = r->fields[i];
        for (size_t j = 0; j < i && t->columns[i][0] != '\0'; j++) {
            if (strcmp(t->columns[i], t->columns[j]) == 0) {
                cp_errors_at(r->errors, r->name, r->row_line, t->columns[i], NULL,
                             "duplicate column");
                r->failed = true;
                break;
            }
        }
    }
    r->n_fields = 0;
}

static void take_row(reader *r)
{
    cp_csv_table *t = r->table;
    size_t n_columns = (size_t)t->n_columns;
    if (r->n_fields > n_columns) {
        reject_record(r, "fields, header has", n_columns);
        return;
    }
    size_t base = (size_t)t->n_rows * n_columns;
    cp_grow((void **)&t->cells, sizeof *t->cells, &r->cells_capacity, base + n_columns);
    cp_grow((void **)&t->line, sizeof *t->line, &r->lines_capacity, (size_t)t->n_rows + 1);
    for (size_t i = 0; i < n_columns; i++)
        t->cells[base + i] = i < r->n_fields ? r->fields[i] : padding;
    t->line[t->n_rows++] = r->row_line;
    r->n_fields = 0;
}

static void on_record(int terminator, void *context)
{
    (void)terminator;
    reader *r = context;
    if (r->row_nul) {
        problem_at(r, r->row_line, "NUL byte in a field (not a text file?)");
        r->row_nul = false;
    }
    if (!r->header)
        take_header(r);
    else if (r->table->columns)
        take_row(r);
    else
        free_fields(r);
    r->header = true;
    r->row_line = 0;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Feeds one piece lying on line r->line. Returns false after a parse error. */
static bool feed(reader *r, struct csv_parser *parser, const char *piece, size_t length)
{
    for (size_t i = 0; r->row_line == 0 && i < length; i++)
        if (!is_blank(piece[i]))
            r->row_line = r->line;
    if (csv_parse(parser, piece, length, on_field, on_record, r) != length) {
        problem_at(r, r->line,
                   csv_error(parser) == CSV_EPARSE ? "malformed quoting" : "field too large");
        return false;
    }
    if (piece[length - 1] == '\n')
        r->line++;
    return true;
}

/* Feeds a block split into pieces that end at a line end. Returns false after a parse error. */
static bool feed_block(reader *r, struct csv_parser *parser, const char *block, size_t length)
{
    size_t start = 0;
    while (start < length) {
        size_t end = start;
        while (end < length && block[end] != '\n' && block[end] != '\r')
            end++;
        if (end < length)
            end++;
        if (!feed(r, parser, block + start, end - start))
            return false;
        start = end;
    }
    return true;
}

/* Parses the whole stream; problems go to r. */
static void parse_stream(reader *r, FILE *in)
{
    struct csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_realloc_func(&parser, cp_realloc);
    csv_set_free_func(&parser, free);
    char *block = cp_malloc(BLOCK_SIZE);
    bool first = true, ok = true;
    size_t got;
    errno = 0;
    while (ok && (got = fread(block, 1, BLOCK_SIZE, in)) > 0) {
        size_t skip = first && got >= 3 && memcmp(block, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        first = false;
        ok = feed_block(r, &parser, block + skip, got - skip);
    }
    if (ok && ferror(in)) {
        cp_errors_at(r->errors, r->name, 0, NULL, NULL, "cannot read: %s", strerror(errno));
        r->failed = true;
    } else if (ok && csv_fini(&parser, on_field, on_record, r) != 0) {
        problem_at(r, r->row_line, "unterminated quoted field");
    } else if (ok && !r->header) {
        problem_at(r, 0, "no header row (empty file)");
    }
    free_fields(r);
    free(r->fields);
    free(block);
    csv_free(&parser);
}

int cp_csv_read(const char *path, const char *display_name, cp_csv_table **out, cp_errors *errors)
{
    *out = NULL;
    reader r = {.name = display_name, .errors = errors, .line = 1};
    r.table = cp_calloc(1, sizeof *r.table);
    r.table->name = cp_strdup(display_name);
    FILE *in = fopen(path, "rb");
    if (!in) {
        cp_errors_at(errors, display_name, 0, NULL, NULL, "cannot open: %s", strerror(errno));
        r.failed = true;
        goto cleanup;
    }
    parse_stream(&r, in);
    fclose(in);
cleanup:
    if (r.failed) {
        cp_csv_destroy(r.table);
        return CP_ERR_INPUT;
    }
    *out = r.table;
    return CP_OK;
}

int cp_csv_column(const cp_csv_table *table, const char *name)
{
    for (int i = 0; i < table->n_columns; i++)
        if (strcmp(table->columns[i], name) == 0)
            return i;
    return -1;
}

const char *cp_csv_cell(const cp_csv_table *table, int row, int column)
{
    if (column < 0)
        return "";
    return table->cells[(size_t)row * (size_t)table->n_columns + (size_t)column];
}

void cp_csv_destroy(cp_csv_table *table)
{
    if (!table)
        return;
    for (int i = 0; i < table->n_columns; i++)
        free(table->columns[i]);
    free(table->columns);
    size_t n_cells = (size_t)table->n_rows * (size_t)table->n_columns;
    for (size_t i = 0; i < n_cells; i++)
        if (table->cells[i] != padding)
            free(table->cells[i]);
    free(table->cells);
    free(table->line);
    free(table->name);
    free(table);
}
