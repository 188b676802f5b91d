/* New services the members could commission, and volume discounts. A candidate is a
 * supported-living scheme for complex needs (the challenging-behaviour set, intensity 5,
 * eight places) that a member would own: one per 60 adults of intensity 5 in accommodation
 * (at least one), each hosted by a different member, drawn at random. The largest
 * providers (one per 100 services, at least one) give 1% off from 2 places and 2% from 10. */
#include <math.h>
#include <stdlib.h>

#include "gen/adults.h"
#include "util/alloc.h"

static const double candidate_price = 4200, candidate_fixed_cost = 12000;
static const int candidate_places = 8, candidate_min_occupancy = 6;

static void add_candidate(cp_gen_draft *draft, size_t host, cp_rng *rng)
{
    size_t provider = cp_gen_adults_council_provider(draft, host);
    cp_gen_service *service = cp_gen_add_service(draft);
    service->provider = provider;
    service->authority = host;
    service->owner = host;
    service->type = A_SUPPORTED_LIVING;
    service->template_kind = K_SL_S;
    service->capacity = candidate_places;
    service->price =
        cp_gen_round5(candidate_price * cp_gen_adults_price_factor(draft->world, host));
    service->rating = CP_GEN_UNRATED;
    service->min_age = 18;
    service->max_age = 64;
    service->max_intensity = 5;
    service->specialisms = CB_SET;
    service->candidate = 1;
    service->fixed_cost = candidate_fixed_cost;
    service->min_occupancy = candidate_min_occupancy;
    cp_gen_world_point(draft->world, host, rng, &service->lat, &service->lon);
}

static void add_candidates(cp_gen_draft *draft, uint64_t seed)
{
    const cp_gen_world *world = draft->world;
    double intense = 0;
    for (size_t p = 0; p < draft->n_people; p++)
        intense += draft->people[p].types[0] != A_COMMUNITY && draft->people[p].intensity == 5;
    size_t n = intense > 0 ? (size_t)lround(fmax(1, intense / 60)) : 0;
    n = n > world->n_members ? world->n_members : n;
    double *weights = cp_malloc((world->n_members ? world->n_members : 1) * sizeof *weights);
    for (size_t m = 0; m < world->n_members; m++)
        weights[m] = 1;
    cp_rng rng;
    cp_rng_seed(&rng, seed, cp_rng_stream_of("adults' candidates"));
    for (size_t c = 0; c < n; c++) {
        size_t m = cp_rng_weighted(&rng, weights, world->n_members);
        weights[m] = 0;
        add_candidate(draft, world->members[m], &rng);
    }
    free(weights);
}

typedef struct provider_count {
    size_t provider, services;
} provider_count;

static int by_services(const void *a, const void *b)
{
    const provider_count *x = a, *y = b;
    if (x->services != y->services)
        return x->services > y->services ? -1 : 1;
    return x->provider < y->provider ? -1 : x->provider > y->provider;
}

static void add_tiers(cp_gen_draft *draft)
{
    size_t n = draft->n_providers;
    provider_count *counts = cp_malloc((n ? n : 1) * sizeof *counts);
    for (size_t p = 0; p < n; p++)
        counts[p] = (provider_count){p, 0};
    for (size_t s = 0; s < draft->n_services; s++)
        if (draft->services[s].owner == CP_GEN_NONE)
            counts[draft->services[s].provider].services++;
    qsort(counts, n, sizeof *counts, by_services);
    size_t tiered = draft->n_services / 100;
    tiered = tiered < 1 ? 1 : tiered;
    for (size_t k = 0; k < tiered && k < n && counts[k].services > 1; k++) {
        cp_gen_add_tier(draft, counts[k].provider, 2, 1);
        cp_gen_add_tier(draft, counts[k].provider, 10, 2);
    }
    free(counts);
}

void cp_gen_adults_candidates_and_tiers(cp_gen_draft *draft, uint64_t seed)
{
    add_candidates(draft, seed);
    add_tiers(draft);
}
