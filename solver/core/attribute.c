/* Cost attribution: each authority's share of a checked plan's weekly objective. Personal
 * terms are taken from the checker's results (the discounted price or spot cost, km, moved)
 * and the instance; fixed costs go to the people of each opened candidate by places, and
 * each (pool, provider) contract to the pool's people with that provider by places. Work is
 * linear in people and services apart from one sort of the placements by (pool, provider). */
#include "core/attribute.h"

#include "core/compat.h"
#include "core/pricing.h"
#include "util/alloc.h"

#include <stdlib.h>

/* One placed person, keyed by the contract (pool, provider) that carries it. */
typedef struct placed_user {
    int pool, provider, user;
    double places;
} placed_user;

static int by_contract(const void *left, const void *right)
{
    const placed_user *a = left, *b = right;
    if (a->pool != b->pool)
        return a->pool < b->pool ? -1 : 1;
    if (a->provider != b->provider)
        return a->provider < b->provider ? -1 : 1;
    return (a->user > b->user) - (a->user < b->user);
}

/* Person u's own terms, as the checker priced them: discounted price or spot cost, distance,
 * preference (0 for a type outside the person's list) and move. */
static double own_cost(const cp_instance *instance, int u, int s, const cp_check *check)
{
    const cp_user *user = &instance->users[u];
    const cp_settings *settings = &instance->settings;
    double cost = check->user_weekly_cost[u];
    if (check->user_moved[u])
        cost += settings->move_cost;
    if (s == CP_NONE)
        return cost;
    int rank = cp_type_rank(user, instance->services[s].type);
    cost += settings->distance_weight * check->user_km[u];
    cost += settings->preference_cost * (rank > 0 ? rank : 0);
    return cost;
}

/* Splits contract_cost over placed[0..n) (sorted by contract) by places; a contract whose
 * people use no places at all is split by people. */
static void split_contracts(const cp_instance *instance, const placed_user *placed, int n,
                            double *authority_cost)
{
    double contract_cost = instance->settings.contract_cost;
    for (int i = 0; i < n;) {
        int j = i;
        double places = 0;
        while (j < n && placed[j].pool == placed[i].pool &&
               placed[j].provider == placed[i].provider)
            places += placed[j++].places;
        for (int k = i; k < j; k++) {
            double weight = places > 0 ? placed[k].places / places : 1.0 / (j - i);
            authority_cost[instance->users[placed[k].user].authority] += contract_cost * weight;
        }
        i = j;
    }
}

void cp_attribute_costs(const cp_instance *instance, const cp_config *config,
                        const int *service_of_user, const cp_check *check, double *authority_cost)
{
    for (int a = 0; a < instance->n_authorities; a++)
        authority_cost[a] = 0;
    placed_user *placed = cp_malloc((size_t)instance->n_users * sizeof *placed);
    int n_placed = 0;
    for (int u = 0; u < instance->n_users; u++) {
        int s = service_of_user[u];
        if (s != CP_NONE && (s < 0 || s >= instance->n_services))
            s = CP_NONE; /* priced as unplaced, as the checker does */
        int authority = instance->users[u].authority;
        authority_cost[authority] += own_cost(instance, u, s, check);
        if (s == CP_NONE)
            continue;
        const cp_service *service = &instance->services[s];
        double places = cp_pair_terms_of(instance, u, s).places;
        if (service->candidate && check->service_used[s] > 0)
            authority_cost[authority] += service->fixed_cost * places / check->service_used[s];
        placed[n_placed++] = (placed_user){
            .pool = config->pool_of_authority[authority],
            .provider = service->provider,
            .user = u,
            .places = places,
        };
    }
    qsort(placed, (size_t)n_placed, sizeof *placed, by_contract);
    split_contracts(instance, placed, n_placed, authority_cost);
    free(placed);
}
