/* Reading PLAN.csv: the scenarios of a sweep, each a directory and the options of its solve.
 * Only the plan's own shape is checked here (columns, ids, directories); the values of the
 * options are solve's to check, by the caller, before any scenario runs. */
#include "sweep/plan.h"

#include "core/scenario.h"
#include "io/csv.h"
#include "util/alloc.h"
#include "util/status.h"
#include "util/strmap.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Plan columns and the solve options they set; `set:KEY` is --set KEY=VALUE. */
static const struct {
    const char *column, *flag;
} column_flags[] = {
    {"config", "--config"},
    {"method", "--method"},
    {"time_limit", "--time-limit"},
    {"work", "--work"},
    {"gap", "--gap"},
    {"seed", "--seed"},
    {"threads", "--threads"},
    {"formulation", "--formulation"},
    {"cuts", "--cuts"},
    {"branching", "--branching"},
    {"demand_growth", "--demand-growth"},
    {"uplift", "--uplift"},
};

const char *cp_sweep_plan_flag(const char *column)
{
    if (strncmp(column, "set:", 4) == 0 && column[4])
        return "--set";
    for (size_t i = 0; i < sizeof column_flags / sizeof column_flags[0]; i++)
        if (strcmp(column, column_flags[i].column) == 0)
            return column_flags[i].flag;
    return NULL;
}

/* FNV-1a of the file's bytes; 0 when it cannot be read (the CSV reader then says why). */
static uint64_t file_fingerprint(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return 0;
    uint64_t hash = 14695981039346656037ULL;
    int c;
    while ((c = getc(file)) != EOF)
        hash = (hash ^ (unsigned char)c) * 1099511628211ULL;
    fclose(file);
    return hash;
}

/* An id names a directory under OUT/runs: letters, digits, '-', '_' and '.', not "." or "..". */
static bool id_usable(const char *id)
{
    if (!*id || strcmp(id, ".") == 0 || strcmp(id, "..") == 0 || strlen(id) > 128)
        return false;
    for (const char *c = id; *c; c++)
        if (!(('a' <= *c && *c <= 'z') || ('A' <= *c && *c <= 'Z') || ('0' <= *c && *c <= '9') ||
              *c == '-' || *c == '_' || *c == '.'))
            return false;
    return true;
}

