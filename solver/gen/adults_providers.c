/* The providers of the adults' recipe: four markets (supported living, care homes,
 * specialist care, community support), each with national organisations, regional ones and
 * independents running one service, and the councils' in-house services. All names are
 * invented (gen/market.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/adults.h"
#include "util/alloc.h"

enum market { M_SUPPORTED, M_RESIDENTIAL, M_SPECIALIST, M_COMMUNITY, N_MARKETS };

static const struct {
    const char *word;
    int n_national, n_regional;
    double national_share, independent_share;
} markets[N_MARKETS] = {
    [M_SUPPORTED] = {"Supported Living", 6, 1, 0.7, 0.03},
    [M_RESIDENTIAL] = {"Care Homes", 5, 1, 0.7, 0.03},
    [M_SPECIALIST] = {"Specialist Care", 4, 1, 0.8, 0.03},
    [M_COMMUNITY] = {"Community Support", 6, 4, 0.35, 0.1},
};
#define MOST_NATIONAL 6
#define MOST_REGIONAL 4

static const char *const regions[] = {"North East",    "North West",    "Yorkshire and The Humber",
                                      "East Midlands", "West Midlands", "East of England",
                                      "London",        "South East",    "South West"};
#define N_REGIONS (sizeof regions / sizeof regions[0])
#define PER_MARKET (MOST_NATIONAL + N_REGIONS * MOST_REGIONAL)

struct adults_providers {
    cp_gen_draft *draft;
    size_t made[N_MARKETS][PER_MARKET]; /* provider index, CP_GEN_NONE until first used */
};

adults_providers *cp_gen_adults_providers_create(cp_gen_draft *draft)
{
    adults_providers *providers = cp_malloc(sizeof *providers);
    providers->draft = draft;
    for (int m = 0; m < N_MARKETS; m++)
        for (size_t k = 0; k < PER_MARKET; k++)
            providers->made[m][k] = CP_GEN_NONE;
    return providers;
}

void cp_gen_adults_providers_destroy(adults_providers *providers)
{
    free(providers);
}

static enum market market_of(int kind)
{
    switch (kind) {
    case K_R_M:
    case K_R_H:
        return M_RESIDENTIAL;
    case K_R_S:
    case K_R_F:
        return M_SPECIALIST;
    case K_COMMUNITY:
    case K_COMMUNITY_COMPLEX:
        return M_COMMUNITY;
    default:
        return M_SUPPORTED;
    }
}

static size_t region_of(const cp_place *place)
{
    for (size_t r = 0; r < N_REGIONS; r++)
        if (strcmp(regions[r], place->region) == 0)
            return r;
    return 0;
}

/* The k-th national (region N_REGIONS) or regional provider of market, made once. */
static size_t named(adults_providers *providers, enum market market, int k, size_t region)
{
    int national = region == N_REGIONS;
    size_t *slot =
        &providers->made[market]
                        [national ? (size_t)k : MOST_NATIONAL + region * MOST_REGIONAL + (size_t)k];
    if (*slot == CP_GEN_NONE)
        *slot = cp_gen_add_named_provider(
            providers->draft, (size_t)market * 10 + (size_t)k + (national ? 0 : MOST_NATIONAL),
            markets[market].word, national ? NULL : regions[region]);
    return *slot;
}

size_t cp_gen_adults_draw_provider(adults_providers *providers, int kind, size_t host, cp_rng *rng)
{
    enum market market = market_of(kind);
    double u = cp_rng_uniform(rng);
    if (u < markets[market].national_share) {
        double weights[MOST_NATIONAL];
        for (int k = 0; k < markets[market].n_national; k++)
            weights[k] = 1.0 / (k + 2);
        int k = (int)cp_rng_weighted(rng, weights, (size_t)markets[market].n_national);
        return named(providers, market, k, N_REGIONS);
    }
    if (u < 1 - markets[market].independent_share) {
        int k = (int)cp_rng_int(rng, 0, markets[market].n_regional - 1);
        return named(providers, market, k,
                     region_of(providers->draft->world->authorities[host].place));
    }
    char id[64], name[96];
    size_t number = providers->draft->n_providers + 1;
    snprintf(id, sizeof id, "independent-%zu", number);
    snprintf(name, sizeof name, "Independent provider %zu", number);
    return cp_gen_add_provider(providers->draft, id, name);
}

size_t cp_gen_adults_council_provider(cp_gen_draft *draft, size_t a)
{
    const cp_place *place = draft->world->authorities[a].place;
    char id[96], name[160];
    size_t n = 0;
    for (const char *c = place->id; *c && n + 1 < sizeof id; c++)
        id[n++] = *c == '_' ? '-' : *c;
    snprintf(id + n, sizeof id - n, "-council");
    for (size_t p = 0; p < draft->n_providers; p++)
        if (strcmp(draft->provider_ids[p], id) == 0)
            return p;
    snprintf(name, sizeof name, "%s Council", place->name);
    return cp_gen_add_provider(draft, id, name);
}
