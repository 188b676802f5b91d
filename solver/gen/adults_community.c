/* The community support of the adults' recipe: adults who live with their family or in
 * their own tenancy are supported at home by agencies. Each council's people are grouped
 * by the area they live in (the nearest district of a county, else the council) and by
 * kind (standard, or complex for high intensity or challenging behaviour); each group is
 * served by one agency per 60 people (at most three), whose office is in that area. */
#include <math.h>
#include <stdlib.h>

#include "core/compat.h"
#include "gen/adults.h"
#include "util/alloc.h"

/* Share of people supported today (the rest are newly assessed, most leaving school), and
 * the share of an agency's places taken. */
static const double supported_today = 0.9, fill_low = 0.85, fill_high = 0.95;

typedef struct entry {
    size_t authority, area, person;
    int kind;
} entry;

static int compare_entries(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->authority != y->authority)
        return x->authority < y->authority ? -1 : 1;
    if (x->area != y->area)
        return x->area < y->area ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->person < y->person ? -1 : x->person > y->person;
}

/* The place of the area where the adult lives: the nearest district of a county, else the
 * council itself (area 0). */
static const cp_place *area_place(const cp_gen_authority *authority, size_t area)
{
    return authority->n_districts ? authority->districts[area] : authority->place;
}

static size_t nearest_area(const cp_gen_authority *authority, const cp_gen_person *adult)
{
    size_t best = 0;
    double best_km = INFINITY;
    for (size_t d = 0; d < authority->n_districts; d++) {
        double km = cp_distance_km(adult->lat, adult->lon, authority->districts[d]->lat,
                                   authority->districts[d]->lon);
        if (km < best_km) {
            best_km = km;
            best = d;
        }
    }
    return best;
}

static int kind_for(const cp_gen_person *adult)
{
    const adult_template *standard = &cp_gen_adult_templates[K_COMMUNITY];
    int fits =
        adult->intensity <= standard->max_intensity && (adult->needs & ~standard->options[0]) == 0;
    return fits ? K_COMMUNITY : K_COMMUNITY_COMPLEX;
}

/* An office within 2 km of the area's point, rounded to 4 decimals. */
static void office_point(const cp_place *place, cp_rng *rng, double *lat, double *lon)
{
    const double pi = 3.14159265358979323846;
    double r = 2 * sqrt(cp_rng_uniform(rng)), angle = 2 * pi * cp_rng_uniform(rng);
    *lat = round((place->lat + r * cos(angle) / 111.2) * 1e4) / 1e4;
    *lon = round((place->lon + r * sin(angle) / (111.2 * cos(place->lat * pi / 180))) * 1e4) / 1e4;
}

/* The agencies of one group [first, last) of entries. */
static void build_agencies(cp_gen_draft *draft, adults_providers *providers, const entry *e,
                           size_t first, size_t last, cp_rng *rng)
{
    const cp_gen_world *world = draft->world;
    size_t host = e[first].authority;
    int kind = e[first].kind;
    const adult_template *t = &cp_gen_adult_templates[kind];
    const cp_place *place = area_place(&world->authorities[host], e[first].area);
    size_t n_agencies = 1 + (last - first) / 60;
    n_agencies = n_agencies > 3 ? 3 : n_agencies;
    size_t start = draft->n_services;
    for (size_t k = 0; k < n_agencies; k++) {
        size_t provider = cp_gen_adults_draw_provider(providers, kind, host, rng);
        cp_gen_service *service = cp_gen_add_service(draft);
        service->provider = provider;
        service->authority = host;
        service->type = t->type;
        service->template_kind = kind;
        service->max_intensity = t->max_intensity;
        service->specialisms = t->options[0];
        double price = cp_rng_range(rng, t->price_low, t->price_high);
        service->price = cp_gen_round5(price * cp_gen_adults_price_factor(world, host));
        service->rating = cp_gen_adults_draw_rating(rng);
        office_point(place, rng, &service->lat, &service->lon);
    }
    for (size_t k = first; k < last; k++) {
        cp_gen_person *adult = &draft->people[e[k].person];
        size_t s = start + (size_t)cp_rng_int(rng, 0, (long)n_agencies - 1);
        cp_gen_service *service = &draft->services[s];
        service->capacity++; /* the people it was built for; spare places follow */
        if (cp_rng_chance(rng, supported_today)) {
            adult->current = s;
            service->used++;
        }
        double km = cp_distance_km(adult->lat, adult->lon, service->lat, service->lon);
        if (km > adult->max_distance_km)
            adult->max_distance_km = 10 * ceil(km / 10);
    }
    for (size_t s = start; s < draft->n_services; s++) {
        cp_gen_service *service = &draft->services[s];
        service->capacity = (int)ceil(service->capacity / cp_rng_range(rng, fill_low, fill_high));
        service->capacity = service->capacity < 1 ? 1 : service->capacity;
    }
}

void cp_gen_adults_community(cp_gen_draft *draft, uint64_t seed, adults_providers *providers)
{
    const cp_gen_world *world = draft->world;
    entry *entries = cp_malloc((draft->n_people ? draft->n_people : 1) * sizeof *entries);
    size_t n = 0;
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *adult = &draft->people[p];
        if (adult->types[0] != A_COMMUNITY)
            continue;
        const cp_gen_authority *authority = &world->authorities[adult->authority];
        entries[n++] =
            (entry){adult->authority, nearest_area(authority, adult), p, kind_for(adult)};
    }
    qsort(entries, n, sizeof *entries, compare_entries);
    cp_rng rng;
    for (size_t first = 0; first < n;) {
        const char *code = world->authorities[entries[first].authority].place->code;
        if (first == 0 || entries[first].authority != entries[first - 1].authority)
            cp_rng_seed(&rng, seed, cp_rng_stream_of(code) ^ 0xc0);
        size_t last = first + 1;
        while (last < n && entries[last].authority == entries[first].authority &&
               entries[last].area == entries[first].area &&
               entries[last].kind == entries[first].kind)
            last++;
        build_agencies(draft, providers, entries, first, last, &rng);
        first = last;
    }
    free(entries);
}
