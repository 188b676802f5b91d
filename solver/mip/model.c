/* Builds the placement integer program (models/placement.mod is the same model in MathProg,
 * per person; here groups are aggregated into units, which is equivalent and smaller).
 *
 * Columns: x[k,s] per candidate pair (binary), y[k] per unit that may stay unplaced
 * (continuous: the assignment row makes it integral), open[s] per candidate service, and per
 * (pool, provider) in use: w[t] and v[t] per volume tier (tier t reached; spend discounted at
 * tier t), contract k, and per pool the placed places P when a market share cap applies.
 * The matrix is gathered as triplets and loaded in one call. */
#include "mip/model.h"

#include "core/rules.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct triplets {
    int *row, *col;
    double *val;
    size_t count, capacity;
} triplets;

static void put(triplets *t, int row, int col, double val)
{
    if (t->count + 2 > t->capacity) {
        size_t capacity = t->capacity;
        cp_grow((void **)&t->row, sizeof(int), &capacity, t->count + 2);
        t->col = cp_realloc(t->col, capacity * sizeof(int));
        t->val = cp_realloc(t->val, capacity * sizeof(double));
        t->capacity = capacity;
    }
    t->count++; /* GLPK arrays are 1-based: slot 0 stays unused */
    t->row[t->count] = row;
    t->col[t->count] = col;
    t->val[t->count] = val;
}

typedef struct builder {
    glp_prob *prob;
    const cp_candidates *c;
    const cp_instance *instance;
    triplets matrix;
    bool names;
    int *unit_of_pair;
    cp_column *columns; /* role of each column, grown by add_col */
    size_t columns_capacity;
    int *relation_of_pair, *relation_provider;
    int n_relations;
} builder;

/* Names rows and columns kind[a] or kind[a,d] when names were asked for (exports). */
static void set_name(builder *b, bool row, int index, const char *kind, const char *a,
                     const char *d)
{
    if (!b->names)
        return;
    char name[256];
    snprintf(name, sizeof name, "%s[%s%s%s]", kind, a, d ? "," : "", d ? d : "");
    for (char *p = name; *p; p++) /* MPS and LP names cannot hold blanks */
        if (*p <= ' ' || *p == ':' || *p == '\\')
            *p = '_';
    if (row)
        glp_set_row_name(b->prob, index, name);
    else
        glp_set_col_name(b->prob, index, name);
}

static int add_col(builder *b, int kind, double lo, double up, double cost, cp_column role)
{
    int j = glp_add_cols(b->prob, 1);
    cp_grow((void **)&b->columns, sizeof *b->columns, &b->columns_capacity, (size_t)j + 1);
    b->columns[j] = role;
    glp_set_col_kind(b->prob, j, kind);
    if (kind != GLP_BV)
        glp_set_col_bnds(b->prob, j, up == lo ? GLP_FX : (up > 1e300 ? GLP_LO : GLP_DB), lo, up);
    glp_set_obj_coef(b->prob, j, cost);
    return j;
}

static int add_row(builder *b, int type, double lo, double up)
{
    int i = glp_add_rows(b->prob, 1);
    glp_set_row_bnds(b->prob, i, type, lo, up);
    return i;
}

static const char *unit_name(const builder *b, int k)
{
    const cp_user *first = &b->instance->users[b->c->unit_members[b->c->unit_start[k]]];
    return first->group == CP_NONE ? first->id : b->instance->groups.name[first->group];
}

static void add_pairs_and_units(builder *b)
{
    const cp_candidates *c = b->c;
    glp_add_cols(b->prob, c->n_pairs);
    for (int k = 0; k < c->n_units; k++) {
        int row = add_row(b, GLP_FX, 1, 1);
        set_name(b, true, row, "assign", unit_name(b, k), NULL);
        for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
            int j = 1 + p;
            glp_set_col_kind(b->prob, j, GLP_BV);
            glp_set_obj_coef(b->prob, j, c->pair_price[p] + c->pair_cost[p]);
            set_name(b, false, j, "x", unit_name(b, k),
                     b->instance->services[c->pair_service[p]].id);
            put(&b->matrix, row, j, 1);
            b->unit_of_pair[p] = k;
        }
        if (c->unit_can_unplace[k]) {
            int y = add_col(b, GLP_CV, 0, 1, c->unit_unplaced_cost[k],
                            (cp_column){CP_COLUMN_UNPLACED, k, 0});
            set_name(b, false, y, "y", unit_name(b, k), NULL);
            put(&b->matrix, row, y, 1);
        }
    }
}

