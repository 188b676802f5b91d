/* Import of OR-Library generalized assignment files (`carepool import gap`): a tokenizer that
 * keeps the line of every token, a checker that reports every problem with its line and
 * token number, and the instance's rows, written by io/instance_writer.h. Benchmark files
 * hold at most a few tens of thousands of numbers, so the whole file is held in memory. */
#define _POSIX_C_SOURCE 200809L
#include "io/gap_import.h"

#include "io/instance_writer.h"

#include "util/alloc.h"
#include "util/status.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct token {
    char *text;
    long line;
} token;

typedef struct token_list {
    token *items;
    size_t count, capacity;
} token_list;

typedef struct gap {
    long m, n;        /* agents, jobs */
    double *cost;     /* m x n, agent-major */
    double *resource; /* m x n, agent-major */
    double *capacity; /* m */
} gap;

static void tokens_free(token_list *tokens)
{
    for (size_t i = 0; i < tokens->count; i++)
        free(tokens->items[i].text);
    free(tokens->items);
}

static void push_token(token_list *tokens, const char *text, long line)
{
    cp_grow((void **)&tokens->items, sizeof *tokens->items, &tokens->capacity, tokens->count + 1);
    tokens->items[tokens->count++] = (token){cp_strdup(text), line};
}

/* Splits the file at path into whitespace-separated tokens. Returns false, with a message,
 * when it cannot be read. */
static bool read_tokens(const char *path, token_list *tokens, cp_errors *errors)
{
    FILE *file = fopen(path, "r");
    if (!file) {
        cp_errors_at(errors, path, 0, NULL, NULL, "cannot open: %s", strerror(errno));
        return false;
    }
    char *word = NULL;
    size_t length = 0, capacity = 0;
    long line = 1;
    int c;
    do {
        c = getc(file);
        if (c != EOF && !isspace(c)) {
            cp_grow((void **)&word, 1, &capacity, length + 2);
            word[length++] = (char)c;
            continue;
        }
        if (length > 0) {
            word[length] = '\0';
            push_token(tokens, word, line);
            length = 0;
        }
        if (c == '\n')
            line++;
    } while (c != EOF);
    bool ok = !ferror(file);
    if (!ok)
        cp_errors_at(errors, path, 0, NULL, NULL, "cannot read: %s", strerror(errno));
    free(word);
    fclose(file);
    return ok;
}

/* What the token at 0-based position k stands for, given m and n. */
static void describe(const gap *g, size_t k, char *text, size_t size)
{
    size_t mn = (size_t)g->m * (size_t)g->n;
    if (k == 0)
        snprintf(text, size, "number of agents m");
    else if (k == 1)
        snprintf(text, size, "number of jobs n");
    else if (k - 2 < mn)
        snprintf(text, size, "cost of agent %zu, job %zu", (k - 2) / (size_t)g->n + 1,
                 (k - 2) % (size_t)g->n + 1);
    else if (k - 2 - mn < mn)
        snprintf(text, size, "resource of agent %zu, job %zu", (k - 2 - mn) / (size_t)g->n + 1,
                 (k - 2 - mn) % (size_t)g->n + 1);
    else
        snprintf(text, size, "capacity of agent %zu", k - 2 - 2 * mn + 1);
}

/* Adds "PATH:LINE: token K (what): problem (value 'X')" for the token at position k. */
static void token_error(const char *path, const token_list *tokens, const gap *g, size_t k,
                        const char *problem, cp_errors *errors)
{
    char what[96];
    describe(g, k, what, sizeof what);
    cp_errors_at(errors, path, tokens->items[k].line, NULL, tokens->items[k].text,
                 "token %zu (%s): %s", k + 1, what, problem);
}

/* Parses m or n (the token at position k) into *out; false with a message when it is not
 * a positive integer that fits an int. */
