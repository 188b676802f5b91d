/* The people of the adults' recipe: how many each member supports, and each adult's
 * setting (accommodation or support at home), profile of need, intensity, needs, acceptable
 * types, age, gender, distance limit, places used and siblings. Figures and sources:
 * instances/sw-london/README.md. */
#include <math.h>
#include <stdlib.h>

#include "gen/adults.h"
#include "util/alloc.h"

/* Adults aged 18-64 with a learning disability as primary support reason receiving
 * long-term support in England, 2023-24 (NHS England data, as analysed by C. Hatton). */
static const double national_people = 135205;

/* Share of them in accommodation-based services (residential and nursing care, supported
 * living, shared lives); the rest live with family (37%) or in their own tenancy. */
static const double accommodation_share = 0.43;

/* Profiles (enum adult_profile order), in accommodation and at home. */
static const double accommodation_profiles[N_PROFILES] = {38, 28, 20, 11, 3};
static const double community_profiles[N_PROFILES] = {55, 30, 12, 3, 0};

static const double male_share[N_PROFILES] = {0.57, 0.6, 0.66, 0.78, 0.9};

#define MH TAG(G_MENTAL)
#define PD TAG(G_PHYSICAL)
#define CH TAG(G_HEALTH)
#define AU TAG(G_AUTISM)
#define CB TAG(G_BEHAVIOUR)
#define FO TAG(G_FORENSIC)

/* Needs by profile: sets of tags and their weights. */
static const struct {
    unsigned needs[7];
    double weight[7];
} needs_of[N_PROFILES] = {
    [P_LOW] = {{0, MH, PD, AU}, {58, 15, 15, 12}},
    [P_MODERATE] = {{AU, MH, PD, AU | MH, PD | CH, CH, 0}, {30, 20, 12, 12, 14, 6, 6}},
    [P_HIGH] = {{AU | CB, PD | CH, AU | MH, CH, CB, AU}, {30, 22, 20, 8, 8, 12}},
    [P_SPECIALIST] = {{AU | CB, CB, AU | CB | MH, AU | CB | CH}, {58, 14, 18, 10}},
    [P_FORENSIC] = {{FO | CB, FO | CB | MH, FO | AU | CB}, {45, 30, 25}},
};

/* Acceptable types of people in accommodation by profile: lists and their weights. */
#define SL A_SUPPORTED_LIVING
#define R A_RESIDENTIAL
static const struct {
    int types[4][2]; /* -1: no second type */
    double weight[4];
} types_of[N_PROFILES] = {
    [P_LOW] = {{{SL, -1}, {SL, R}, {R, -1}}, {68, 20, 12}},
    [P_MODERATE] = {{{SL, R}, {R, SL}, {R, -1}, {SL, -1}}, {45, 25, 20, 10}},
    [P_HIGH] = {{{R, SL}, {SL, R}, {R, -1}}, {40, 32, 28}},
    [P_SPECIALIST] = {{{R, SL}, {SL, R}, {R, -1}}, {40, 32, 28}},
    [P_FORENSIC] = {{{R, -1}}, {1}},
};

/* A scheme's distance limits by profile (km; INFINITY: none) and their weights. */
static const struct {
    double km[4];
    double weight[4];
} limits_of[N_PROFILES] = {
    [P_LOW] = {{20, 30, 50, INFINITY}, {30, 35, 30, 5}},
    [P_MODERATE] = {{20, 30, 50, INFINITY}, {20, 35, 40, 5}},
    [P_HIGH] = {{30, 50, INFINITY}, {20, 60, 20}},
    [P_SPECIALIST] = {{50, INFINITY}, {30, 70}},
    [P_FORENSIC] = {{INFINITY}, {1}},
};

/* National market: a limit reaching the k-th nearest council, by profile; people supported
 * at home accept an agency within community_km. */
static const int reach_of[N_PROFILES] = {1, 2, 3, 6, 10};
static const double community_km = 15;

/* Chances: a specialist adult needs two places (a self-contained flat or two-to-one
 * staffing); a low-need adult in accommodation lives with a brother or sister. */
static const double two_places = 0.09, sibling_chance = 0.025;
static const double two_place_spot_cost = 18000; /* two places at the emergency rate */

/* Members' people: total spread in proportion to population, largest remainder first (ties
 * to the earlier member). Returns an array of n_members counts to free. */
static long *member_counts(const cp_gen_world *world, double total)
{
    size_t n = world->n_members;
    long target = lround(total), given = 0;
    long *counts = cp_malloc((n ? n : 1) * sizeof *counts);
    double *rest = cp_malloc((n ? n : 1) * sizeof *rest), population = 0;
    for (size_t m = 0; m < n; m++)
        population += world->authorities[world->members[m]].place->population;
    for (size_t m = 0; m < n; m++) {
        double exact =
            target * world->authorities[world->members[m]].place->population / population;
        counts[m] = (long)floor(exact);
        rest[m] = exact - (double)counts[m];
        given += counts[m];
    }
    for (; given < target; given++) {
        size_t best = 0;
        for (size_t m = 1; m < n; m++)
            if (rest[m] > rest[best])
                best = m;
        counts[best]++;
        rest[best] = -1;
    }
    free(rest);
    return counts;
}