typedef struct service_key {
    int service, pair;
} service_key;

static int compare_service_key(const void *a, const void *b)
{
    const service_key *x = a, *y = b;
    if (x->service != y->service)
        return (x->service > y->service) - (x->service < y->service);
    return (x->pair > y->pair) - (x->pair < y->pair);
}

/* Capacity, opening, linking and viability rows, one service at a time. */
static void add_services(builder *b, cp_formulation formulation)
{
    const cp_candidates *c = b->c;
    service_key *keys = cp_malloc((size_t)c->n_pairs * sizeof *keys + 1);
    int *order = cp_malloc((size_t)c->n_pairs * sizeof(int) + 1);
    for (int p = 0; p < c->n_pairs; p++)
        keys[p] = (service_key){c->pair_service[p], p};
    qsort(keys, (size_t)c->n_pairs, sizeof *keys, compare_service_key);
    for (int p = 0; p < c->n_pairs; p++)
        order[p] = keys[p].pair;
    free(keys);

    for (int first = 0; first < c->n_pairs;) {
        int s = c->pair_service[order[first]], last = first;
        while (last < c->n_pairs && c->pair_service[order[last]] == s)
            last++;
        const cp_service *service = &b->instance->services[s];
        int open = 0;
        if (service->candidate) {
            open = add_col(b, GLP_BV, 0, 1, service->fixed_cost,
                           (cp_column){CP_COLUMN_OPEN, s, 0});
            set_name(b, false, open, "open", service->id, NULL);
        }
        int cap = add_row(b, GLP_UP, 0, open ? 0 : service->capacity);
        set_name(b, true, cap, "capacity", service->id, NULL);
        for (int i = first; i < last; i++)
            put(&b->matrix, cap, 1 + order[i], c->pair_places[order[i]]);
        if (open) {
            put(&b->matrix, cap, open, -service->capacity);
            if (service->min_occupancy > 0) {
                int viable = add_row(b, GLP_LO, 0, 0);
                set_name(b, true, viable, "viable", service->id, NULL);
                for (int i = first; i < last; i++)
                    put(&b->matrix, viable, 1 + order[i], c->pair_places[order[i]]);
                put(&b->matrix, viable, open, -service->min_occupancy);
            }
            for (int i = first; formulation == CP_FORMULATION_STRONG && i < last; i++) {
                int link = add_row(b, GLP_UP, 0, 0);
                set_name(b, true, link, "link", unit_name(b, b->unit_of_pair[order[i]]),
                         service->id);
                put(&b->matrix, link, 1 + order[i], 1);
                put(&b->matrix, link, open, -1);
            }
        }
        first = last;
    }
    free(order);
}

/* Pairs sorted by (pool, provider): each run is one contracting relationship. */
typedef struct relation_key {
    int pool, provider, pair;
} relation_key;

static int compare_relation(const void *a, const void *b)
{
    const relation_key *x = a, *y = b;
    if (x->pool != y->pool)
        return (x->pool > y->pool) - (x->pool < y->pool);
    if (x->provider != y->provider)
        return (x->provider > y->provider) - (x->provider < y->provider);
    return (x->pair > y->pair) - (x->pair < y->pair);
}

/* The placed-places column P[pool] for the market share cap, made on first use. */
static int pool_places_column(builder *b, int *pool_column, int pool)
{
    if (pool_column[pool])
        return pool_column[pool];
    const cp_config *config = b->c->config;
    int col = pool_column[pool] =
        add_col(b, GLP_CV, 0, 1e308, 0, (cp_column){CP_COLUMN_PLACED, pool, 0});
    set_name(b, false, col, "placed", config->pool_name[pool], NULL);
    int row = add_row(b, GLP_FX, 0, 0);
    set_name(b, true, row, "placed_def", config->pool_name[pool], NULL);
    put(&b->matrix, row, col, -1);
    for (int p = 0; p < b->c->n_pairs; p++)
        if (b->c->unit_pool[b->unit_of_pair[p]] == pool)
            put(&b->matrix, row, 1 + p, b->c->pair_places[p]);
    return col;
}

