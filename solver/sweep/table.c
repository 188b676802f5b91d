/* sweep.csv and sweep_authorities.csv. Each value is copied as the scenario's own results
 * wrote it (summary.json's numbers as written), so the tables and the runs never disagree; the
 * distance measures, which summary.json lacks, come from assignments.csv's km column. */
#include "sweep/table.h"

#include "io/csv.h"
#include "io/escape.h"
#include "io/json_reader.h"
#include "io/output_dir.h"
#include "util/alloc.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* summary.json keys copied as they are; a key a run lacks (an older build, no plan) is empty. */
static const char *const summary_keys[] = {"status",  "stop_reason", "objective", "spend",
                                           "charges", "bound",       "gap",       "seconds",
                                           "people",  "placed",      "unplaced"};
#define N_SUMMARY_KEYS (sizeof summary_keys / sizeof summary_keys[0])

const char *const cp_sweep_outcome_columns[] = {
    "exit_status", "status",   "stop_reason", "weekly_cost", "spend",
    "charges",     "bound",    "gap",         "seconds",     "people",
    "placed",      "unplaced", "mean_km",     "p90_km",      "placed_outside_own_authority",
    NULL};

static char *run_file(const char *out, const char *id, const char *name)
{
    size_t n = strlen(out) + strlen(id) + strlen(name) + sizeof "/runs//";
    char *path = cp_malloc(n);
    snprintf(path, n, "%s/runs/%s/%s", out, id, name);
    return path;
}

static void write_summary_values(FILE *file, const char *summary_path)
{
    cp_errors ignored = {0};
    cp_json_value *root = NULL;
    cp_json_read_file(summary_path, &root, &ignored);
    for (size_t k = 0; k < N_SUMMARY_KEYS; k++) {
        const cp_json_value *value = root ? cp_json_member(root, summary_keys[k]) : NULL;
        fputc(',', file);
        if (value && value->text)
            cp_write_csv_field(file, value->text);
    }
    cp_json_destroy(root);
    cp_errors_clear(&ignored);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* mean_km and p90_km (nearest rank) of the people placed, from assignments.csv. */
static void write_distances(FILE *file, const char *assignments_path)
{
    cp_errors ignored = {0};
    cp_csv_table *table = NULL;
    double *km = NULL;
    int n = 0;
    if (cp_csv_read(assignments_path, "assignments.csv", &table, &ignored) == CP_OK) {
        int column = cp_csv_column(table, "km");
        km = cp_malloc(sizeof *km * (size_t)(table->n_rows + 1));
        for (int r = 0; column >= 0 && r < table->n_rows; r++) {
            char *end;
            const char *text = cp_csv_cell(table, r, column);
            double value = strtod(text, &end);
            if (*text && !*end && isfinite(value))
                km[n++] = value;
        }
    }
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += km[i];
    qsort(km, (size_t)n, sizeof *km, compare_doubles);
    fputc(',', file);
    cp_write_csv_number(file, n ? sum / n : NAN, 1);
    fputc(',', file);
    cp_write_csv_number(file, n ? km[(int)ceil(0.9 * n) - 1] : NAN, 1);
    free(km);
    cp_csv_destroy(table);
    cp_errors_clear(&ignored);
}

static void write_outside(FILE *file, const cp_csv_table *authorities)
{
    int column = authorities ? cp_csv_column(authorities, "placed_outside_own_authority") : -1;
    long total = 0;
    for (int r = 0; column >= 0 && r < authorities->n_rows; r++)
        total += atol(cp_csv_cell(authorities, r, column));
    fputc(',', file);
    if (column >= 0)
        fprintf(file, "%ld", total);
}

static void write_row(FILE *file, const cp_sweep_plan *plan, int s, int exit_status,
                      const char *out, const cp_csv_table *authorities)
{
    for (int c = 0; c < plan->n_columns; c++) {
        if (c)
            fputc(',', file);
        cp_write_csv_field(file, plan->cells[s][c]);
    }
    fprintf(file, ",%d", exit_status);
    const char *id = plan->scenarios[s].id;
    char *summary = run_file(out, id, "summary.json");
    char *assignments = run_file(out, id, "assignments.csv");
    write_summary_values(file, summary);
    write_distances(file, assignments);
    write_outside(file, authorities);
    fputc('\n', file);
    free(summary);
    free(assignments);
}

static void write_header(FILE *file, const cp_sweep_plan *plan)
{
    for (int c = 0; c < plan->n_columns; c++) {
        if (c)
            fputc(',', file);
        cp_write_csv_field(file, plan->columns[c]);
    }
    for (int c = 0; cp_sweep_outcome_columns[c]; c++)
        fprintf(file, ",%s", cp_sweep_outcome_columns[c]);
    fputc('\n', file);
}

/* Appends a run's per-council rows to the long file, in the columns of header (the first run's
 * authorities.csv), which it takes from this run when it is the first. */
static void write_long_rows(FILE *file, const char *id, const cp_csv_table *authorities,
                            cp_csv_table **header)
{
    if (!authorities)
        return;
    if (!*header) {
        *header = (cp_csv_table *)authorities;
        fputs("id", file);
        for (int c = 0; c < authorities->n_columns; c++) {
            fputc(',', file);
            cp_write_csv_field(file, authorities->columns[c]);
        }
        fputc('\n', file);
    }
    for (int r = 0; r < authorities->n_rows; r++) {
        cp_write_csv_field(file, id);
        for (int c = 0; c < (*header)->n_columns; c++) {
            fputc(',', file);
            int column = cp_csv_column(authorities, (*header)->columns[c]);
            cp_write_csv_field(file, cp_csv_cell(authorities, r, column));
        }
        fputc('\n', file);
    }
}

int cp_sweep_write_tables(const cp_sweep_plan *plan, const cp_sweep_journal *journal,
                          const char *out, cp_errors *errors)
{
    cp_output *output = cp_output_open(out, errors);
    if (!output)
        return CP_ERR_INTERNAL;
    FILE *rows = cp_output_file(output, "sweep.csv");
    FILE *councils = cp_output_file(output, "sweep_authorities.csv");
    if (!rows || !councils) {
        cp_output_abort(output);
        return CP_ERR_INTERNAL;
    }
    write_header(rows, plan);
    cp_csv_table *header = NULL; /* the first run's authorities.csv, kept for its columns */
    for (int s = 0; s < plan->n_scenarios; s++) {
        int exit_status;
        if (!cp_sweep_journal_done(journal, plan->scenarios[s].id, &exit_status))
            continue;
        cp_errors ignored = {0};
        cp_csv_table *authorities = NULL;
        char *path = run_file(out, plan->scenarios[s].id, "authorities.csv");
        cp_csv_read(path, "authorities.csv", &authorities, &ignored);
        free(path);
        cp_errors_clear(&ignored);
        write_row(rows, plan, s, exit_status, out, authorities);
        write_long_rows(councils, plan->scenarios[s].id, authorities, &header);
        if (authorities != header)
            cp_csv_destroy(authorities);
    }
    cp_csv_destroy(header);
    return cp_output_commit(output);
}
