/* The services of the children's recipe, built around the children's placements: each child
 * today placed (or needing a place) is a slot at a host council, in the kind of service its
 * needs call for; the slots of one host and kind become homes, fostering branches and
 * schemes, sized with the vacancies of the statistics. Then present placements, locks,
 * candidate homes, providers and volume tiers. Figures and sources: instances/README.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/compat.h"
#include "gen/children.h"
#include "gen/market.h"
#include "util/alloc.h"

enum kind {
    K_INHOUSE_STANDARD, K_INHOUSE_ENHANCED, K_AGENCY_STANDARD, K_AGENCY_ENHANCED,
    K_HOME_GENERAL, K_HOME_DISABILITY, K_HOME_THERAPEUTIC, K_HOME_SOLO,
    K_SUPPORTED, K_SECURE, K_KINSHIP, K_PARENTS, K_OTHER, N_KINDS
};

#define ALL_TAGS (TAG(G_SEN) | TAG(G_AUTISM) | TAG(G_BEHAVIOUR) | TAG(G_MENTAL) | TAG(G_HEALTH))

static const struct {
    int type, max_intensity;
    unsigned specialisms;
    double price_low, price_high; /* GBP a week for one place, before the regional factor */
} templates[N_KINDS] = {
    [K_INHOUSE_STANDARD] = {T_FOSTERING, 2, TAG(G_SEN) | TAG(G_MENTAL), 380, 480},
    [K_INHOUSE_ENHANCED] = {T_FOSTERING, 3, ALL_TAGS, 550, 750},
    [K_AGENCY_STANDARD] = {T_FOSTERING, 2, TAG(G_SEN) | TAG(G_MENTAL), 760, 900},
    [K_AGENCY_ENHANCED] = {T_FOSTERING, 3, ALL_TAGS, 950, 1300},
    [K_HOME_GENERAL] = {T_HOME, 4, TAG(G_SEN) | TAG(G_BEHAVIOUR) | TAG(G_MENTAL), 3600, 6000},
    [K_HOME_DISABILITY] = {T_HOME, 5, TAG(G_SEN) | TAG(G_AUTISM) | TAG(G_HEALTH) |
                           TAG(G_BEHAVIOUR), 5200, 8000},
    [K_HOME_THERAPEUTIC] = {T_HOME, 5, TAG(G_SEN) | TAG(G_BEHAVIOUR) | TAG(G_MENTAL) |
                            TAG(G_AUTISM), 5800, 9000},
    [K_HOME_SOLO] = {T_HOME, 5, ALL_TAGS, 9000, 14000},
    [K_SUPPORTED] = {T_SUPPORTED, 3, TAG(G_SEN) | TAG(G_MENTAL), 650, 1600},
    [K_SECURE] = {T_SECURE, 5, ALL_TAGS, 4500, 6500},
    [K_KINSHIP] = {T_KINSHIP, 2, TAG(G_SEN), 250, 320},
    [K_PARENTS] = {T_PARENTS, 2, TAG(G_SEN), 120, 180},
    [K_OTHER] = {T_OTHER, 5, TAG(G_SEN) | TAG(G_HEALTH), 3500, 5500},
};

/* The kinds each category may use, tried in order: the first that meets the child's needs. */
static const int kinds_of[N_CATEGORIES][4] = {
    [C_INHOUSE] = {K_INHOUSE_STANDARD, K_INHOUSE_ENHANCED, -1},
    [C_AGENCY] = {K_AGENCY_STANDARD, K_AGENCY_ENHANCED, -1},
    [C_KINSHIP] = {K_KINSHIP, -1},
    [C_HOME] = {K_HOME_GENERAL, K_HOME_DISABILITY, K_HOME_THERAPEUTIC, K_HOME_SOLO},
    [C_SUPPORTED] = {K_SUPPORTED, -1},
    [C_PARENTS] = {K_PARENTS, -1},
    [C_SECURE] = {K_SECURE, -1},
    [C_OTHER] = {K_OTHER, -1},
};

