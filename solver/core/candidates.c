/* Candidate pairs: people (or groups) x the services that pass every filter, stored sparse
 * (CSR by unit). Services are scanned per acceptable type only, so the work grows with the
 * pairs that could exist, not with people x services. When a unit has no candidate and no
 * spot cost, the instance is infeasible and the report names the filter that removed most
 * services. */
#include "core/candidates.h"

#include "core/compat.h"
#include "core/pricing.h"
#include "core/rules.h"
#include "util/alloc.h"
#include "util/status.h"

#include <stdlib.h>
#include <string.h>

/* Services grouped by type: services of type t are by_type[start[t] .. start[t+1]). */
typedef struct type_index {
    int *start;
    int *by_type;
} type_index;

static type_index index_by_type(const cp_instance *instance)
{
    int n_types = instance->types.count;
    type_index index = {cp_calloc((size_t)n_types + 1, sizeof(int)),
                        cp_malloc((size_t)instance->n_services * sizeof(int))};
    for (int s = 0; s < instance->n_services; s++)
        index.start[instance->services[s].type + 1]++;
    for (int t = 0; t < n_types; t++)
        index.start[t + 1] += index.start[t];
    int *next = cp_malloc((size_t)n_types * sizeof(int));
    memcpy(next, index.start, (size_t)n_types * sizeof(int));
    for (int s = 0; s < instance->n_services; s++)
        index.by_type[next[instance->services[s].type]++] = s;
    free(next);
    return index;
}

/* Units in order of their first member: a person alone, or all members of a group. */
static void build_units(const cp_instance *instance, cp_candidates *c)
{
    int n_users = instance->n_users, n_groups = instance->groups.count;
    int *group_unit = cp_malloc((size_t)n_groups * sizeof(int) + 1);
    for (int g = 0; g < n_groups; g++)
        group_unit[g] = CP_NONE;

    c->unit_of_user = cp_malloc((size_t)n_users * sizeof(int) + 1);
    c->unit_start = cp_calloc((size_t)n_users + 2, sizeof(int));
    int units = 0;
    for (int u = 0; u < n_users; u++) {
        int g = instance->users[u].group;
        int k = g == CP_NONE ? CP_NONE : group_unit[g];
        if (k == CP_NONE) {
            k = units++;
            if (g != CP_NONE)
                group_unit[g] = k;
        }
        c->unit_of_user[u] = k;
        c->unit_start[k + 1]++;
    }
    for (int k = 0; k < units; k++)
        c->unit_start[k + 1] += c->unit_start[k];
    c->n_units = units;

    int *fill = cp_malloc((size_t)units * sizeof(int) + 1);
    memcpy(fill, c->unit_start, (size_t)units * sizeof(int));
    c->unit_members = cp_malloc((size_t)n_users * sizeof(int) + 1);
    for (int u = 0; u < n_users; u++)
        c->unit_members[fill[c->unit_of_user[u]]++] = u;
    free(fill);
    free(group_unit);
}

/* The services one person could take: the current one if locked, else every compatible one. */
static int person_services(const cp_instance *instance, const cp_config *config,
                           const type_index *index, int user, int *out)
{
    const cp_user *u = &instance->users[user];
    if (u->locked) {
        out[0] = u->current_service;
        return 1;
    }
    int n = 0;
    for (int i = 0; i < u->n_types; i++) {
        int t = u->types[i];
        for (int j = index->start[t]; j < index->start[t + 1]; j++)
            if (cp_compat_check(instance, config, user, index->by_type[j]) == CP_FILTER_NONE)
                out[n++] = index->by_type[j];
    }
    return n;
}

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Keeps the services of list (sorted) that member may also take. */
static int intersect_member(const cp_instance *instance, const cp_config *config, int member,
                            int *list, int n)
{
    const cp_user *u = &instance->users[member];
    int kept = 0;
    for (int i = 0; i < n; i++) {
        bool ok = u->locked ? list[i] == u->current_service
                            : cp_compat_check(instance, config, member, list[i]) == CP_FILTER_NONE;
        if (ok)
            list[kept++] = list[i];
    }
    return kept;
}

