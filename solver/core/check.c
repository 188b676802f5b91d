/* The independent checker: decides the feasibility of a plan and recomputes every objective
 * term from the instance alone. It shares only the definitions of compatibility and distance
 * (core/compat.h) and the model's rules (core/rules.h: tolerance, tiers, owner rule) with the
 * solution methods, never their pricing or candidate code, so a bug there shows here as a
 * violation or a different objective. Work is linear in people and services apart from one
 * sort of the placements by (pool, provider): nothing is ever sized pools x providers. */
#include "core/check.h"

#include "core/compat.h"
#include "core/rules.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>

/* One placed person, keyed by the contracting body (pool) and the provider that carry it. */
typedef struct placement {
    int pool, provider, user;
    double places, price;
} placement;

double cp_terms_objective(const cp_terms *terms)
{
    return terms->placement - terms->discount + terms->distance + terms->preference + terms->moves +
           terms->spot + terms->fixed + terms->contracts;
}

/* Records the first problem of user u's own placement, if any. s is a valid index or CP_NONE. */
static void check_user_rules(const cp_instance *instance, const cp_config *config, int u, int s,
                             cp_errors *violations)
{
    const cp_user *user = &instance->users[u];
    if (user->locked && s != user->current_service) {
        const char *current = instance->services[user->current_service].id;
        if (s == CP_NONE)
            cp_errors_add(violations, "user '%s': locked in service '%s' but unplaced", user->id,
                          current);
        else
            cp_errors_add(violations, "user '%s': locked in service '%s' but placed in '%s'",
                          user->id, current, instance->services[s].id);
    } else if (s == CP_NONE && !user->has_spot_cost) {
        cp_errors_add(violations, "user '%s': unplaced without a spot cost", user->id);
    } else if (s != CP_NONE && !user->locked) {
        cp_filter filter = cp_compat_check(instance, config, u, s);
        if (filter != CP_FILTER_NONE)
            cp_errors_add(violations, "user '%s': service '%s' not compatible (%s)", user->id,
                          instance->services[s].id, cp_filter_name(filter));
    }
}

/* Adds user u's terms (all but discounts, contracts and fixed costs) and, when placed, appends
 * its placement to placed[*n_placed]. */
static void price_user(const cp_instance *instance, const cp_config *config, int u, int s,
                       cp_check *check, placement *placed, int *n_placed)
{
    const cp_user *user = &instance->users[u];
    const cp_settings *settings = &instance->settings;

    check->user_moved[u] = user->current_service != CP_NONE && s != user->current_service;
    if (check->user_moved[u])
        check->terms.moves += settings->move_cost;
    if (s == CP_NONE) {
        check->user_km[u] = NAN;
        check->user_weekly_cost[u] = user->has_spot_cost ? user->spot_cost : 0;
        check->terms.spot += check->user_weekly_cost[u];
        return;
    }

    const cp_service *service = &instance->services[s];
    const cp_quote *quote = cp_instance_quote(instance, u, s);
    double places = quote && !isnan(quote->places) ? quote->places : user->places;
    double price = quote ? quote->weekly_cost : service->weekly_price * places;
    double km = cp_distance_km(user->lat, user->lon, service->lat, service->lon);
    int rank = 0; /* position of the service's type in the person's list */
    while (rank < user->n_types && user->types[rank] != service->type)
        rank++;
    if (rank == user->n_types)
        rank = 0; /* absent from the list (a locked person's current service): no cost */

    check->user_km[u] = km;
    check->user_weekly_cost[u] = price; /* the discount is taken off once tiers are known */
    check->service_used[s] += places;
    check->terms.placement += price;
    check->terms.distance += settings->distance_weight * km;
    check->terms.preference += settings->preference_cost * rank;
    placed[(*n_placed)++] = (placement){
        .pool = config->pool_of_authority[user->authority],
        .provider = service->provider,
        .user = u,
        .places = places,
        .price = price,
    };
}

/* Capacity and viability of each service; fixed costs of opened candidates. */
static void check_services(const cp_instance *instance, cp_check *check)
{
    for (int s = 0; s < instance->n_services; s++) {
        const cp_service *service = &instance->services[s];
        double used = check->service_used[s];
        check->service_open[s] = used > 0;
        if (cp_rules_over(used, service->capacity))
            cp_errors_add(&check->violations,
                          "service '%s' over capacity: %g places used, capacity %g", service->id,
                          used, service->capacity);
        if (!service->candidate || !check->service_open[s])
            continue;
        check->n_opened++;
        check->terms.fixed += service->fixed_cost;
        if (cp_rules_under(used, service->min_occupancy))
            cp_errors_add(&check->violations,
                          "service '%s' opened below min_occupancy: %g places used, minimum %g",
                          service->id, used, service->min_occupancy);
    }
}