/* Per category: share placed today (the rest are newcomers needing a place), share of those
 * placed who are locked (settled long-term or by court order), and shares of placements in
 * the child's own council, near it (within 20 miles) and farther. */
static const struct {
    double placed, locked, bands[3];
} placements[N_CATEGORIES] = {
    [C_INHOUSE] = {0.88, 0.35, {1, 0, 0}},
    [C_AGENCY] = {0.88, 0.35, {0.4, 0.35, 0.25}},
    [C_KINSHIP] = {1, 1, {1, 0, 0}},
    [C_HOME] = {0.85, 0, {0.33, 0.18, 0.49}},
    [C_SUPPORTED] = {0.85, 0, {0.6, 0.25, 0.15}},
    [C_PARENTS] = {1, 1, {1, 0, 0}},
    [C_SECURE] = {1, 1, {0, 0, 1}},
    [C_OTHER] = {1, 1, {1, 0, 0}},
};

/* Share of children's home places by region (Ofsted; see instances/README.md) and the
 * regional price factor (an assumption: London and the South East dearest). */
static const struct {
    const char *region;
    double home_places, price_factor;
} regions[] = {
    {"North East", 9, 0.92},       {"North West", 22, 0.93}, {"Yorkshire and The Humber", 12, 0.95},
    {"East Midlands", 12, 0.97},   {"West Midlands", 15, 0.97}, {"East of England", 10.3, 1.04},
    {"London", 8, 1.12},           {"South East", 5.7, 1.08},  {"South West", 6, 1.0},
};
#define N_REGIONS (sizeof regions / sizeof regions[0])

static size_t region_index(const char *region)
{
    for (size_t r = 0; r < N_REGIONS; r++)
        if (strcmp(regions[r].region, region) == 0)
            return r;
    return 0;
}

/* Everything the service builders share. */
typedef struct builder {
    cp_gen_draft *draft;
    cp_rng rng;
    double *home_weight, *people_weight, *secure_weight; /* per world authority */
    size_t *providers;                                   /* lazily made, see provider() */
} builder;

/* Provider families: national organisations and regional ones, by market. */
enum market { M_HOMES, M_FOSTERING, M_SUPPORTED, N_MARKETS };
static const struct {
    const char *word;
    int n_national, n_regional;
    double national_share, independent_share;
} markets[N_MARKETS] = {
    [M_HOMES] = {"Children's Homes", 15, 4, 0.45, 0.25},
    [M_FOSTERING] = {"Fostering", 12, 3, 0.65, 0},
    [M_SUPPORTED] = {"Young People's Housing", 6, 3, 0.5, 0.1},
};
#define SLOTS_PER_MARKET (20 + N_REGIONS * 4)

static size_t named_provider(builder *b, enum market market, int k, size_t region)
{
    size_t *slot = &b->providers[market * SLOTS_PER_MARKET +
                                 (region == (size_t)-1 ? (size_t)k : 20 + region * 4 + k)];
    if (*slot == CP_GEN_NONE) {
        /* The market's word and the region keep names apart; the offset only varies the
         * first words between markets. */
        size_t number = (size_t)market * 7 + (size_t)k;
        *slot = cp_gen_add_named_provider(b->draft, number, markets[market].word,
                                          region == (size_t)-1 ? NULL : regions[region].region);
    }
    return *slot;
}

/* A provider for a new service in region: national (larger ones likelier), regional, or an
 * independent running this one service. */
static size_t draw_provider(builder *b, enum market market, size_t region)
{
    double u = cp_rng_uniform(&b->rng);
    if (u < markets[market].national_share) {
        double weights[20];
        for (int k = 0; k < markets[market].n_national; k++)
            weights[k] = 1.0 / (k + 1);
        return named_provider(b, market, (int)cp_rng_weighted(&b->rng, weights,
                                                              (size_t)markets[market].n_national),
                              (size_t)-1);
    }
    if (u < 1 - markets[market].independent_share)
        return named_provider(b, market, (int)cp_rng_int(&b->rng, 0,
                                                         markets[market].n_regional - 1), region);
    char id[64], name[96];
    snprintf(id, sizeof id, "independent-%zu", b->draft->n_providers + 1);
    snprintf(name, sizeof name, "Independent provider %zu", b->draft->n_providers + 1);
    return cp_gen_add_provider(b->draft, id, name);
}