static char *resolve_against(const char *plan_path, const char *directory)
{
    if (directory[0] == '/')
        return cp_strdup(directory);
    char *copy = cp_strdup(plan_path);
    const char *base = dirname(copy);
    char *path = cp_malloc(strlen(base) + strlen(directory) + 2);
    sprintf(path, "%s/%s", base, directory);
    free(copy);
    return path;
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int check_columns(const cp_csv_table *table, cp_errors *errors)
{
    int status = CP_OK;
    for (int c = 0; c < table->n_columns; c++) {
        const char *name = table->columns[c];
        if (strcmp(name, "id") != 0 && strcmp(name, "instance") != 0 && !cp_sweep_plan_flag(name)) {
            cp_errors_at(errors, table->name, 1, name, NULL,
                         "unknown column (known: id, instance, config, method, time_limit, work, "
                         "gap, seed, threads, formulation, cuts, branching, demand_growth, "
                         "uplift, set:KEY)");
            status = CP_ERR_INPUT;
        }
    }
    for (int i = 0; i < 2; i++) {
        const char *required = i == 0 ? "id" : "instance";
        if (cp_csv_column(table, required) < 0) {
            cp_errors_at(errors, table->name, 1, required, NULL, "required column missing");
            status = CP_ERR_INPUT;
        }
    }
    return status;
}

static char *trimmed(const char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    size_t n = strlen(text);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        n--;
    char *copy = cp_malloc(n + 1);
    memcpy(copy, text, n);
    copy[n] = '\0';
    return copy;
}

static void add_option(cp_sweep_scenario *scenario, const char *plan_path, const char *column,
                       const char *value)
{
    cp_sweep_option *option = &scenario->options[scenario->n_options++];
    option->flag = cp_sweep_plan_flag(column);
    option->column = column;
    if (strcmp(option->flag, "--uplift") == 0 && !cp_percent_parse(value, &(double){0})) {
        option->value = resolve_against(plan_path, value); /* a file, like the instance */
    } else if (strcmp(option->flag, "--set") == 0) {
        option->value = cp_malloc(strlen(column) + strlen(value));
        sprintf(option->value, "%s=%s", column + 4, value);
    } else {
        option->value = cp_strdup(value);
    }
}

/* Fills scenario s from row r; ids holds the ids seen so far. */
static void read_scenario(cp_sweep_plan *plan, const cp_csv_table *table, int r, cp_strmap *ids,
                          cp_errors *errors)
{
    cp_sweep_scenario *s = &plan->scenarios[r];
    s->line = table->line[r];
    s->id = trimmed(cp_csv_cell(table, r, cp_csv_column(table, "id")));
    char *instance = trimmed(cp_csv_cell(table, r, cp_csv_column(table, "instance")));
    s->instance = resolve_against(plan->path, instance);
    s->options = cp_calloc((size_t)table->n_columns, sizeof *s->options);
    plan->cells[r] = cp_calloc((size_t)table->n_columns, sizeof(char *));
    if (!id_usable(s->id)) {
        cp_errors_at(errors, plan->name, s->line, "id", s->id,
                     "an id is required: letters, digits, '-', '_' or '.', at most 128");
    } else if (cp_strmap_get(ids, s->id) >= 0) {
        cp_errors_at(errors, plan->name, s->line, "id", s->id, "repeated (first on line %ld)",
                     plan->scenarios[cp_strmap_get(ids, s->id)].line);
    } else {
        cp_strmap_put(ids, s->id, r);
    }
    if (!*instance || !is_directory(s->instance)) {
        cp_errors_at(errors, plan->name, s->line, "instance", instance,
                     *instance ? "no such directory (relative to the plan's directory)"
                               : "missing value");
    } else {
        s->usable = true;
    }
    free(instance);
    for (int c = 0; c < table->n_columns; c++) {
        plan->cells[r][c] = trimmed(cp_csv_cell(table, r, c));
        if (*plan->cells[r][c] && cp_sweep_plan_flag(table->columns[c]))
            add_option(s, plan->path, plan->columns[c], plan->cells[r][c]);
    }
}

int cp_sweep_plan_read(const char *path, cp_sweep_plan **out, cp_errors *errors)
{
    *out = NULL;
    char *copy = cp_strdup(path);
    char *name = cp_strdup(basename(copy));
    free(copy);
    cp_csv_table *table = NULL;
    int status = cp_csv_read(path, name, &table, errors);
    if (status == CP_OK)
        status = check_columns(table, errors);
    if (status == CP_OK && table->n_rows == 0) {
        cp_errors_at(errors, name, 0, NULL, NULL, "no scenarios");
        status = CP_ERR_INPUT;
    }
    if (status != CP_OK) {
        free(name);
        cp_csv_destroy(table);
        return status;
    }
    cp_sweep_plan *plan = cp_calloc(1, sizeof *plan);
    plan->path = cp_strdup(path);
    plan->name = name;
    plan->fingerprint = file_fingerprint(path);
    plan->n_columns = table->n_columns;
    plan->columns = cp_calloc((size_t)table->n_columns, sizeof(char *));
    for (int c = 0; c < table->n_columns; c++)
        plan->columns[c] = cp_strdup(table->columns[c]);
    plan->n_scenarios = table->n_rows;
    plan->scenarios = cp_calloc((size_t)table->n_rows, sizeof *plan->scenarios);
    plan->cells = cp_calloc((size_t)table->n_rows, sizeof(char **));
    cp_strmap *ids = cp_strmap_create();
    for (int r = 0; r < table->n_rows; r++)
        read_scenario(plan, table, r, ids, errors);
    cp_strmap_destroy(ids);
    cp_csv_destroy(table);
    *out = plan;
    return CP_OK;
}

void cp_sweep_plan_destroy(cp_sweep_plan *plan)
{
    if (!plan)
        return;
    for (int r = 0; r < plan->n_scenarios; r++) {
        cp_sweep_scenario *s = &plan->scenarios[r];
        for (int o = 0; o < s->n_options; o++)
            free(s->options[o].value);
        free(s->options);
        free(s->id);
        free(s->instance);
        for (int c = 0; plan->cells[r] && c < plan->n_columns; c++)
            free(plan->cells[r][c]);
        free(plan->cells[r]);
    }
    for (int c = 0; c < plan->n_columns; c++)
        free(plan->columns[c]);
    free(plan->columns);
    free(plan->scenarios);
    free(plan->cells);
    free(plan->name);
    free(plan->path);
    free(plan);
}
