/* The accommodation services of the adults' recipe, built around the slots of
 * gen/adults_slots.c: the slots of one host, owner and family become homes (a scheme), those
 * of one host, owner and kind one or two providers' lots of places (the national market);
 * specialisms cover the residents' needs. Then those placed today are seated. Figures
 * and sources: instances/sw-london/README.md. */
#include <math.h>
#include <stdlib.h>

#include "core/compat.h"
#include "gen/adults.h"
#include "util/alloc.h"

typedef struct builder {
    cp_gen_draft *draft;
    cp_rng rng;
    adults_providers *providers;
} builder;

/* One of the kind's specialism sets that covers needs, or needs added to one of them. */
static unsigned draw_specialisms(builder *b, int kind, unsigned needs)
{
    const adult_template *t = &cp_gen_adult_templates[kind];
    unsigned covering[5];
    int n = 0;
    for (int o = 0; o < t->n_options; o++)
        if ((needs & ~t->options[o]) == 0)
            covering[n++] = t->options[o];
    if (n > 0)
        return covering[cp_rng_int(&b->rng, 0, n - 1)];
    return needs | t->options[cp_rng_int(&b->rng, 0, t->n_options - 1)];
}

static cp_gen_service *new_service(builder *b, int kind, size_t host, size_t owner, unsigned needs)
{
    const adult_template *t = &cp_gen_adult_templates[kind];
    size_t provider = owner != CP_GEN_NONE
                          ? cp_gen_adults_council_provider(b->draft, owner)
                          : cp_gen_adults_draw_provider(b->providers, kind, host, &b->rng);
    cp_gen_service *service = cp_gen_add_service(b->draft);
    service->provider = provider;
    service->authority = host;
    service->owner = owner;
    service->type = t->type;
    service->template_kind = kind;
    service->max_intensity = t->max_intensity;
    service->specialisms = draw_specialisms(b, kind, needs);
    double price = cp_rng_range(&b->rng, t->price_low, t->price_high);
    service->price = cp_gen_round5(price * cp_gen_adults_price_factor(b->draft->world, host));
    service->rating = cp_gen_adults_draw_rating(&b->rng);
    cp_gen_world_point(b->draft->world, host, &b->rng, &service->lat, &service->lon);
    return service;
}

/* Seats the slots [first, last) in service s: those placed today live there; everyone's
 * limit reaches it (their present home, or the place kept for a newcomer). */
static void seat(builder *b, const cp_gen_slot *slots, size_t first, size_t last, size_t s)
{
    cp_gen_service *service = &b->draft->services[s];
    for (size_t k = first; k < last; k++) {
        cp_gen_person *adult = &b->draft->people[slots[k].person];
        if (slots[k].current) {
            adult->current = s;
            service->used += adult->places;
        }
        double km = cp_distance_km(adult->lat, adult->lon, service->lat, service->lon);
        if (km > adult->max_distance_km)
            adult->max_distance_km = 10 * ceil(km / 10);
    }
}

/* Ages and genders a home takes, from its residents' (homes are filled by age band and
 * gender): 18-35 when all are that young (30% of supported living and specialist homes),
 * 35-64 when none is younger (35% of moderate and high residential homes), else 18-64 or no
 * limit; a single gender when all share one (42% of specialist homes, 13% of others). */
static void set_restrictions(builder *b, cp_gen_service *service, const cp_gen_slot *slots,
                             size_t first, size_t last)
{
    int youngest = 64, oldest = 18, one_gender = 1, kind = service->template_kind;
    enum cp_gen_gender gender = b->draft->people[slots[first].person].gender;
    for (size_t k = first; k < last; k++) {
        const cp_gen_person *adult = &b->draft->people[slots[k].person];
        youngest = adult->age < youngest ? adult->age : youngest;
        oldest = adult->age > oldest ? adult->age : oldest;
        one_gender &= adult->gender == gender;
    }
    int specialist = kind == K_R_S || kind == K_R_F;
    int young = service->type == A_SUPPORTED_LIVING || kind == K_R_S;
    int settled = kind == K_R_M || kind == K_R_H;
    double u = cp_rng_uniform(&b->rng);
    if (young && u < 0.3 && oldest <= 35) {
        service->min_age = 18;
        service->max_age = 35;
    } else if (settled && u < 0.35 && youngest >= 35) {
        service->min_age = 35;
        service->max_age = 64;
    } else if (u < 0.6) {
        service->min_age = 18;
        service->max_age = 64;
    }
    if (one_gender && cp_rng_chance(&b->rng, specialist ? 0.42 : 0.13))
        service->genders = gender;
}

/* Homes share residents across the kinds of one family: the kind's type, except that
 * forensic homes (family -1) take no one else. */
static int family(int kind)
{
    return kind == K_R_F ? -1 : cp_gen_adult_templates[kind].type;
}

static int follows(const cp_gen_draft *draft, const cp_gen_slot *slots, size_t k)
{
    size_t group = draft->people[slots[k].person].group;
    return group && group == draft->people[slots[k - 1].person].group;
}

/* A scheme's homes along the slots of one host, owner and family, in order of kind: the size
 * of the first resident's kind, filled to 70-100% (a group is never split), of the kind of
 * its most intense resident. A home takes residents of the next kind up only while it holds
 * fewer than the smallest home of its first kind, so that a few left over share a home with
 * the next kind. The last home keeps the same share of places spare. */