/* The council's own provider of a kind (in-house fostering, kinship, ...), made once. */
static size_t council_provider(builder *b, size_t a, const char *suffix, const char *what)
{
    const cp_place *place = b->draft->world->authorities[a].place;
    char id[96], name[160];
    snprintf(id, sizeof id, "%s-%s", place->id, suffix);
    for (size_t p = 0; p < b->draft->n_providers; p++)
        if (strcmp(b->draft->provider_ids[p], id) == 0)
            return p;
    snprintf(name, sizeof name, "%s %s", place->name, what);
    return cp_gen_add_provider(b->draft, id, name);
}

static int kind_for(const cp_gen_person *child)
{
    const int *kinds = kinds_of[child->category];
    for (int k = 0; k < 4 && kinds[k] >= 0; k++)
        if (child->intensity <= templates[kinds[k]].max_intensity &&
            (child->needs & ~templates[kinds[k]].specialisms) == 0)
            return kinds[k];
    return kinds[0];
}

static enum cp_gen_rating draw_rating(cp_rng *rng, const double shares[4])
{
    return (enum cp_gen_rating)cp_rng_weighted(rng, shares, 4);
}

static cp_gen_service *new_service(builder *b, int kind, size_t host, size_t provider)
{
    cp_gen_service *service = cp_gen_add_service(b->draft);
    const cp_place *place = b->draft->world->authorities[host].place;
    service->authority = host;
    service->provider = provider;
    service->type = templates[kind].type;
    service->template_kind = kind;
    service->max_intensity = templates[kind].max_intensity;
    service->specialisms = templates[kind].specialisms;
    double price = cp_rng_range(&b->rng, templates[kind].price_low, templates[kind].price_high);
    service->price = cp_gen_round5(price * regions[region_index(place->region)].price_factor);
    service->rating = CP_GEN_UNRATED;
    cp_gen_world_point(b->draft->world, host, &b->rng, &service->lat, &service->lon);
    return service;
}

/* Seats the slots [first, last) in service s: the children placed today live there. */
static void seat(builder *b, const cp_gen_slot *slots, size_t first, size_t last, size_t s)
{
    for (size_t k = first; k < last; k++) {
        if (!slots[k].current)
            continue;
        cp_gen_person *child = &b->draft->people[slots[k].person];
        cp_gen_service *service = &b->draft->services[s];
        child->current = s;
        service->used += child->places;
        /* The present home stays a choice: a limit never excludes it. */
        double km = cp_distance_km(child->lat, child->lon, service->lat, service->lon);
        if (km > child->max_distance_km)
            child->max_distance_km = 10 * ceil(km / 10);
    }
}

/* Children's homes: homes of 1-6 places (solo homes 1), filled to 70-100% by the slots. */
static void build_homes(builder *b, const cp_gen_slot *slots, size_t first, size_t last)
{
    static const double sizes[] = {0, 0.08, 0.15, 0.2, 0.27, 0.15, 0.15}; /* 1..6 places */
    static const double ratings[] = {0.03, 0.15, 0.62, 0.2};
    size_t host = slots[first].host, region = region_index(
        b->draft->world->authorities[host].place->region);
    int kind = slots[first].kind;
    for (size_t k = first; k < last;) {
        int size = kind == K_HOME_SOLO ? 1 : (int)cp_rng_weighted(&b->rng, sizes, 7);
        int residents = (int)lround(size * cp_rng_range(&b->rng, 0.7, 1.0));
        residents = residents < 1 ? 1 : residents;
        size_t end = k + (size_t)residents < last ? k + (size_t)residents : last;
        size_t owner = slots[k].owner;
        size_t provider = owner != CP_GEN_NONE
                              ? council_provider(b, owner, "homes", "children's homes")
                              : draw_provider(b, M_HOMES, region);
        cp_gen_service *service = new_service(b, kind, host, provider);
        service->capacity = size;
        service->owner = owner;
        service->rating = draw_rating(&b->rng, ratings);
        cp_gen_fit_restrictions(b->draft, service, slots, k, end, 8, 17, 0.3, &b->rng);
        seat(b, slots, k, end, b->draft->n_services - 1);
        k = end;
    }
}

