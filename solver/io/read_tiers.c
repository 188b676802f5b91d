/* tiers.csv: volume discounts of providers. Each provider's tiers are sorted by min_places;
 * a larger volume never earns a smaller discount, and no two tiers share a min_places. */
#include "io/instance_parts.h"

#include "util/alloc.h"
#include "util/status.h"

#include <stdlib.h>

enum { PROVIDER, MIN_PLACES, DISCOUNT_PCT, N_COLUMNS };

static const cp_column columns[N_COLUMNS] = {
    [PROVIDER] = {"provider", true},
    [MIN_PLACES] = {"min_places", true},
    [DISCOUNT_PCT] = {"discount_pct", true},
};

/* One acceptable row. */
typedef struct entry {
    int provider;
    cp_tier tier;
    int row;
} entry;

static int by_provider_then_places(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->provider != y->provider)
        return (x->provider > y->provider) - (x->provider < y->provider);
    if (x->tier.min_places != y->tier.min_places)
        return (x->tier.min_places > y->tier.min_places) -
               (x->tier.min_places < y->tier.min_places);
    return (x->row > y->row) - (x->row < y->row);
}

/* Reads one row into e; returns whether every cell is acceptable. */
static bool read_row(cp_instance *instance, const cp_input *input, int row, entry *e,
                     cp_errors *errors)
{
    static const cp_range percent = {0, 100, false, true};
    cp_cell provider = cp_input_cell(input, row, PROVIDER);
    cp_cell places = cp_input_cell(input, row, MIN_PLACES);
    cp_cell discount = cp_input_cell(input, row, DISCOUNT_PCT);
    e->row = row;
    e->provider = CP_NONE;
    if (cp_cell_empty(&provider)) {
        cp_cell_problem(&provider, errors, "missing value");
    } else {
        char *name = cp_field_text(&provider);
        e->provider = cp_names_find(&instance->providers, name);
        free(name);
        if (e->provider == CP_NONE)
            cp_cell_problem(&provider, errors, "not the provider of any service");
    }
    bool ok = e->provider != CP_NONE;
    ok &= cp_field_number(&places, CP_RANGE_POSITIVE, errors, &e->tier.min_places) == CP_OK;
    double pct;
    if (cp_field_number(&discount, percent, errors, &pct) == CP_OK)
        e->tier.discount = pct / 100;
    else
        ok = false;
    return ok;
}

/* Checks sorted tiers: no repeated min_places, no smaller discount for more places. */
static bool check_order(const cp_instance *instance, const cp_input *input, const entry *entries,
                        int n, cp_errors *errors)
{
    bool ok = true;
    for (int i = 1; i < n; i++) {
        const entry *e = &entries[i], *before = &entries[i - 1];
        if (e->provider != before->provider)
            continue;
        const char *name = instance->providers.name[e->provider];
        long first_line = input->table->line[before->row];
        if (e->tier.min_places == before->tier.min_places) {
            cp_cell places = cp_input_cell(input, e->row, MIN_PLACES);
            cp_cell_problem(&places, errors, "duplicate tier of provider '%s', first on line %ld",
                            name, first_line);
            ok = false;
        } else if (e->tier.discount < before->tier.discount) {
            cp_cell discount = cp_input_cell(input, e->row, DISCOUNT_PCT);
            cp_cell_problem(&discount, errors,
                            "smaller than the discount of provider '%s' from %g places "
                            "(line %ld)",
                            name, before->tier.min_places, first_line);
            ok = false;
        }
    }
    return ok;
}

static void read_tiers(cp_instance *instance, const cp_input *input, cp_errors *errors)
{
    int n = input->table->n_rows, kept = 0;
    entry *entries = cp_calloc((size_t)n, sizeof *entries);
    bool ok = true;
    for (int row = 0; row < n; row++) {
        if (read_row(instance, input, row, &entries[kept], errors))
            kept++;
        else
            ok = false;
    }
    qsort(entries, (size_t)kept, sizeof *entries, by_provider_then_places);
    ok &= check_order(instance, input, entries, kept, errors);
    if (ok) {
        int n_providers = instance->providers.count;
        instance->tiers = cp_calloc((size_t)n_providers, sizeof *instance->tiers);
        for (int i = 0, end; i < kept; i = end) {
            cp_tier_list *list = &instance->tiers[entries[i].provider];
            for (end = i; end < kept && entries[end].provider == entries[i].provider; end++)
                continue;
            list->tiers = cp_malloc((size_t)(end - i) * sizeof *list->tiers);
            for (int k = i; k < end; k++)
                list->tiers[list->count++] = entries[k].tier;
        }
    }
    free(entries);
}

const cp_input_spec cp_tiers_input = {"tiers.csv", false, columns, N_COLUMNS, read_tiers};