static void build_homes(builder *b, const cp_gen_slot *slots, size_t first, size_t last)
{
    for (size_t k = first; k < last;) {
        const adult_template *t = &cp_gen_adult_templates[slots[k].kind];
        int size = (int)cp_rng_int(&b->rng, t->capacity_low, t->capacity_high);
        int target = (int)lround(size * cp_rng_range(&b->rng, 0.7, 1.0));
        target = target < 1 ? 1 : target;
        int places = 0;
        unsigned needs = 0;
        size_t end = k;
        while (end < last) {
            const cp_gen_person *adult = &b->draft->people[slots[end].person];
            if (places > 0 && !follows(b->draft, slots, end) &&
                (places + adult->places > target ||
                 (slots[end].kind != slots[k].kind && places >= t->capacity_low)))
                break;
            places += adult->places;
            needs |= adult->needs;
            end++;
        }
        cp_gen_service *service =
            new_service(b, slots[end - 1].kind, slots[k].host, slots[k].owner, needs);
        service->capacity = places + (size - target);
        set_restrictions(b, service, slots, k, end);
        seat(b, slots, k, end, b->draft->n_services - 1);
        k = end;
    }
}

/* The national market's lots: the slots of a host and kind shared among one provider per
 * 80 slots (at most two), each with 5-20% of its places spare. */
static void build_lots(builder *b, const cp_gen_slot *slots, size_t first, size_t last)
{
    size_t n_lots = 1 + (last - first) / 80;
    n_lots = n_lots > 2 ? 2 : n_lots;
    size_t *lot_of = cp_malloc((last - first) * sizeof *lot_of);
    for (size_t k = first; k < last; k++)
        lot_of[k - first] = k > first && follows(b->draft, slots, k)
                                ? lot_of[k - first - 1]
                                : (size_t)cp_rng_int(&b->rng, 0, (long)n_lots - 1);
    for (size_t lot = 0; lot < n_lots; lot++) {
        int places = 0;
        unsigned needs = 0;
        for (size_t k = first; k < last; k++)
            if (lot_of[k - first] == lot) {
                places += b->draft->people[slots[k].person].places;
                needs |= b->draft->people[slots[k].person].needs;
            }
        if (places == 0)
            continue;
        cp_gen_service *service =
            new_service(b, slots[first].kind, slots[first].host, slots[first].owner, needs);
        service->capacity = (int)ceil(places / cp_rng_range(&b->rng, 0.8, 0.95));
        size_t s = b->draft->n_services - 1;
        for (size_t k = first; k < last; k++)
            if (lot_of[k - first] == lot)
                seat(b, slots, k, k + 1, s);
    }
    free(lot_of);
}

/* A slot with the keys of the scheme's order: host, owner, family, kind, then age band and
 * gender (of the group's first member), so that homes hold people of like age and gender. */
typedef struct keyed_slot {
    cp_gen_slot slot;
    int family, young, gender;
} keyed_slot;

static int compare_keyed(const void *a, const void *b)
{
    const keyed_slot *x = a, *y = b;
    long keys[][2] = {{(long)x->slot.host, (long)y->slot.host},
                      {(long)x->slot.owner, (long)y->slot.owner},
                      {x->family, y->family},
                      {x->slot.kind, y->slot.kind},
                      {x->young, y->young},
                      {x->gender, y->gender},
                      {(long)x->slot.person, (long)y->slot.person}};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (keys[k][0] != keys[k][1])
            return keys[k][0] < keys[k][1] ? -1 : 1;
    return 0;
}

/* Sorts the slots (in people order) into the scheme's order. */
static void sort_for_homes(const cp_gen_draft *draft, cp_gen_slot *slots, size_t n)
{
    keyed_slot *keyed = cp_malloc((n ? n : 1) * sizeof *keyed);
    for (size_t k = 0; k < n; k++) {
        const cp_gen_person *adult = &draft->people[slots[k].person];
        keyed[k].slot = slots[k];
        if (k > 0 && follows(draft, slots, k)) {
            keyed[k].family = keyed[k - 1].family;
            keyed[k].young = keyed[k - 1].young;
            keyed[k].gender = keyed[k - 1].gender;
        } else {
            keyed[k].family = family(slots[k].kind);
            keyed[k].young = adult->age <= 35;
            keyed[k].gender = (int)adult->gender;
        }
    }
    qsort(keyed, n, sizeof *keyed, compare_keyed);
    for (size_t k = 0; k < n; k++)
        slots[k] = keyed[k].slot;
    free(keyed);
}

/* Whether slots a and b go into the same run of services: one host, owner and kind (lots)
 * or family (homes). */
static int same_run(const cp_gen_slot *a, const cp_gen_slot *b, int national)
{
    if (a->host != b->host || a->owner != b->owner)
        return 0;
    if (national)
        return a->kind == b->kind;
    return family(a->kind) == family(b->kind);
}

void cp_gen_adults_homes(cp_gen_draft *draft, uint64_t seed, adults_mode mode,
                         adults_providers *providers)
{
    builder b = {.draft = draft, .providers = providers};
    cp_rng_seed(&b.rng, seed, cp_rng_stream_of("adults' accommodation"));
    size_t n;
    cp_gen_slot *slots = cp_gen_adults_slots(draft, mode, &b.rng, &n);
    if (mode.national)
        cp_gen_sort_slots(slots, n);
    else
        sort_for_homes(draft, slots, n);
    for (size_t first = 0; first < n;) {
        size_t last = first + 1;
        while (last < n && same_run(&slots[first], &slots[last], mode.national))
            last++;
        if (mode.national)
            build_lots(&b, slots, first, last);
        else
            build_homes(&b, slots, first, last);
        first = last;
    }
    free(slots);
}