/* Fostering: one branch per provider at a host (in-house: the owner's carers there), with
 * 16% of approved places vacant. Siblings stay with one provider. */
static void build_fostering(builder *b, const cp_gen_slot *slots, size_t first, size_t last)
{
    static const double agency_ratings[] = {0.01, 0.09, 0.65, 0.25};
    static const double inhouse_ratings[] = {0, 0.15, 0.7, 0.15};
    size_t host = slots[first].host, owner = slots[first].owner;
    size_t region = region_index(b->draft->world->authorities[host].place->region);
    int kind = slots[first].kind;
    int inhouse = owner != CP_GEN_NONE;
    size_t n_branches = inhouse ? 1 : 1 + (last - first) / 60;
    n_branches = n_branches > 3 ? 3 : n_branches;
    size_t providers[3];
    for (size_t k = 0; k < n_branches; k++) {
        providers[k] = inhouse ? council_provider(b, owner, "fostering", "foster carers")
                               : draw_provider(b, M_FOSTERING, region);
        for (size_t j = 0; j < k; j++)
            if (providers[j] == providers[k]) { /* one branch per provider and host */
                n_branches = k;
                break;
            }
    }
    /* Branch k takes the slots whose draw falls on it; a group follows its first member. */
    size_t *branch_of = cp_malloc((last - first) * sizeof *branch_of);
    for (size_t k = first; k < last; k++) {
        const cp_gen_person *child = &b->draft->people[slots[k].person];
        int follows = k > first && child->group &&
                      child->group == b->draft->people[slots[k - 1].person].group;
        branch_of[k - first] = follows ? branch_of[k - first - 1]
                                       : (size_t)cp_rng_int(&b->rng, 0, (long)n_branches - 1);
    }
    for (size_t branch = 0; branch < n_branches; branch++) {
        size_t count = 0;
        for (size_t k = first; k < last; k++)
            count += branch_of[k - first] == branch;
        if (count == 0)
            continue;
        cp_gen_service *service = new_service(b, kind, host, providers[branch]);
        size_t s = b->draft->n_services - 1;
        service->capacity = (int)ceil(count / 0.84);
        service->owner = owner;
        service->rating = draw_rating(&b->rng, inhouse ? inhouse_ratings : agency_ratings);
        for (size_t k = first; k < last; k++)
            if (branch_of[k - first] == branch)
                seat(b, slots, k, k + 1, s);
    }
    free(branch_of);
}

/* Supported accommodation for 16-17s: schemes of 4-12 places, 85% filled. */
static void build_supported(builder *b, const cp_gen_slot *slots, size_t first, size_t last)
{
    size_t host = slots[first].host;
    size_t region = region_index(b->draft->world->authorities[host].place->region);
    for (size_t k = first; k < last;) {
        int size = (int)cp_rng_int(&b->rng, 4, 12);
        size_t residents = (size_t)lround(size * 0.85);
        size_t end = k + residents < last ? k + residents : last;
        cp_gen_service *service = new_service(b, K_SUPPORTED, host,
                                              draw_provider(b, M_SUPPORTED, region));
        service->capacity = size;
        service->min_age = 16;
        service->max_age = 17;
        seat(b, slots, k, end, b->draft->n_services - 1);
        k = end;
    }
}

/* One service holding exactly its slots: secure units (one or two places spare), and each
 * council's kinship, placed-with-parents and other placements (capacity = children). */
