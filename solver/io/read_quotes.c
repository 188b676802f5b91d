/* quotes.csv: bespoke prices (and optionally places) for one person at one service, kept
 * sorted by (user, service) with the first quote of each user in quote_start. */
#include "io/instance_parts.h"

#include "util/alloc.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { USER, SERVICE, WEEKLY_COST, PLACES, N_COLUMNS };

static const cp_column columns[N_COLUMNS] = {
    [USER] = {"user", true},
    [SERVICE] = {"service", true},
    [WEEKLY_COST] = {"weekly_cost", true},
    [PLACES] = {"places", false},
};

/* Reads one row into q; returns whether every cell is acceptable. pairs maps "user service"
 * (indices) to the row of its first quote. */
static bool read_row(cp_instance *instance, const cp_input *input, int row, cp_quote *q,
                     cp_strmap *pairs, cp_errors *errors)
{
    q->user = cp_input_reference(input, row, USER, instance->user_index, "user", errors);
    q->service =
        cp_input_reference(input, row, SERVICE, instance->service_index, "service", errors);
    cp_cell cost = cp_input_cell(input, row, WEEKLY_COST);
    cp_cell places = cp_input_cell(input, row, PLACES);
    bool ok = q->user != CP_NONE && q->service != CP_NONE;
    ok &= cp_field_number(&cost, CP_RANGE_NONNEGATIVE, errors, &q->weekly_cost) == CP_OK;
    q->places = NAN;
    if (!cp_cell_empty(&places))
        ok &= cp_field_number(&places, CP_RANGE_POSITIVE, errors, &q->places) == CP_OK;
    if (q->user == CP_NONE || q->service == CP_NONE)
        return false;
    char key[32];
    snprintf(key, sizeof key, "%d %d", q->user, q->service);
    int first = cp_strmap_get(pairs, key);
    if (first < 0) {
        cp_strmap_put(pairs, key, row);
        return ok;
    }
    cp_cell service = cp_input_cell(input, row, SERVICE);
    cp_cell_problem(&service, errors, "duplicate quote for user '%s', first on line %ld",
                    instance->users[q->user].id, input->table->line[first]);
    return false;
}

static int by_user_then_service(const void *a, const void *b)
{
    const cp_quote *x = a, *y = b;
    if (x->user != y->user)
        return (x->user > y->user) - (x->user < y->user);
    return (x->service > y->service) - (x->service < y->service);
}

static void read_quotes(cp_instance *instance, const cp_input *input, cp_errors *errors)
{
    int n = input->table->n_rows;
    cp_quote *quotes = cp_calloc((size_t)n, sizeof *quotes);
    cp_strmap *pairs = cp_strmap_create();
    bool ok = true;
    for (int row = 0; row < n; row++)
        ok &= read_row(instance, input, row, &quotes[row], pairs, errors);
    cp_strmap_destroy(pairs);
    if (!ok) {
        free(quotes);
        return;
    }
    qsort(quotes, (size_t)n, sizeof *quotes, by_user_then_service);
    int *start = cp_calloc((size_t)instance->n_users + 1, sizeof *start);
    for (int i = 0; i < n; i++)
        start[quotes[i].user + 1]++;
    for (int u = 0; u < instance->n_users; u++)
        start[u + 1] += start[u];
    instance->quotes = quotes;
    instance->n_quotes = n;
    instance->quote_start = start;
}

const cp_input_spec cp_quotes_input = {"quotes.csv", false, columns, N_COLUMNS, read_quotes};
