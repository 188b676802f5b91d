/* Where each adult in accommodation lives today, or will need a place: the kind of service
 * their needs call for, the host council (their own, another member, a council nearby, or
 * one far away, with shares by kind), and whether the council runs it itself. The services
 * are then built around these slots (gen/adults_homes.c). */
#include <math.h>
#include <stdlib.h>

#include "gen/adults.h"
#include "util/alloc.h"

enum band { B_OWN, B_SCHEME, B_NEAR, B_FAR, N_BANDS };

/* Shares of the placements of each kind (enum adult_kind order) nearby and far away; the
 * rest are in the members, 55% of them in the person's own council. Specialist homes are
 * mostly outside the cities. The national market halves the shares nearby and far away and
 * keeps 80% of the rest in the own council, as most councils are much larger than a London
 * borough. */
static const double near_share[K_R_F + 1] = {0.14, 0.23, 0.3, 0.55, 0.37, 0.42, 0.5, 0.3};
static const double far_share[K_R_F + 1] = {0.01, 0.02, 0.05, 0.1, 0.08, 0.18, 0.38, 0.65};
static const double national_away = 0.5;
static const double own_share = 0.55, national_own_share = 0.8;

/* Share of the people placed today, by profile: newcomers are new entrants (most often
 * 18- and 19-year-olds leaving children's services). */
static const double new_entrant = 0.14, new_forensic = 0.05, new_school_leaver = 0.7;

/* Share of placements in the own council, in the lower kinds, in a service the council runs
 * itself. */
static const double in_house = 0.08;

/* A band's reach: councils other than home with points in (low, high] km of home's; of
 * these the `top` with the largest weights are the band's hosts, drawn in proportion to
 * weight. Placements away from home thus concentrate in a few councils, as they do. */
typedef struct reach {
    double low, high;
    const double *weight;
    size_t top;
} reach;

#define MOST_HOSTS 8

/* The hosts of one member in one band and their weights. */
typedef struct hosts {
    size_t host[MOST_HOSTS];
    double weight[MOST_HOSTS];
    size_t n;
} hosts;

typedef struct weights {
    double *population, *space, *member_population, *other_space; /* per world authority */
} weights;

/* Population for placements among neighbours; "space" (the geometric mean of residents and
 * area) for placements away, which go where land is cheaper and homes larger. */
static void make_weights(const cp_gen_world *world, weights *w)
{
    size_t n = world->n_authorities;
    w->population = cp_malloc(n * sizeof *w->population);
    w->space = cp_malloc(n * sizeof *w->space);
    w->member_population = cp_malloc(n * sizeof *w->member_population);
    w->other_space = cp_malloc(n * sizeof *w->other_space);
    for (size_t a = 0; a < n; a++) {
        const cp_gen_authority *authority = &world->authorities[a];
        w->population[a] = authority->place->population;
        w->space[a] = sqrt(authority->place->population * authority->place->area_km2);
        w->member_population[a] = authority->member ? w->population[a] : 0;
        w->other_space[a] = authority->member ? 0 : w->space[a];
    }
}

static void free_weights(weights *w)
{
    free(w->population);
    free(w->space);
    free(w->member_population);
    free(w->other_space);
}

/* The reaches of the bands: a scheme's other members, six non-members within 60 km and
 * four councils 100-400 km away; in the national market, eight neighbours within 32 km,
 * six councils 32-80 km and four 80-400 km away. */
static void make_reaches(const weights *w, adults_mode mode, reach reaches[N_BANDS])
{
    reaches[B_OWN] = (reach){0, 0, NULL, 0};
    if (mode.national) {
        reaches[B_SCHEME] = (reach){0, 32, w->population, 8};
        reaches[B_NEAR] = (reach){32, 80, w->space, 6};
        reaches[B_FAR] = (reach){80, 400, w->space, 4};
    } else {
        reaches[B_SCHEME] = (reach){0, 60, w->member_population, 8};
        reaches[B_NEAR] = (reach){0, 60, w->other_space, 4};
        reaches[B_FAR] = (reach){100, 400, w->space, 3};
    }
}

/* The hosts of home in the reach: the heaviest first (ties to the nearer). */
static void find_hosts(const cp_gen_world *world, size_t home, const reach *r, hosts *h)
{
    const cp_gen_authority *authority = &world->authorities[home];
    h->n = 0;
    for (size_t k = 1; k < world->n_authorities && authority->nearest_km[k] <= r->high; k++) {
        size_t a = authority->nearest[k];
        double weight = r->weight[a];
        if (authority->nearest_km[k] <= r->low || weight <= 0)
            continue;
        size_t at = h->n < r->top ? h->n++ : r->top;
        while (at > 0 && h->weight[at - 1] < weight) {
            if (at < r->top) {
                h->host[at] = h->host[at - 1];
                h->weight[at] = h->weight[at - 1];
            }
            at--;
        }
        if (at < r->top) {
            h->host[at] = a;
            h->weight[at] = weight;
        }
    }
}