static void build_one(builder *b, const cp_gen_slot *slots, size_t first, size_t last)
{
    static const char *const suffixes[] = {[K_SECURE] = "secure", [K_KINSHIP] = "kinship",
                                           [K_PARENTS] = "family", [K_OTHER] = "other"};
    static const char *const names[] = {[K_SECURE] = "secure children's home",
                                        [K_KINSHIP] = "kinship carers",
                                        [K_PARENTS] = "placements with parents",
                                        [K_OTHER] = "other placements"};
    int kind = slots[first].kind;
    size_t host = slots[first].host;
    cp_gen_service *service =
        new_service(b, kind, host, council_provider(b, host, suffixes[kind], names[kind]));
    service->capacity = (int)(last - first);
    if (kind == K_SECURE) {
        service->capacity += (int)cp_rng_int(&b->rng, 1, 2);
        service->min_age = 10;
        service->max_age = 17;
        service->rating = CP_GEN_GOOD;
    } else {
        service->owner = host;
        const cp_place *place = b->draft->world->authorities[host].place;
        service->lat = place->lat;
        service->lon = place->lon;
    }
    seat(b, slots, first, last, b->draft->n_services - 1);
}

static void build_bucket(builder *b, const cp_gen_slot *slots, size_t first, size_t last)
{
    switch (templates[slots[first].kind].type) {
    case T_HOME:
        build_homes(b, slots, first, last);
        break;
    case T_FOSTERING:
        build_fostering(b, slots, first, last);
        break;
    case T_SUPPORTED:
        build_supported(b, slots, first, last);
        break;
    default:
        build_one(b, slots, first, last);
    }
}

static const double *weight_for(const builder *b, int category)
{
    if (category == C_HOME)
        return b->home_weight;
    return category == C_SECURE ? b->secure_weight : b->people_weight;
}

/* Where each child is (or will be) placed: a slot per child, siblings with the first. */
static cp_gen_slot *make_slots(builder *b)
{
    cp_gen_draft *draft = b->draft;
    cp_gen_slot *slots = cp_malloc((draft->n_people ? draft->n_people : 1) * sizeof *slots);
    for (size_t p = 0; p < draft->n_people; p++) {
        cp_gen_person *child = &draft->people[p];
        if (p > 0 && child->group && child->group == draft->people[p - 1].group) {
            slots[p] = slots[p - 1];
            slots[p].person = p;
            child->locked = draft->people[p - 1].locked;
            child->spot_cost = draft->people[p - 1].spot_cost;
            continue;
        }
        int category = child->category;
        enum cp_gen_band band = cp_gen_draw_band(&b->rng, placements[category].bands);
        double reach = category == C_SECURE ? 1000 : child->max_distance_km;
        size_t host = cp_gen_pick_host(draft->world, child->authority, band, reach,
                                       weight_for(b, category), &b->rng);
        int kind = kind_for(child);
        size_t owner = CP_GEN_NONE;
        if (category == C_INHOUSE)
            owner = child->authority;
        else if (category == C_HOME && host == child->authority && cp_rng_chance(&b->rng, 0.3))
            owner = child->authority; /* a home the council runs itself */
        int current = cp_rng_chance(&b->rng, placements[category].placed);
        child->locked = current && cp_rng_chance(&b->rng, placements[category].locked);
        if (child->locked)
            child->spot_cost = -1;
        slots[p] = (cp_gen_slot){p, host, kind, owner, current};
    }
    return slots;
}

static void make_weights(builder *b)
{
    const cp_gen_world *world = b->draft->world;
    size_t n = world->n_authorities;
    double region_population[N_REGIONS] = {0};
    for (size_t a = 0; a < n; a++)
        region_population[region_index(world->authorities[a].place->region)] +=
            world->authorities[a].place->population;
    b->home_weight = cp_malloc(n * sizeof *b->home_weight);
    b->people_weight = cp_malloc(n * sizeof *b->people_weight);
    b->secure_weight = cp_malloc(n * sizeof *b->secure_weight);
    double *eligible = cp_malloc(n * sizeof *eligible);
    for (size_t a = 0; a < n; a++) {
        const cp_place *place = world->authorities[a].place;
        size_t r = region_index(place->region);
        b->people_weight[a] = place->population;
        b->home_weight[a] = regions[r].home_places * place->population / region_population[r];
        /* No secure children's home in London or the West Midlands (Ofsted 2023). */
        int none = strcmp(place->region, "London") == 0 ||
                   strcmp(place->region, "West Midlands") == 0;
        eligible[a] = none ? 0 : place->population;
        b->secure_weight[a] = 0;
    }
    /* England has 13 secure children's homes: 13 host councils drawn in proportion to
     * population, the same for every preset and seed. */
    cp_rng rng;
    cp_rng_seed(&rng, 0, cp_rng_stream_of("secure children's homes"));
    for (int k = 0; k < 13; k++) {
        size_t a = cp_rng_weighted(&rng, eligible, n);
        b->secure_weight[a] = eligible[a];
        eligible[a] = 0;
    }
    free(eligible);
}

