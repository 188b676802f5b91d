/* The geography of a generated instance: every upper-tier English council (the authorities
 * that may host a service), which of them send people (the members), the councils in order of
 * distance from each member, and random points inside a council. */
#ifndef CAREPOOL_GEN_WORLD_H
#define CAREPOOL_GEN_WORLD_H

#include <stddef.h>

#include "gen/places.h"
#include "util/errors.h"
#include "util/rng.h"

typedef struct cp_gen_authority {
    const cp_place *place;
    int member;          /* people come from it */
    int used;            /* listed in authorities.csv: a member or the host of a service */
    size_t *nearest;     /* members only: every authority, nearest first (itself first) */
    double *nearest_km;  /* members only: distance to nearest[k] */
    const cp_place **districts; /* counties: their districts, to spread points; else NULL */
    size_t n_districts;
} cp_gen_authority;

typedef struct cp_gen_world {
    cp_gen_authority *authorities; /* in the order of the places table (by code) */
    size_t n_authorities;
    size_t *members;               /* indices of the members, in the order given */
    size_t n_members;
} cp_gen_world;

/* Builds the world with the members named by code. Returns NULL with a message added to
 * errors when a code is unknown or not an upper-tier council. Free with cp_gen_world_destroy. */
cp_gen_world *cp_gen_world_create(const char *const *member_codes, size_t n_members,
                                  cp_errors *errors);

void cp_gen_world_destroy(cp_gen_world *world);

/* Index of the authority with this code, or (size_t)-1. */
size_t cp_gen_world_find(const cp_gen_world *world, const char *code);

/* Draws a point in authority a: in a county, in one of its districts chosen in proportion to
 * population; then uniformly in a disc around that place's point whose radius grows with its
 * area (1 to 12 km). Coordinates are rounded to 4 decimals (about 10 m). */
void cp_gen_world_point(const cp_gen_world *world, size_t a, cp_rng *rng, double *lat,
                        double *lon);

/* Distance in km between the points of authorities a and b. */
double cp_gen_world_km(const cp_gen_world *world, size_t a, size_t b);

#endif