static bool parse_count(const char *path, const token_list *tokens, const gap *g, size_t k,
                        long *out, cp_errors *errors)
{
    const char *text = tokens->items[k].text;
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (*end != '\0' || errno != 0 || value <= 0 || value > INT_MAX) {
        token_error(path, tokens, g, k, "not a positive integer", errors);
        return false;
    }
    *out = value;
    return true;
}

/* Parses the number at position k (k >= 2) and checks its sign: costs >= 0, resources and
 * capacities > 0. Returns false with a message otherwise. */
static bool parse_value(const char *path, const token_list *tokens, const gap *g, size_t k,
                        double *out, cp_errors *errors)
{
    const char *text = tokens->items[k].text;
    char *end;
    double value = strtod(text, &end);
    if (*end != '\0' || !isfinite(value)) {
        token_error(path, tokens, g, k, "not a number", errors);
        return false;
    }
    bool is_cost = k - 2 < (size_t)g->m * (size_t)g->n;
    if (is_cost && value < 0) {
        token_error(path, tokens, g, k, "must be >= 0", errors);
        return false;
    }
    if (!is_cost && value <= 0) {
        token_error(path, tokens, g, k, "must be > 0", errors);
        return false;
    }
    *out = value;
    return true;
}

/* Checks the tokens and fills *g (its arrays are the caller's to free, also on failure).
 * Returns CP_OK or CP_ERR_INPUT with every problem found added to errors. */
static int parse_gap(const char *path, const token_list *tokens, gap *g, cp_errors *errors)
{
    if (tokens->count == 0) {
        cp_errors_at(errors, path, 0, NULL, NULL,
                     "empty file: expected the number of agents m and of jobs n");
        return CP_ERR_INPUT;
    }
    bool ok = parse_count(path, tokens, g, 0, &g->m, errors);
    if (tokens->count == 1) {
        cp_errors_at(errors, path, tokens->items[0].line, NULL, NULL,
                     "truncated after token 1: expected the number of jobs n");
        return CP_ERR_INPUT;
    }
    ok = parse_count(path, tokens, g, 1, &g->n, errors) && ok;
    if (!ok)
        return CP_ERR_INPUT;

    size_t mn = (size_t)g->m * (size_t)g->n;
    unsigned long long expected = 2 + 2ULL * g->m * g->n + g->m;
    if (tokens->count >= expected) {
        g->cost = cp_malloc(mn * sizeof *g->cost);
        g->resource = cp_malloc(mn * sizeof *g->resource);
        g->capacity = cp_malloc((size_t)g->m * sizeof *g->capacity);
    }
    size_t present = tokens->count < expected ? tokens->count : (size_t)expected;
    for (size_t k = 2; k < present; k++) {
        double value = 0;
        ok = parse_value(path, tokens, g, k, &value, errors) && ok;
        if (!g->cost)
            continue;
        if (k - 2 < mn)
            g->cost[k - 2] = value;
        else if (k - 2 - mn < mn)
            g->resource[k - 2 - mn] = value;
        else
            g->capacity[k - 2 - 2 * mn] = value;
    }

    if (tokens->count < expected) {
        char what[96];
        describe(g, present - 1, what, sizeof what);
        cp_errors_at(errors, path, tokens->items[present - 1].line, NULL, NULL,
                     "truncated after token %zu (%s): expected %llu tokens for m = %ld, n = %ld",
                     present, what, expected, g->m, g->n);
        ok = false;
    } else if (tokens->count > expected) {
        const token *first = &tokens->items[expected];
        size_t extra = tokens->count - (size_t)expected;
        cp_errors_at(errors, path, first->line, NULL, first->text,
                     "token %llu: %zu trailing token%s after the last capacity", expected + 1,
                     extra, extra == 1 ? "" : "s");
        ok = false;
    }
    return ok ? CP_OK : CP_ERR_INPUT;
}

