/* The adults' recipe: adults aged 18-64 with learning disabilities, the accommodation and
 * community services built around them, candidate schemes, locks, fees, tiers and the
 * settings of adult commissioning. Figures and sources: instances/sw-london/README.md. */
#include <string.h>

#include "gen/adults.h"
#include "gen/recipes.h"

const char *const cp_gen_adults_types[] = {"residential", "supported_living", "community_support"};
const int cp_gen_adults_n_types = 3;
const char *const cp_gen_adults_tags[] = {"autism",         "challenging_behaviour",
                                          "mental_health",  "physical_disability",
                                          "complex_health", "forensic"};
const int cp_gen_adults_n_tags = 6;

#define MH TAG(G_MENTAL)
#define PD TAG(G_PHYSICAL)
#define CH TAG(G_HEALTH)
#define AU TAG(G_AUTISM)
#define CB TAG(G_BEHAVIOUR)

/* Type, highest intensity, specialism sets, places of a home, GBP a week. Community
 * support (standard and complex) is an agency's package at home: no home size. */
const adult_template cp_gen_adult_templates[N_KINDS] = {
    [K_SL_L] = {A_SUPPORTED_LIVING, 2, {0, MH, AU, PD, AU | MH}, 5, 3, 6, 650, 1150},
    [K_SL_M] = {A_SUPPORTED_LIVING, 3, {AU | MH, MH | PD, AU | PD | CH, AU}, 4, 3, 5, 1100, 1650},
    [K_SL_H] = {A_SUPPORTED_LIVING, 4, {CB_SET, PD | CH | AU, AU | MH}, 3, 2, 5, 1800, 2700},
    [K_SL_S] = {A_SUPPORTED_LIVING, 5, {CB_SET}, 1, 3, 4, 3300, 4600},
    [K_R_M] = {A_RESIDENTIAL, 3, {0, PD | CH, MH, AU | MH, PD | CH | MH}, 5, 3, 7, 1250, 2000},
    [K_R_H] = {A_RESIDENTIAL, 4, {CB_SET, PD | CH | AU | MH, AU | MH}, 3, 3, 6, 2300, 3300},
    [K_R_S] = {A_RESIDENTIAL, 5, {CB_SET, CB_SET | CH}, 2, 3, 5, 5600, 7400},
    [K_R_F] = {A_RESIDENTIAL, 5, {TAG(G_FORENSIC) | CB_SET}, 1, 3, 4, 6200, 7600},
    [K_COMMUNITY] = {A_COMMUNITY, 3, {AU | MH | PD | CH}, 1, 0, 0, 300, 650},
    [K_COMMUNITY_COMPLEX] = {A_COMMUNITY, 5, {AU | CB | MH | PD | CH}, 1, 0, 0, 800, 1600},
};

double cp_gen_adults_price_factor(const cp_gen_world *world, size_t a)
{
    const char *region = world->authorities[a].place->region;
    if (strcmp(region, "London") == 0)
        return 1.0;
    if (strcmp(region, "South East") == 0 || strcmp(region, "East of England") == 0)
        return 0.95;
    return 0.9;
}

enum cp_gen_rating cp_gen_adults_draw_rating(cp_rng *rng)
{
    /* inadequate, requires improvement, good, outstanding */
    static const double shares[4] = {3.5, 18.3, 67.6, 10.6};
    return (enum cp_gen_rating)cp_rng_weighted(rng, shares, 4);
}

void cp_gen_adults_ld(cp_gen_draft *draft, uint64_t seed, double scale, int people,
                      int accommodation_only)
{
    /* A fixed number of people is a commissioning scheme; the national rate, the market. */
    adults_mode mode = {.national = people == 0, .accommodation_only = accommodation_only};
    cp_gen_adults_people(draft, seed, scale, people, mode);
    adults_providers *providers = cp_gen_adults_providers_create(draft);
    cp_gen_adults_homes(draft, seed, mode, providers);
    if (!accommodation_only)
        cp_gen_adults_community(draft, seed, providers);
    cp_gen_adults_providers_destroy(providers);
    cp_gen_adults_candidates_and_tiers(draft, seed);
    cp_gen_adults_locks_and_quotes(draft, seed);
    /* Settings: see instances/sw-london/README.md for the reasons. */
    cp_gen_add_setting(draft, "distance_weight", "2");
    cp_gen_add_setting(draft, "spot_cost", "9000");
    cp_gen_add_setting(draft, "preference_cost", "150");
    cp_gen_add_setting(draft, "move_cost", "300");
    cp_gen_add_setting(draft, "contract_cost", "100");
    cp_gen_add_setting(draft, "max_provider_share", "0.35");
    cp_gen_add_setting(draft, "min_rating", "requires_improvement");
    cp_gen_add_setting(draft, "exclude_unrated", "false");
    cp_gen_add_setting(draft, "local_km", "32");
    cp_gen_add_setting(draft, "quotes_only", "false");
}
