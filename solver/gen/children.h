/* Shared names of the children's recipe (gen/children*.c). */
#ifndef CAREPOOL_GEN_CHILDREN_H
#define CAREPOOL_GEN_CHILDREN_H

#include <stdint.h>

#include "gen/draft.h"

enum child_type { T_FOSTERING, T_HOME, T_SUPPORTED, T_SECURE, T_KINSHIP, T_PARENTS, T_OTHER };
enum child_tag { G_SEN, G_AUTISM, G_BEHAVIOUR, G_MENTAL, G_HEALTH };

/* Where a child is placed today (or, for a newcomer, the placement the child's needs call
 * for): the placement mix of the statistics. */
enum child_category {
    C_INHOUSE,   /* the council's own foster carers */
    C_AGENCY,    /* an independent fostering agency */
    C_KINSHIP,   /* family and friends carers */
    C_HOME,      /* a children's home */
    C_SUPPORTED, /* supported accommodation, 16-17 */
    C_PARENTS,   /* placed with parents */
    C_SECURE,    /* a secure children's home */
    C_OTHER,     /* residential schools, health settings, custody, ... */
    N_CATEGORIES
};

#define TAG(t) (1u << (t))

/* Adds the members' children to the draft (categories, needs, types, limits, groups). */
void cp_gen_children_people(cp_gen_draft *draft, uint64_t seed, double scale);

/* Builds the services around the children's present and needed placements, sets present
 * placements and locks, candidates, providers and tiers. */
void cp_gen_children_services(cp_gen_draft *draft, uint64_t seed);

#endif
