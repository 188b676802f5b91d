/* The market of a coalition, built from a loaded parent instance in memory. Copies only what
 * differs from the parent: the member authorities' people (flat copies sharing their lists
 * with the parent), their quotes renumbered, and the services with capacities less the places
 * reserved by others; every other part (authorities, names, tiers, settings, the people's
 * and services' strings and lists) is the parent's, shared read-only. Cost: linear in
 * people, quotes, services and authorities. */
#include "core/coalition.h"

#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

static const char rest_name[] = "rest";

/* Members in pool 0 "coalition", the rest (if any) in pool 1 "rest", every other authority
 * alone in a pool named by its id. */
static void build_config(const cp_instance *parent, const bool *member, const bool *rest,
                         cp_config *config)
{
    int n = parent->n_authorities;
    config->name = cp_strdup("coalition");
    config->pool_name = cp_malloc((size_t)(n + 2) * sizeof *config->pool_name);
    config->pool_of_authority = cp_malloc((size_t)n * sizeof *config->pool_of_authority);
    config->pool_name[0] = config->name;
    config->n_pools = 1;
    int rest_pool = -1;
    for (int a = 0; a < n; a++) {
        if (member[a]) {
            config->pool_of_authority[a] = 0;
        } else if (rest && rest[a]) {
            if (rest_pool < 0) {
                rest_pool = config->n_pools;
                config->pool_name[config->n_pools++] = (char *)rest_name;
            }
            config->pool_of_authority[a] = rest_pool;
        } else {
            config->pool_of_authority[a] = config->n_pools;
            config->pool_name[config->n_pools++] = parent->authorities[a].id;
        }
    }
}

static bool in_market(const bool *member, const bool *rest, int authority)
{
    return member[authority] || (rest && rest[authority]);
}

/* The people of the members and the rest in parent order, with their quotes renumbered. */
static void copy_people(const cp_instance *parent, const bool *member, const bool *rest,
                        cp_coalition *out)
{
    cp_instance *instance = out->instance;
    int n_users = 0, n_quotes = 0;
    for (int u = 0; u < parent->n_users; u++)
        if (in_market(member, rest, parent->users[u].authority)) {
            n_users++;
            n_quotes += parent->quote_start[u + 1] - parent->quote_start[u];
        }
    instance->n_users = n_users;
    instance->users = cp_malloc((size_t)n_users * sizeof *instance->users);
    out->user_of = cp_malloc((size_t)n_users * sizeof *out->user_of);
    instance->n_quotes = n_quotes;
    instance->quotes = cp_malloc((size_t)n_quotes * sizeof *instance->quotes);
    instance->quote_start = cp_malloc((size_t)(n_users + 1) * sizeof *instance->quote_start);
    instance->quote_start[0] = 0;
    int i = 0, q = 0;
    for (int u = 0; u < parent->n_users; u++) {
        if (!in_market(member, rest, parent->users[u].authority))
            continue;
        instance->users[i] = parent->users[u];
        out->user_of[i] = u;
        for (int p = parent->quote_start[u]; p < parent->quote_start[u + 1]; p++) {
            instance->quotes[q] = parent->quotes[p];
            instance->quotes[q++].user = i;
        }
        instance->quote_start[++i] = q;
    }
}

/* The parent's services with capacity less the reserved places; a candidate holding reserved
 * places is open already: the coalition neither opens it nor pays its fixed cost. */
static void copy_services(const cp_instance *parent, const double *reserved, cp_instance *instance)
{
    int n = parent->n_services;
    instance->n_services = n;
    instance->services = cp_malloc((size_t)n * sizeof *instance->services);
    memcpy(instance->services, parent->services, (size_t)n * sizeof *instance->services);
    if (!reserved)
        return;
    for (int s = 0; s < n; s++) {
        cp_service *service = &instance->services[s];
        if (reserved[s] <= 0)
            continue;
        service->capacity = service->capacity > reserved[s] ? service->capacity - reserved[s] : 0;
        if (service->candidate) {
            service->candidate = false;
            service->fixed_cost = 0;
            service->min_occupancy = 0;
        }
    }
}

void cp_coalition_create(const cp_instance *parent, const bool *member, const bool *rest,
                         const double *reserved, cp_coalition *out)
{
    memset(out, 0, sizeof *out);
    cp_instance *instance = cp_calloc(1, sizeof *instance);
    out->instance = instance;
    instance->directory = parent->directory;
    instance->authorities = parent->authorities;
    instance->n_authorities = parent->n_authorities;
    instance->tiers = parent->tiers;
    instance->types = parent->types;
    instance->tags = parent->tags;
    instance->genders = parent->genders;
    instance->providers = parent->providers;
    instance->groups = parent->groups;
    instance->settings = parent->settings;
    copy_services(parent, reserved, instance);
    copy_people(parent, member, rest, out);
    build_config(parent, member, rest, &out->config);
}

void cp_coalition_destroy(cp_coalition *coalition)
{
    if (!coalition)
        return;
    if (coalition->instance) {
        free(coalition->instance->services);
        free(coalition->instance->users);
        free(coalition->instance->quotes);
        free(coalition->instance->quote_start);
        free(coalition->instance);
    }
    free(coalition->user_of);
    free(coalition->config.name); /* also pool_name[0] */
    free(coalition->config.pool_name);
    free(coalition->config.pool_of_authority);
    memset(coalition, 0, sizeof *coalition);
}