typedef struct service_pair {
    int service, pair;
} service_pair;

static int compare_service_pairs(const void *a, const void *b)
{
    const service_pair *x = a, *y = b;
    if (x->service != y->service)
        return x->service < y->service ? -1 : 1;
    return (x->pair > y->pair) - (x->pair < y->pair);
}

/* The most a pool can spend with a provider: at each of its services, the lesser of every
 * pair's price together and the capacity filled at the highest price a place. The tighter
 * this is, the less the LP relaxation overstates discounts. */
static double tier_spend_bound(const builder *b, const relation_key *run, int n)
{
    const cp_candidates *c = b->c;
    service_pair *pairs = cp_malloc((size_t)n * sizeof *pairs);
    for (int i = 0; i < n; i++)
        pairs[i] = (service_pair){c->pair_service[run[i].pair], run[i].pair};
    qsort(pairs, (size_t)n, sizeof *pairs, compare_service_pairs);
    double bound = 0;
    for (int first = 0; first < n;) {
        int last = first;
        double all = 0, rate = 0;
        for (; last < n && pairs[last].service == pairs[first].service; last++) {
            int p = pairs[last].pair;
            all += c->pair_price[p];
            rate = fmax(rate, c->pair_price[p] / c->pair_places[p]);
        }
        bound += fmin(all, rate * b->instance->services[pairs[first].service].capacity);
        first = last;
    }
    free(pairs);
    return bound;
}

static void add_tiers(builder *b, const relation_key *run, int n, int relation,
                      const cp_tier_list *tiers, const char *label)
{
    const cp_candidates *c = b->c;
    double spend_bound = tier_spend_bound(b, run, n);
    int choose = add_row(b, GLP_UP, 0, 1);
    set_name(b, true, choose, "tier_choice", label, NULL);
    int spend = add_row(b, GLP_UP, 0, 0);
    set_name(b, true, spend, "tier_spend", label, NULL);
    for (int i = 0; i < n; i++)
        put(&b->matrix, spend, 1 + run[i].pair, -c->pair_price[run[i].pair]);
    for (int t = 0; t < tiers->count; t++) {
        char tier[16];
        snprintf(tier, sizeof tier, "%d", t + 1);
        int w = add_col(b, GLP_BV, 0, 1, 0, (cp_column){CP_COLUMN_TIER, relation, t});
        int v = add_col(b, GLP_CV, 0, 1e308, -tiers->tiers[t].discount,
                        (cp_column){CP_COLUMN_DISCOUNTED, relation, t});
        set_name(b, false, w, "tier", label, tier);
        set_name(b, false, v, "discounted", label, tier);
        put(&b->matrix, choose, w, 1);
        put(&b->matrix, spend, v, 1);
        int reach = add_row(b, GLP_LO, 0, 0);
        set_name(b, true, reach, "tier_reached", label, tier);
        for (int i = 0; i < n; i++)
            put(&b->matrix, reach, 1 + run[i].pair, c->pair_places[run[i].pair]);
        put(&b->matrix, reach, w, -tiers->tiers[t].min_places);
        int cap = add_row(b, GLP_UP, 0, 0);
        set_name(b, true, cap, "tier_spend_cap", label, tier);
        put(&b->matrix, cap, v, 1);
        put(&b->matrix, cap, w, -spend_bound);
    }
}

static void add_contract(builder *b, const relation_key *run, int n, int relation,
                         cp_formulation formulation, const char *label)
{
    double cost = b->instance->settings.contract_cost;
    int k = add_col(b, GLP_BV, 0, 1, cost, (cp_column){CP_COLUMN_CONTRACT, relation, 0});
    set_name(b, false, k, "contract", label, NULL);
    if (formulation == CP_FORMULATION_STRONG) {
        for (int i = 0; i < n; i++) {
            int row = add_row(b, GLP_UP, 0, 0);
            if (b->names) {
                char pair[512];
                int p = run[i].pair;
                snprintf(pair, sizeof pair, "%s,%s", unit_name(b, b->unit_of_pair[p]),
                         b->instance->services[b->c->pair_service[p]].id);
                set_name(b, true, row, "uses_contract", label, pair);
            }
            put(&b->matrix, row, 1 + run[i].pair, 1);
            put(&b->matrix, row, k, -1);
        }
        return;
    }
    int row = add_row(b, GLP_UP, 0, 0);
    set_name(b, true, row, "uses_contract", label, NULL);
    for (int i = 0; i < n; i++)
        put(&b->matrix, row, 1 + run[i].pair, 1);
    put(&b->matrix, row, k, -(double)n);
}