static void explain_person(const cp_instance *instance, const cp_config *config, int user,
                           cp_errors *why)
{
    int removed[CP_FILTER_COUNT] = {0};
    for (int s = 0; s < instance->n_services; s++)
        removed[cp_compat_check(instance, config, user, s)]++;
    cp_filter worst = CP_FILTER_TYPE;
    for (int f = CP_FILTER_TYPE; f < CP_FILTER_COUNT; f++)
        if (removed[f] > removed[worst])
            worst = (cp_filter)f;
    const cp_user *u = &instance->users[user];
    cp_errors_add(why,
                  "user '%s' (authority '%s'): no compatible service and no spot cost; most "
                  "services removed by %s (%d of %d)",
                  u->id, instance->authorities[u->authority].id, cp_filter_name(worst),
                  removed[worst], instance->n_services);
}

static void explain_unit(const cp_instance *instance, const cp_config *config,
                         const type_index *index, const cp_candidates *c, int k, int *scratch,
                         cp_errors *why)
{
    for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++) {
        int member = c->unit_members[i];
        if (person_services(instance, config, index, member, scratch) == 0) {
            explain_person(instance, config, member, why);
            return;
        }
    }
    const cp_user *first = &instance->users[c->unit_members[c->unit_start[k]]];
    cp_errors_add(why,
                  "group '%s' (authority '%s'): no service accepts all %d members together, "
                  "and not every member has a spot cost",
                  instance->groups.name[first->group], instance->authorities[first->authority].id,
                  c->unit_start[k + 1] - c->unit_start[k]);
}

static void add_pair(cp_candidates *c, size_t *capacity, int k, int service)
{
    const cp_instance *instance = c->instance;
    size_t before = *capacity;
    cp_grow((void **)&c->pair_service, sizeof(int), capacity, (size_t)c->n_pairs + 1);
    size_t cap = *capacity;
    if (cap != before) { /* the other arrays follow only when it grows (realloc may copy) */
        c->pair_places = cp_realloc(c->pair_places, cap * sizeof(double));
        c->pair_price = cp_realloc(c->pair_price, cap * sizeof(double));
        c->pair_cost = cp_realloc(c->pair_cost, cap * sizeof(double));
    }
    double places = 0, price = 0, cost = 0;
    for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++) {
        cp_pair_terms t = cp_pair_terms_of(instance, c->unit_members[i], service);
        places += t.places;
        price += t.price;
        cost += t.distance + t.preference + t.move;
    }
    c->pair_service[c->n_pairs] = service;
    c->pair_places[c->n_pairs] = places;
    c->pair_price[c->n_pairs] = price;
    c->pair_cost[c->n_pairs] = cost;
    c->n_pairs++;
}

/* A unit may stay unplaced only when every member has a spot cost and none is locked. */
static void unit_unplacement(cp_candidates *c, int k)
{
    const cp_instance *instance = c->instance;
    c->unit_can_unplace[k] = true;
    c->unit_unplaced_cost[k] = 0;
    for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++) {
        int member = c->unit_members[i];
        const cp_user *u = &instance->users[member];
        if (!u->has_spot_cost || u->locked)
            c->unit_can_unplace[k] = false;
        else
            c->unit_unplaced_cost[k] += cp_unplaced_cost(instance, member);
    }
}

int cp_candidates_build(const cp_instance *instance, const cp_config *config,
                        cp_candidates **out, cp_errors *why)
{
    cp_candidates *c = cp_calloc(1, sizeof *c);
    c->instance = instance;
    c->config = config;
    build_units(instance, c);

    int n_units = c->n_units;
    c->unit_pool = cp_malloc((size_t)n_units * sizeof(int) + 1);
    c->unit_can_unplace = cp_malloc((size_t)n_units * sizeof(bool) + 1);
    c->unit_unplaced_cost = cp_malloc((size_t)n_units * sizeof(double) + 1);
    c->pair_start = cp_malloc(((size_t)n_units + 1) * sizeof(int));

    type_index index = index_by_type(instance);
    int *scratch = cp_malloc((size_t)instance->n_services * sizeof(int) + 1);
    size_t capacity = 0;
    int infeasible = 0;
    for (int k = 0; k < n_units; k++) {
        int first = c->unit_members[c->unit_start[k]];
        c->unit_pool[k] = config->pool_of_authority[instance->users[first].authority];
        unit_unplacement(c, k);
        c->pair_start[k] = c->n_pairs;

        int n = person_services(instance, config, &index, first, scratch);
        qsort(scratch, (size_t)n, sizeof(int), compare_int);
        for (int i = c->unit_start[k] + 1; i < c->unit_start[k + 1] && n > 0; i++)
            n = intersect_member(instance, config, c->unit_members[i], scratch, n);
        if (n == 0 && !c->unit_can_unplace[k]) {
            infeasible++;
            explain_unit(instance, config, &index, c, k, scratch, why);
            continue;
        }
        for (int i = 0; i < n; i++)
            add_pair(c, &capacity, k, scratch[i]);
    }
    c->pair_start[n_units] = c->n_pairs;
    free(scratch);
    free(index.start);
    free(index.by_type);

    if (infeasible) {
        cp_candidates_destroy(c);
        *out = NULL;
        return CP_ERR_INFEASIBLE;
    }
    *out = c;
    return CP_OK;
}

