/* The generator's geography, built once from the places table. */
#include "gen/world.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/compat.h"
#include "util/alloc.h"

static const double pi = 3.14159265358979323846;

static int compare_by_distance(const void *a, const void *b, const double *km)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (km[i] != km[j])
        return km[i] < km[j] ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Insertion sort with a context: qsort has no context argument in C11, and the lists are
 * at most 153 long. */
static void sort_by_distance(size_t *order, size_t n, const double *km)
{
    for (size_t i = 1; i < n; i++) {
        size_t item = order[i], j = i;
        while (j > 0 && compare_by_distance(&item, &order[j - 1], km) < 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = item;
    }
}

static void add_districts(cp_gen_authority *authority)
{
    for (size_t p = 0; p < cp_n_places; p++)
        if (!cp_places[p].upper && strcmp(cp_places[p].county, authority->place->code) == 0)
            authority->n_districts++;
    if (authority->n_districts == 0)
        return;
    authority->districts = cp_malloc(authority->n_districts * sizeof *authority->districts);
    size_t k = 0;
    for (size_t p = 0; p < cp_n_places; p++)
        if (!cp_places[p].upper && strcmp(cp_places[p].county, authority->place->code) == 0)
            authority->districts[k++] = &cp_places[p];
}

static void add_nearest(cp_gen_world *world, size_t a)
{
    cp_gen_authority *authority = &world->authorities[a];
    size_t n = world->n_authorities;
    double *km = cp_malloc(n * sizeof *km);
    authority->nearest = cp_malloc(n * sizeof *authority->nearest);
    authority->nearest_km = cp_malloc(n * sizeof *authority->nearest_km);
    for (size_t b = 0; b < n; b++) {
        km[b] = b == a ? -1 : cp_gen_world_km(world, a, b);
        authority->nearest[b] = b;
    }
    sort_by_distance(authority->nearest, n, km);
    for (size_t k = 0; k < n; k++)
        authority->nearest_km[k] = fmax(0, km[authority->nearest[k]]);
    free(km);
}

cp_gen_world *cp_gen_world_create(const char *const *member_codes, size_t n_members,
                                  cp_errors *errors)
{
    cp_gen_world *world = cp_calloc(1, sizeof *world);
    for (size_t p = 0; p < cp_n_places; p++)
        world->n_authorities += cp_places[p].upper;
    world->authorities = cp_calloc(world->n_authorities, sizeof *world->authorities);
    size_t a = 0;
    for (size_t p = 0; p < cp_n_places; p++)
        if (cp_places[p].upper) {
            world->authorities[a].place = &cp_places[p];
            add_districts(&world->authorities[a]);
            a++;
        }

    world->members = cp_malloc((n_members ? n_members : 1) * sizeof *world->members);
    for (size_t m = 0; m < n_members; m++) {
        size_t found = cp_gen_world_find(world, member_codes[m]);
        if (found == (size_t)-1) {
            cp_errors_add(errors, "generator: '%s' is not an English council with social care "
                          "duties", member_codes[m]);
            cp_gen_world_destroy(world);
            return NULL;
        }
        if (world->authorities[found].member)
            continue;
        world->authorities[found].member = 1;
        world->authorities[found].used = 1;
        world->members[world->n_members++] = found;
        add_nearest(world, found);
    }
    return world;
}

void cp_gen_world_destroy(cp_gen_world *world)
{
    if (!world)
        return;
    for (size_t a = 0; a < world->n_authorities; a++) {
        free(world->authorities[a].nearest);
        free(world->authorities[a].nearest_km);
        free(world->authorities[a].districts);
    }
    free(world->authorities);
    free(world->members);
    free(world);
}

size_t cp_gen_world_find(const cp_gen_world *world, const char *code)
{
    const cp_place *place = cp_place_by_code(code);
    if (!place || !place->upper)
        return (size_t)-1;
    for (size_t a = 0; a < world->n_authorities; a++)
        if (world->authorities[a].place == place)
            return a;
    return (size_t)-1;
}

static const cp_place *draw_place(const cp_gen_authority *authority, cp_rng *rng)
{
    if (authority->n_districts == 0)
        return authority->place;
    double total = 0;
    for (size_t d = 0; d < authority->n_districts; d++)
        total += authority->districts[d]->population;
    double target = cp_rng_uniform(rng) * total;
    for (size_t d = 0; d < authority->n_districts; d++) {
        if (target < authority->districts[d]->population)
            return authority->districts[d];
        target -= authority->districts[d]->population;
    }
    return authority->districts[authority->n_districts - 1];
}

void cp_gen_world_point(const cp_gen_world *world, size_t a, cp_rng *rng, double *lat,
                        double *lon)
{
    const cp_place *place = draw_place(&world->authorities[a], rng);
    /* Half the radius of a disc of the place's area keeps points well inside it. */
    double radius = fmin(12, fmax(1, 0.5 * sqrt(place->area_km2 / pi)));
    double r = radius * sqrt(cp_rng_uniform(rng));
    double angle = 2 * pi * cp_rng_uniform(rng);
    double dlat = r * cos(angle) / 111.2;
    double dlon = r * sin(angle) / (111.2 * cos(place->lat * pi / 180));
    *lat = round((place->lat + dlat) * 1e4) / 1e4;
    *lon = round((place->lon + dlon) * 1e4) / 1e4;
}

double cp_gen_world_km(const cp_gen_world *world, size_t a, size_t b)
{
    const cp_place *p = world->authorities[a].place, *q = world->authorities[b].place;
    return cp_distance_km(p->lat, p->lon, q->lat, q->lon);
}