/* Candidate homes: a council with enough children in homes may open a therapeutic home of
 * its own for complex needs (4 places, at least 3 used), paying a weekly fixed cost for the
 * building and the core staff team on top of a lower price a place. */
static void add_candidates(builder *b, uint64_t seed)
{
    const cp_gen_world *world = b->draft->world;
    int *in_homes = cp_calloc(world->n_authorities, sizeof *in_homes);
    for (size_t p = 0; p < b->draft->n_people; p++)
        in_homes[b->draft->people[p].authority] += b->draft->people[p].category == C_HOME;
    for (size_t m = 0; m < world->n_members; m++) {
        size_t a = world->members[m];
        cp_rng rng;
        cp_rng_seed(&rng, seed, cp_rng_stream_of(world->authorities[a].place->code) ^ 0xca);
        if (in_homes[a] < 12 || !cp_rng_chance(&rng, 0.6))
            continue;
        b->rng = rng;
        cp_gen_service *service = new_service(b, K_HOME_THERAPEUTIC, a,
                                              council_provider(b, a, "homes", "children's homes"));
        service->capacity = 4;
        service->min_age = 10;
        service->max_age = 17;
        service->owner = a;
        service->candidate = 1;
        double factor = regions[region_index(world->authorities[a].place->region)].price_factor;
        service->price = cp_gen_round5(cp_rng_range(&b->rng, 3200, 3800) * factor);
        service->fixed_cost = cp_gen_round5(cp_rng_range(&b->rng, 8000, 10000) * factor);
        service->min_occupancy = 3;
    }
    free(in_homes);
}

/* Volume tiers of the organisations with many services: 2% from 10 places, 4% from 25 and
 * 6% from 50. */
static void add_tiers(cp_gen_draft *draft)
{
    size_t *services_of = cp_calloc(draft->n_providers ? draft->n_providers : 1,
                                    sizeof *services_of);
    for (size_t s = 0; s < draft->n_services; s++)
        if (draft->services[s].owner == CP_GEN_NONE && draft->services[s].type != T_SECURE)
            services_of[draft->services[s].provider]++;
    for (size_t p = 0; p < draft->n_providers; p++)
        if (services_of[p] >= 10) {
            cp_gen_add_tier(draft, p, 10, 2);
            cp_gen_add_tier(draft, p, 25, 4);
            cp_gen_add_tier(draft, p, 50, 6);
        }
    free(services_of);
}

void cp_gen_children_services(cp_gen_draft *draft, uint64_t seed)
{
    builder b = {.draft = draft};
    cp_rng_seed(&b.rng, seed, cp_rng_stream_of("children's services"));
    make_weights(&b);
    b.providers = cp_malloc(N_MARKETS * SLOTS_PER_MARKET * sizeof *b.providers);
    for (size_t k = 0; k < N_MARKETS * SLOTS_PER_MARKET; k++)
        b.providers[k] = CP_GEN_NONE;

    cp_gen_slot *slots = make_slots(&b);
    cp_gen_sort_slots(slots, draft->n_people);
    for (size_t first = 0; first < draft->n_people;) {
        size_t last = first + 1;
        while (last < draft->n_people && slots[last].host == slots[first].host &&
               slots[last].kind == slots[first].kind && slots[last].owner == slots[first].owner)
            last++;
        build_bucket(&b, slots, first, last);
        first = last;
    }
    add_candidates(&b, seed);
    add_tiers(draft);
    free(slots);
    free(b.providers);
    free(b.home_weight);
    free(b.people_weight);
    free(b.secure_weight);
}