static void add_share_cap(builder *b, const relation_key *run, int n, int *pool_column,
                          const char *label)
{
    double share = b->instance->settings.max_provider_share;
    int row = add_row(b, GLP_UP, 0, 0);
    set_name(b, true, row, "share", label, NULL);
    for (int i = 0; i < n; i++)
        put(&b->matrix, row, 1 + run[i].pair, b->c->pair_places[run[i].pair]);
    put(&b->matrix, row, pool_places_column(b, pool_column, run[0].pool), -share);
}

/* Tiers, contracts and market share: everything decided per (pool, provider). */
static void add_relations(builder *b, cp_formulation formulation)
{
    const cp_candidates *c = b->c;
    const cp_instance *instance = b->instance;
    const cp_settings *settings = &instance->settings;
    bool contracts = settings->contract_cost > 0, share = settings->max_provider_share < 1;

    relation_key *keys = cp_malloc((size_t)c->n_pairs * sizeof *keys + 1);
    for (int p = 0; p < c->n_pairs; p++)
        keys[p] = (relation_key){c->unit_pool[b->unit_of_pair[p]],
                                 instance->services[c->pair_service[p]].provider, p};
    qsort(keys, (size_t)c->n_pairs, sizeof *keys, compare_relation);
    int *pool_column = cp_calloc((size_t)c->config->n_pools + 1, sizeof(int));

    for (int first = 0; first < c->n_pairs;) {
        int last = first;
        while (last < c->n_pairs && keys[last].pool == keys[first].pool &&
               keys[last].provider == keys[first].provider)
            last++;
        const relation_key *run = keys + first;
        int n = last - first;
        char label[256] = "";
        if (b->names)
            snprintf(label, sizeof label, "%s,%s", c->config->pool_name[run->pool],
                     instance->providers.name[run->provider]);
        int relation = b->n_relations++;
        b->relation_provider[relation] = run->provider;
        for (int i = 0; i < n; i++)
            b->relation_of_pair[run[i].pair] = relation;
        const cp_tier_list *tiers = &instance->tiers[run->provider];
        if (tiers->count > 0)
            add_tiers(b, run, n, relation, tiers, label);
        if (contracts)
            add_contract(b, run, n, relation, formulation, label);
        if (share)
            add_share_cap(b, run, n, pool_column, label);
        first = last;
    }
    free(pool_column);
    free(keys);
}

cp_mip_model *cp_mip_model_build(const cp_candidates *candidates, cp_formulation formulation,
                                 bool names)
{
    size_t n_pairs = (size_t)candidates->n_pairs;
    builder b = {.prob = glp_create_prob(),
                 .c = candidates,
                 .instance = candidates->instance,
                 .names = names,
                 .unit_of_pair = cp_malloc(n_pairs * sizeof(int) + 1),
                 .relation_of_pair = cp_malloc(n_pairs * sizeof(int) + 1),
                 .relation_provider = cp_malloc(n_pairs * sizeof(int) + 1)};
    glp_set_prob_name(b.prob, "placement");
    glp_set_obj_name(b.prob, "weekly_cost");
    glp_set_obj_dir(b.prob, GLP_MIN);

    cp_grow((void **)&b.columns, sizeof *b.columns, &b.columns_capacity, n_pairs + 1);
    for (size_t p = 0; p < n_pairs; p++)
        b.columns[1 + p] = (cp_column){CP_COLUMN_PAIR, (int)p, 0};
    add_pairs_and_units(&b);
    add_services(&b, formulation);
    add_relations(&b, formulation);
    glp_load_matrix(b.prob, (int)b.matrix.count, b.matrix.row, b.matrix.col, b.matrix.val);

    free(b.matrix.row);
    free(b.matrix.col);
    free(b.matrix.val);
    free(b.unit_of_pair);
    cp_mip_model *model = cp_malloc(sizeof *model);
    *model = (cp_mip_model){.prob = b.prob,
                            .candidates = candidates,
                            .first_pair_column = 1,
                            .first_decision_column = 1 + candidates->n_pairs,
                            .columns = b.columns,
                            .relation_of_pair = b.relation_of_pair,
                            .relation_provider = b.relation_provider,
                            .n_relations = b.n_relations};
    return model;
}