int *cp_candidates_units_by_pool(const cp_candidates *c, int **pool_start)
{
    int n_pools = c->config->n_pools;
    int *start = cp_calloc((size_t)n_pools + 2, sizeof(int));
    int *order = cp_malloc((size_t)c->n_units * sizeof(int) + 1);
    for (int k = 0; k < c->n_units; k++)
        start[c->unit_pool[k] + 2]++;
    for (int pool = 0; pool < n_pools; pool++)
        start[pool + 2] += start[pool + 1];
    for (int k = 0; k < c->n_units; k++)
        order[start[c->unit_pool[k] + 1]++] = k;
    *pool_start = start;
    return order;
}

static void *copy(const void *from, size_t bytes)
{
    void *to = cp_malloc(bytes + 1);
    memcpy(to, from, bytes);
    return to;
}

/* Whether every member of unit k is locked (its one pair stands whatever the filters). */
static bool unit_locked(const cp_candidates *c, int k)
{
    for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
        if (!c->instance->users[c->unit_members[i]].locked)
            return false;
    return true;
}

cp_candidates *cp_candidates_restrict(const cp_candidates *whole, const cp_instance *instance,
                                      const cp_config *config)
{
    const int *pool_of = config->pool_of_authority;
    int n_units = whole->n_units, n_members = whole->unit_start[n_units];
    cp_candidates *c = cp_calloc(1, sizeof *c);
    c->instance = instance;
    c->config = config;
    c->n_units = n_units;
    c->unit_start = copy(whole->unit_start, ((size_t)n_units + 1) * sizeof(int));
    c->unit_members = copy(whole->unit_members, (size_t)n_members * sizeof(int));
    c->unit_of_user = copy(whole->unit_of_user, (size_t)instance->n_users * sizeof(int));
    c->unit_can_unplace = copy(whole->unit_can_unplace, (size_t)n_units * sizeof(bool));
    c->unit_unplaced_cost = copy(whole->unit_unplaced_cost, (size_t)n_units * sizeof(double));
    c->unit_pool = cp_malloc((size_t)n_units * sizeof(int) + 1);
    c->pair_start = cp_malloc(((size_t)n_units + 1) * sizeof(int));
    size_t n_pairs = (size_t)whole->n_pairs;
    c->pair_service = cp_malloc(n_pairs * sizeof(int) + 1);
    c->pair_places = cp_malloc(n_pairs * sizeof(double) + 1);
    c->pair_price = cp_malloc(n_pairs * sizeof(double) + 1);
    c->pair_cost = cp_malloc(n_pairs * sizeof(double) + 1);
    int kept = 0;
    for (int k = 0; k < n_units; k++) {
        int pool = pool_of[instance->users[whole->unit_members[whole->unit_start[k]]].authority];
        bool stays = unit_locked(whole, k);
        c->unit_pool[k] = pool;
        c->pair_start[k] = kept;
        for (int p = whole->pair_start[k]; p < whole->pair_start[k + 1]; p++) {
            if (!stays && cp_rules_owner_closes(instance, config, whole->pair_service[p], pool))
                continue;
            c->pair_service[kept] = whole->pair_service[p];
            c->pair_places[kept] = whole->pair_places[p];
            c->pair_price[kept] = whole->pair_price[p];
            c->pair_cost[kept] = whole->pair_cost[p];
            kept++;
        }
    }
    c->pair_start[n_units] = kept;
    c->n_pairs = kept;
    return c;
}

void cp_candidates_destroy(cp_candidates *c)
{
    if (!c)
        return;
    free(c->unit_start);
    free(c->unit_members);
    free(c->unit_of_user);
    free(c->unit_pool);
    free(c->unit_can_unplace);
    free(c->unit_unplaced_cost);
    free(c->pair_start);
    free(c->pair_service);
    free(c->pair_places);
    free(c->pair_price);
    free(c->pair_cost);
    free(c);
}