/* Per member (world index) and band, its hosts. Returns an array to free. */
static hosts *make_hosts(const cp_gen_world *world, const reach reaches[N_BANDS])
{
    hosts *all = cp_calloc(world->n_authorities * N_BANDS, sizeof *all);
    for (size_t m = 0; m < world->n_members; m++)
        for (int band = B_SCHEME; band < N_BANDS; band++)
            find_hosts(world, world->members[m], &reaches[band],
                       &all[world->members[m] * N_BANDS + (size_t)band]);
    return all;
}

/* The host of a placement of kind: a band drawn by kind; an empty band falls back to the
 * next nearer one. */
static size_t draw_host(const hosts *all, const cp_gen_person *adult, int kind, adults_mode mode,
                        cp_rng *rng)
{
    double away = mode.national ? national_away : 1;
    double near = near_share[kind] * away, far = far_share[kind] * away;
    double in_members = 1 - near - far, own = mode.national ? national_own_share : own_share;
    double shares[N_BANDS] = {in_members * own, in_members * (1 - own), near, far};
    for (int band = (int)cp_rng_weighted(rng, shares, N_BANDS); band > B_OWN; band--) {
        const hosts *h = &all[adult->authority * N_BANDS + (size_t)band];
        if (h->n > 0)
            return h->host[cp_rng_weighted(rng, h->weight, h->n)];
    }
    return adult->authority;
}

/* The kind of service for the adult: of one of their types (the first 75% of the time;
 * residential 80% of the time for intensity 5, as specialist supported living is scarce),
 * built for their intensity, one level higher 15% of the time. */
static const double first_type = 0.75, residential_at_5 = 0.8, one_level_up = 0.15;

static int draw_kind(const cp_gen_person *adult, cp_rng *rng)
{
    static const int ladders[2][4] = {[A_RESIDENTIAL] = {K_R_M, K_R_H, K_R_S, -1},
                                      [A_SUPPORTED_LIVING] = {K_SL_L, K_SL_M, K_SL_H, K_SL_S}};
    if (adult->category == P_FORENSIC)
        return K_R_F;
    int type = adult->types[0];
    if (adult->n_types > 1) {
        double first = adult->intensity < 5               ? first_type
                       : adult->types[0] == A_RESIDENTIAL ? residential_at_5
                                                          : 1 - residential_at_5;
        if (!cp_rng_chance(rng, first))
            type = adult->types[1];
    }
    const int *ladder = ladders[type];
    int level = 0;
    while (level < 3 && ladder[level + 1] >= 0 &&
           cp_gen_adult_templates[ladder[level]].max_intensity < adult->intensity)
        level++;
    if (cp_rng_chance(rng, one_level_up) && level < 3 && ladder[level + 1] >= 0)
        level++;
    return ladder[level];
}

static int is_placed_today(const cp_gen_person *adult, cp_rng *rng)
{
    double p_new = adult->category == P_FORENSIC ? new_forensic : new_entrant;
    if (cp_rng_chance(rng, p_new))
        return 0;
    return !(adult->age <= 19 && cp_rng_chance(rng, new_school_leaver));
}

cp_gen_slot *cp_gen_adults_slots(cp_gen_draft *draft, adults_mode mode, cp_rng *rng,
                                 size_t *n_slots)
{
    const cp_gen_world *world = draft->world;
    weights w;
    make_weights(world, &w);
    reach reaches[N_BANDS];
    make_reaches(&w, mode, reaches);
    hosts *all = make_hosts(world, reaches);
    free_weights(&w);
    cp_gen_slot *slots = cp_malloc((draft->n_people ? draft->n_people : 1) * sizeof *slots);
    size_t n = 0;
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *adult = &draft->people[p];
        if (adult->types[0] == A_COMMUNITY)
            continue;
        if (n > 0 && adult->group && adult->group == draft->people[slots[n - 1].person].group) {
            slots[n] = slots[n - 1];
            slots[n++].person = p;
            continue;
        }
        int kind = draw_kind(adult, rng);
        size_t host = draw_host(all, adult, kind, mode, rng);
        int current = is_placed_today(adult, rng);
        /* A newcomer's place is found within their limit. */
        if (!current && cp_gen_world_km(world, adult->authority, host) > adult->max_distance_km)
            host = adult->authority;
        size_t owner = CP_GEN_NONE;
        int lower = kind == K_SL_L || kind == K_SL_M || kind == K_SL_H || kind == K_R_M;
        if (host == adult->authority && lower && cp_rng_chance(rng, in_house))
            owner = host;
        slots[n++] = (cp_gen_slot){p, host, kind, owner, current};
    }
    free(all);
    *n_slots = n;
    return slots;
}
