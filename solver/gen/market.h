/* Shared steps of the generator recipes: where a placement is (in the person's own council,
 * near it or far away), invented provider names, and sorting placements into the services
 * built around them. */
#ifndef CAREPOOL_GEN_MARKET_H
#define CAREPOOL_GEN_MARKET_H

#include <stddef.h>

#include "gen/draft.h"

/* "Near" is within 20 miles (32 km) of the home council's point, the distance that the
 * statistics on placements far from home use. */
#define CP_GEN_NEAR_KM 32.0

enum cp_gen_band { CP_GEN_OWN, CP_GEN_NEAR, CP_GEN_FAR };

/* Picks the council that hosts a placement of someone from member home: OWN is home; NEAR a
 * council within CP_GEN_NEAR_KM of home; FAR one farther but within max_km; the choice within
 * the band is in proportion to weight[a] (per world authority). Near is also within max_km.
 * An empty band falls back to the next nearer one. */
size_t cp_gen_pick_host(const cp_gen_world *world, size_t home, enum cp_gen_band band,
                        double max_km, const double *weight, cp_rng *rng);

/* Draws a band from the shares of own, near and far. */
enum cp_gen_band cp_gen_draw_band(cp_rng *rng, const double shares[3]);

/* Adds a provider with an invented name: the k-th name of the given kind ("Care Group",
 * "Fostering", ...), with region appended when not NULL. Names never repeat within a draft
 * for different (k, kind, region). */
size_t cp_gen_add_named_provider(cp_gen_draft *draft, size_t k, const char *kind,
                                 const char *region);

/* A placement to be housed: person, the council that hosts it, the recipe's kind of
 * service, and the owner (world index or CP_GEN_NONE). */
typedef struct cp_gen_slot {
    size_t person;
    size_t host;
    int kind;
    size_t owner;
    int current; /* 1: the person lives there now; 0: a place that a newcomer will need */
} cp_gen_slot;

/* Sorts slots by host, kind, owner and person, so that each bucket of services is one run
 * and group members (consecutive people) stay together. */
void cp_gen_sort_slots(cp_gen_slot *slots, size_t n);

/* Rounds a price to GBP 5. */
double cp_gen_round5(double price);

/* Sets the service's age range and genders from its occupants' (the slots [first, last)):
 * the range covers them, widened to rounder bounds, and a single-gender home (chance
 * single_gender_chance when all occupants share a gender) takes only that gender. */
void cp_gen_fit_restrictions(const cp_gen_draft *draft, cp_gen_service *service,
                             const cp_gen_slot *slots, size_t first, size_t last,
                             int lowest_age, int highest_age, double single_gender_chance,
                             cp_rng *rng);

#endif