/* Members of a group must share one service, or all be unplaced: one violation per group. */
static void check_groups(const cp_instance *instance, const int *service_of_user,
                         cp_errors *violations)
{
    int n_groups = instance->groups.count;
    int *first = cp_malloc((size_t)n_groups * sizeof *first);
    bool *reported = cp_calloc((size_t)n_groups, sizeof *reported);
    for (int g = 0; g < n_groups; g++)
        first[g] = CP_NONE;
    for (int u = 0; u < instance->n_users; u++) {
        int g = instance->users[u].group;
        if (g == CP_NONE)
            continue;
        if (first[g] == CP_NONE) {
            first[g] = u;
            continue;
        }
        int a = service_of_user[first[g]], b = service_of_user[u];
        if (a == b || reported[g])
            continue;
        reported[g] = true;
        /* both indices are valid or CP_NONE here: the caller has cleaned them */
        cp_errors_add(violations, "group '%s' split: user '%s' %s%s%s, user '%s' %s%s%s",
                      instance->groups.name[g], instance->users[first[g]].id,
                      a == CP_NONE ? "unplaced" : "in '",
                      a == CP_NONE ? "" : instance->services[a].id, a == CP_NONE ? "" : "'",
                      instance->users[u].id, b == CP_NONE ? "unplaced" : "in '",
                      b == CP_NONE ? "" : instance->services[b].id, b == CP_NONE ? "" : "'");
    }
    free(first);
    free(reported);
}

static int by_pool_provider(const void *left, const void *right)
{
    const placement *a = left, *b = right;
    if (a->pool != b->pool)
        return a->pool < b->pool ? -1 : 1;
    if (a->provider != b->provider)
        return a->provider < b->provider ? -1 : 1;
    return (a->user > b->user) - (a->user < b->user);
}

/* Discounts, contracts and market share over placed[0..n) sorted by (pool, provider). */
static void check_contracts(const cp_instance *instance, const cp_config *config,
                            const placement *placed, int n, cp_check *check)
{
    const cp_settings *settings = &instance->settings;
    for (int start = 0; start < n;) {
        int pool = placed[start].pool, pool_end = start;
        double pool_places = 0;
        while (pool_end < n && placed[pool_end].pool == pool)
            pool_places += placed[pool_end++].places;

        for (int i = start; i < pool_end;) {
            int provider = placed[i].provider, j = i;
            double places = 0, price = 0;
            for (; j < pool_end && placed[j].provider == provider; j++) {
                places += placed[j].places;
                price += placed[j].price;
            }
            double discount = cp_rules_tier_discount(instance, provider, places);
            check->terms.discount += discount * price;
            for (int k = i; k < j; k++)
                check->user_weekly_cost[placed[k].user] = placed[k].price * (1 - discount);
            check->n_contracts++;
            check->terms.contracts += settings->contract_cost;

            double cap = settings->max_provider_share * pool_places;
            if (cp_rules_over(places, cap))
                cp_errors_add(&check->violations,
                              "pool '%s': provider '%s' has %g of %g placed places, above "
                              "max_provider_share %g",
                              config->pool_name[pool], instance->providers.name[provider], places,
                              pool_places, settings->max_provider_share);
            i = j;
        }
        start = pool_end;
    }
}

int cp_check_plan(const cp_instance *instance, const cp_config *config, const int *service_of_user,
                  cp_check **out)
{
    int n_users = instance->n_users, n_services = instance->n_services;
    cp_check *check = cp_calloc(1, sizeof *check);
    check->user_km = cp_malloc((size_t)n_users * sizeof *check->user_km);
    check->user_weekly_cost = cp_malloc((size_t)n_users * sizeof *check->user_weekly_cost);
    check->user_moved = cp_malloc((size_t)n_users * sizeof *check->user_moved);
    check->service_used = cp_calloc((size_t)n_services, sizeof *check->service_used);
    check->service_open = cp_calloc((size_t)n_services, sizeof *check->service_open);

    /* an index outside the services is reported, then priced as unplaced */
    int *plan = cp_malloc((size_t)n_users * sizeof *plan);
    placement *placed = cp_malloc((size_t)n_users * sizeof *placed);
    int n_placed = 0;
    for (int u = 0; u < n_users; u++) {
        int s = service_of_user[u];
        plan[u] = s;
        if (s != CP_NONE && (s < 0 || s >= n_services)) {
            cp_errors_add(&check->violations, "user '%s': unknown service index %d",
                          instance->users[u].id, s);
            plan[u] = CP_NONE;
        } else {
            check_user_rules(instance, config, u, s, &check->violations);
        }
        price_user(instance, config, u, plan[u], check, placed, &n_placed);
    }
    check_services(instance, check);
    check_groups(instance, plan, &check->violations);
    qsort(placed, (size_t)n_placed, sizeof *placed, by_pool_provider);
    check_contracts(instance, config, placed, n_placed, check);
    check->objective = cp_terms_objective(&check->terms);

    free(plan);
    free(placed);
    *out = check;
    return (int)(check->violations.count + check->violations.dropped);
}

void cp_check_destroy(cp_check *check)
{
    if (!check)
        return;
    cp_errors_clear(&check->violations);
    free(check->user_km);
    free(check->user_weekly_cost);
    free(check->user_moved);
    free(check->service_used);
    free(check->service_open);
    free(check);
}
