/* Placement sites, provider names and slot sorting shared by the recipes. */
#include "gen/market.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/alloc.h"

size_t cp_gen_pick_host(const cp_gen_world *world, size_t home, enum cp_gen_band band,
                        double max_km, const double *weight, cp_rng *rng)
{
    const cp_gen_authority *authority = &world->authorities[home];
    for (; band > CP_GEN_OWN; band--) {
        double low = band == CP_GEN_NEAR ? 0 : CP_GEN_NEAR_KM;
        double high = band == CP_GEN_NEAR ? fmin(CP_GEN_NEAR_KM, max_km) : max_km;
        double total = 0;
        for (size_t k = 1; k < world->n_authorities; k++) {
            double km = authority->nearest_km[k];
            if (km > low && km <= high)
                total += weight[authority->nearest[k]];
        }
        if (total <= 0)
            continue;
        double target = cp_rng_uniform(rng) * total;
        size_t last = home;
        for (size_t k = 1; k < world->n_authorities; k++) {
            double km = authority->nearest_km[k];
            size_t a = authority->nearest[k];
            if (km <= low || km > high || weight[a] <= 0)
                continue;
            last = a;
            if (target < weight[a])
                return a;
            target -= weight[a];
        }
        return last;
    }
    return home;
}

enum cp_gen_band cp_gen_draw_band(cp_rng *rng, const double shares[3])
{
    return (enum cp_gen_band)cp_rng_weighted(rng, shares, 3);
}

/* Invented words: no real organisation is meant. */
static const char *const first_words[] = {
    "Acorn", "Beacon", "Bramble", "Cedar", "Compass", "Elmtree", "Fernlea", "Harbour",
    "Hazel", "Heron", "Juniper", "Kestrel", "Lantern", "Linden", "Maple", "Meadow",
    "Oakfield", "Orchard", "Pathway", "Rowan", "Sage", "Skylark", "Willow", "Wren",
    "Aspen", "Birchwood", "Bluebell", "Hollybank", "Ivy", "Larch", "Millbrook", "Northstar",
    "Primrose", "Riverside", "Silverdale", "Thistle", "Valley", "Waymark", "Yew", "Foxglove"};
#define N_FIRST_WORDS (sizeof first_words / sizeof first_words[0])

size_t cp_gen_add_named_provider(cp_gen_draft *draft, size_t k, const char *kind,
                                 const char *region)
{
    char name[160], id[160];
    const char *word = first_words[k % N_FIRST_WORDS];
    size_t round = k / N_FIRST_WORDS;
    if (round)
        snprintf(name, sizeof name, "%s %s %zu%s%s", word, kind, round + 1, region ? " " : "",
                 region ? region : "");
    else
        snprintf(name, sizeof name, "%s %s%s%s", word, kind, region ? " " : "",
                 region ? region : "");
    size_t n = 0;
    for (const char *c = name; *c && n + 1 < sizeof id; c++) {
        if (isalnum((unsigned char)*c))
            id[n++] = (char)tolower((unsigned char)*c);
        else if (n > 0 && id[n - 1] != '-')
            id[n++] = '-';
    }
    id[n] = '\0';
    return cp_gen_add_provider(draft, id, name);
}

static int compare_slots(const void *a, const void *b)
{
    const cp_gen_slot *x = a, *y = b;
    if (x->host != y->host)
        return x->host < y->host ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return x->person < y->person ? -1 : x->person > y->person;
}

void cp_gen_sort_slots(cp_gen_slot *slots, size_t n)
{
    qsort(slots, n, sizeof *slots, compare_slots);
}

double cp_gen_round5(double price)
{
    return 5 * round(price / 5);
}

void cp_gen_fit_restrictions(const cp_gen_draft *draft, cp_gen_service *service,
                             const cp_gen_slot *slots, size_t first, size_t last,
                             int lowest_age, int highest_age, double single_gender_chance,
                             cp_rng *rng)
{
    int youngest = highest_age, oldest = lowest_age;
    enum cp_gen_gender gender = draft->people[slots[first].person].gender;
    int one_gender = 1;
    for (size_t k = first; k < last; k++) {
        const cp_gen_person *person = &draft->people[slots[k].person];
        if (person->age < youngest)
            youngest = person->age;
        if (person->age > oldest)
            oldest = person->age;
        one_gender &= person->gender == gender;
    }
    /* Widen to the band edges used in registrations: a random margin below the youngest. */
    int low = youngest - (int)cp_rng_int(rng, 0, 3);
    service->min_age = low < lowest_age ? lowest_age : low;
    service->max_age = oldest > highest_age ? oldest : highest_age;
    service->genders = one_gender && cp_rng_chance(rng, single_gender_chance) ? gender
                                                                             : CP_GEN_ANY;
}