cp_instance_rows *cp_gap_rows(long m, long n, const double *cost, const double *resource,
                              const double *capacity)
{
    cp_instance_rows *rows = cp_instance_rows_create();
    rows->columns[CP_FILE_AUTHORITIES] = CP_AUTHORITIES_COLUMNS;
    rows->columns[CP_FILE_SERVICES] = "id,authority,type,capacity,weekly_price";
    rows->columns[CP_FILE_USERS] = "id,authority,types";
    rows->columns[CP_FILE_QUOTES] = CP_QUOTES_COLUMNS;
    rows->columns[CP_FILE_SETTINGS] = CP_SETTINGS_COLUMNS;
    cp_instance_rows_add_authority(rows, (cp_authority_row){"gap", "gap", 0, 0});
    char agent[32], job[32];
    for (long i = 0; i < m; i++) {
        snprintf(agent, sizeof agent, "a%ld", i + 1);
        cp_service_row service = cp_service_row_empty();
        service.id = agent;
        service.authority = "gap";
        service.type = "agent";
        service.capacity = capacity[i];
        service.weekly_price = 0;
        cp_instance_rows_add_service(rows, service);
    }
    for (long j = 0; j < n; j++) {
        snprintf(job, sizeof job, "j%ld", j + 1);
        cp_user_row user = cp_user_row_empty();
        user.id = job;
        user.authority = "gap";
        user.types = "agent";
        cp_instance_rows_add_user(rows, user);
        for (long i = 0; i < m; i++) {
            snprintf(agent, sizeof agent, "a%ld", i + 1);
            cp_instance_rows_add_quote(
                rows, (cp_quote_row){job, agent, cost[i * n + j], resource[i * n + j]});
        }
    }
    cp_instance_rows_add_setting(rows, (cp_setting_row){"quotes_only", "true"});
    cp_instance_rows_add_setting(rows, (cp_setting_row){"spot_cost", "none"});
    return rows;
}

/* CP_OK when target does not exist or is an empty directory; otherwise an error. */
static int check_target(const char *target, cp_errors *errors)
{
    if (target[0] == '\0') {
        cp_errors_add(errors, "the output directory name is empty");
        return CP_ERR_INPUT;
    }
    struct stat info;
    if (stat(target, &info) != 0) {
        if (errno == ENOENT)
            return CP_OK;
        cp_errors_add(errors, "%s: cannot access output directory: %s", target, strerror(errno));
        return CP_ERR_INTERNAL;
    }
    if (!S_ISDIR(info.st_mode)) {
        cp_errors_add(errors, "%s: output exists and is not a directory", target);
        return CP_ERR_INPUT;
    }
    DIR *directory = opendir(target);
    if (!directory) {
        cp_errors_add(errors, "%s: cannot read output directory: %s", target, strerror(errno));
        return CP_ERR_INTERNAL;
    }
    bool empty = true;
    const struct dirent *entry;
    while (empty && (entry = readdir(directory)) != NULL)
        empty = strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0;
    closedir(directory);
    if (!empty) {
        cp_errors_add(errors, "%s: output directory is not empty (refusing to overwrite it)",
                      target);
        return CP_ERR_INPUT;
    }
    return CP_OK;
}

int cp_gap_import(const char *path, const char *out_dir, cp_errors *errors)
{
    token_list tokens = {0};
    gap g = {0};
    cp_errors_next_file(errors);
    int status = CP_ERR_INPUT;
    if (!read_tokens(path, &tokens, errors))
        goto cleanup;
    status = parse_gap(path, &tokens, &g, errors);
    if (status != CP_OK)
        goto cleanup;
    status = check_target(out_dir, errors);
    if (status != CP_OK)
        goto cleanup;
    cp_instance_rows *rows = cp_gap_rows(g.m, g.n, g.cost, g.resource, g.capacity);
    status = cp_instance_write(rows, out_dir, errors);
    cp_instance_rows_destroy(rows);

cleanup:
    tokens_free(&tokens);
    free(g.cost);
    free(g.resource);
    free(g.capacity);
    return status;
}