static int clamp_age(double age)
{
    int years = (int)age;
    return years < 18 ? 18 : years > 64 ? 64 : years;
}

static int draw_age(int profile, cp_rng *rng)
{
    if (profile == P_SPECIALIST || profile == P_FORENSIC)
        return clamp_age(cp_rng_normal(rng, 29, 8));
    if (cp_rng_chance(rng, 0.5))
        return (int)cp_rng_int(rng, 18, 64);
    return clamp_age(cp_rng_normal(rng, 38, 12));
}

static size_t count_weights(const double *weights, size_t most)
{
    size_t n = 0;
    while (n < most && weights[n] > 0)
        n++;
    return n;
}

static double draw_limit(const cp_gen_world *world, const cp_gen_person *adult, int profile,
                         adults_mode mode, cp_rng *rng)
{
    if (adult->types[0] == A_COMMUNITY)
        return community_km;
    if (mode.national) {
        const cp_gen_authority *home = &world->authorities[adult->authority];
        size_t k = (size_t)reach_of[profile];
        if (k >= world->n_authorities)
            k = world->n_authorities - 1;
        return 10 * ceil(home->nearest_km[k] / 10);
    }
    size_t n = count_weights(limits_of[profile].weight, 4);
    return limits_of[profile].km[cp_rng_weighted(rng, limits_of[profile].weight, n)];
}

static void draw_adult(cp_gen_draft *draft, size_t a, int accommodation, adults_mode mode,
                       cp_rng *rng)
{
    cp_gen_person *adult = cp_gen_add_person(draft);
    adult->authority = a;
    cp_gen_world_point(draft->world, a, rng, &adult->lat, &adult->lon);
    int profile = (int)cp_rng_weighted(
        rng, accommodation ? accommodation_profiles : community_profiles, N_PROFILES);
    adult->category = profile;
    static const int intensities[N_PROFILES][3] = {
        {1, 2, 2}, {3, 3, 3}, {4, 4, 4}, {5, 5, 5}, {4, 5, 5}};
    adult->intensity = intensities[profile][cp_rng_int(rng, 0, 2)];
    adult->age = draw_age(profile, rng);
    adult->gender = cp_rng_chance(rng, male_share[profile]) ? CP_GEN_MALE : CP_GEN_FEMALE;
    size_t n = count_weights(needs_of[profile].weight, 7);
    adult->needs = needs_of[profile].needs[cp_rng_weighted(rng, needs_of[profile].weight, n)];
    if (accommodation) {
        n = count_weights(types_of[profile].weight, 4);
        const int *types =
            types_of[profile].types[cp_rng_weighted(rng, types_of[profile].weight, n)];
        adult->types[0] = types[0];
        adult->types[1] = types[1];
        adult->n_types = types[1] < 0 ? 1 : 2;
    } else {
        adult->types[0] = A_COMMUNITY;
        adult->n_types = 1;
    }
    adult->max_distance_km = draw_limit(draft->world, adult, profile, mode, rng);
    adult->spot_cost = NAN;
    if (accommodation && profile == P_SPECIALIST && cp_rng_chance(rng, two_places)) {
        adult->places = 2;
        adult->spot_cost = two_place_spot_cost;
    }
}

/* A brother or sister of the adult just drawn, sharing home, needs, types and limit. */
static void add_sibling(cp_gen_draft *draft, size_t group, cp_rng *rng)
{
    size_t first = draft->n_people - 1;
    draft->people[first].group = group;
    cp_gen_person *sibling = cp_gen_add_person(draft);
    *sibling = draft->people[first];
    static const int gaps[] = {-3, -2, 2, 3};
    sibling->age = clamp_age(sibling->age + gaps[cp_rng_int(rng, 0, 3)]);
    sibling->gender = cp_rng_chance(rng, male_share[P_LOW]) ? CP_GEN_MALE : CP_GEN_FEMALE;
}

void cp_gen_adults_people(cp_gen_draft *draft, uint64_t seed, double scale, int people,
                          adults_mode mode)
{
    const cp_gen_world *world = draft->world;
    long *counts = member_counts(world, (people > 0 ? people : national_people) * scale);
    size_t group = 0;
    for (size_t m = 0; m < world->n_members; m++) {
        size_t a = world->members[m];
        cp_rng rng;
        cp_rng_seed(&rng, seed, cp_rng_stream_of(world->authorities[a].place->code));
        for (long k = 0; k < counts[m]; k++) {
            int accommodation = mode.accommodation_only || cp_rng_chance(&rng, accommodation_share);
            draw_adult(draft, a, accommodation, mode, &rng);
            if (accommodation && draft->people[draft->n_people - 1].category == P_LOW &&
                k + 1 < counts[m] && cp_rng_chance(&rng, sibling_chance)) {
                add_sibling(draft, ++group, &rng);
                k++;
            }
        }
    }
    free(counts);
}
