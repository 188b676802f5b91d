/* The generator's recipes: each fills a draft with the people and services of one kind of
 * care, over the draft's world, from a seed. Their assumptions and sources are documented in
 * instances/README.md. */
#ifndef CAREPOOL_GEN_RECIPES_H
#define CAREPOOL_GEN_RECIPES_H

#include <stdint.h>

#include "gen/draft.h"

/* Children looked after by the world's members: people counts from the 2024 national and
 * regional totals times scale. */
void cp_gen_children(cp_gen_draft *draft, uint64_t seed, double scale);

/* Adults aged 18-64 with learning disabilities. people > 0 fixes the number of people at
 * scale 1 (spread over the members by population); 0 takes the national rate.
 * accommodation_only leaves out the people supported in their own or their family's home. */
void cp_gen_adults_ld(cp_gen_draft *draft, uint64_t seed, double scale, int people,
                      int accommodation_only);

/* The names of types and tags each recipe uses (for cp_gen_draft_create). */
extern const char *const cp_gen_children_types[];
extern const int cp_gen_children_n_types;
extern const char *const cp_gen_children_tags[];
extern const int cp_gen_children_n_tags;
extern const char *const cp_gen_adults_types[];
extern const int cp_gen_adults_n_types;
extern const char *const cp_gen_adults_tags[];
extern const int cp_gen_adults_n_tags;

#endif