void cp_mip_model_plan(const cp_mip_model *model, const double *col_value, int *out)
{
    const cp_candidates *c = model->candidates;
    for (int k = 0; k < c->n_units; k++) {
        int service = CP_NONE;
        for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++)
            if (col_value[model->first_pair_column + p] > 0.5)
                service = c->pair_service[p];
        for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
            out[c->unit_members[i]] = service;
    }
}

/* The pair of unit k at service, or -1 (pairs are sorted by service within a unit). */
static int pair_at(const cp_candidates *c, int k, int service)
{
    int low = c->pair_start[k], high = c->pair_start[k + 1] - 1;
    while (low <= high) {
        int mid = (low + high) / 2;
        if (c->pair_service[mid] == service)
            return mid;
        if (c->pair_service[mid] < service)
            low = mid + 1;
        else
            high = mid - 1;
    }
    return -1;
}

void cp_mip_model_columns_of_plan(const cp_mip_model *model, const int *service_of_user,
                                  double *col_value)
{
    const cp_candidates *c = model->candidates;
    const cp_instance *instance = c->instance;
    int n_cols = glp_get_num_cols(model->prob);
    int *chosen = cp_malloc((size_t)c->n_units * sizeof *chosen + 1);
    double *used = cp_calloc((size_t)instance->n_services + 1, sizeof *used);
    double *places = cp_calloc((size_t)model->n_relations + 1, sizeof *places);
    double *spend = cp_calloc((size_t)model->n_relations + 1, sizeof *spend);
    double *pool_places = cp_calloc((size_t)c->config->n_pools + 1, sizeof *pool_places);
    for (int k = 0; k < c->n_units; k++) {
        int service = service_of_user[c->unit_members[c->unit_start[k]]];
        int p = chosen[k] = service == CP_NONE ? -1 : pair_at(c, k, service);
        if (p < 0)
            continue;
        used[service] += c->pair_places[p];
        places[model->relation_of_pair[p]] += c->pair_places[p];
        spend[model->relation_of_pair[p]] += c->pair_price[p];
        pool_places[c->unit_pool[k]] += c->pair_places[p];
    }
    for (int j = 1; j <= n_cols; j++) {
        const cp_column *column = &model->columns[j];
        int i = column->index;
        double value = 0;
        switch (column->role) {
        case CP_COLUMN_PAIR: /* set below, unit by unit */
            break;
        case CP_COLUMN_UNPLACED:
            value = chosen[i] < 0;
            break;
        case CP_COLUMN_OPEN:
            value = used[i] > 0;
            break;
        case CP_COLUMN_TIER:
        case CP_COLUMN_DISCOUNTED: {
            const cp_tier_list *tiers = &instance->tiers[model->relation_provider[i]];
            if (cp_rules_tier_reached(tiers, places[i]) == column->tier)
                value = column->role == CP_COLUMN_TIER ? 1 : spend[i];
            break;
        }
        case CP_COLUMN_CONTRACT:
            value = places[i] > 0;
            break;
        case CP_COLUMN_PLACED:
            value = pool_places[i];
            break;
        }
        col_value[j] = value;
    }
    for (int k = 0; k < c->n_units; k++)
        if (chosen[k] >= 0)
            col_value[model->first_pair_column + chosen[k]] = 1;
    free(chosen);
    free(used);
    free(places);
    free(spend);
    free(pool_places);
}

void cp_mip_model_destroy(cp_mip_model *model)
{
    if (!model)
        return;
    free(model->columns);
    free(model->relation_of_pair);
    free(model->relation_provider);
    if (model->prob) /* NULL once GLPK's environment was freed (mip/guard.h) */
        glp_delete_prob(model->prob);
    free(model);
}
