/* Shared names of the adults' recipe (gen/adults*.c): adults aged 18-64 with learning
 * disabilities, their profiles of need, the kinds of service built around them, and the
 * two ways of modelling the members (a commissioning scheme, or the national market). */
#ifndef CAREPOOL_GEN_ADULTS_H
#define CAREPOOL_GEN_ADULTS_H

#include <stddef.h>
#include <stdint.h>

#include "gen/draft.h"
#include "gen/market.h"

enum adult_type { A_RESIDENTIAL, A_SUPPORTED_LIVING, A_COMMUNITY };
enum adult_tag { G_AUTISM, G_BEHAVIOUR, G_MENTAL, G_PHYSICAL, G_HEALTH, G_FORENSIC };

#define TAG(t) (1u << (t))
/* The challenging-behaviour set of the specialist templates. */
#define CB_SET (TAG(G_AUTISM) | TAG(G_BEHAVIOUR) | TAG(G_MENTAL))

/* A person's profile of need (cp_gen_person.category). */
enum adult_profile { P_LOW, P_MODERATE, P_HIGH, P_SPECIALIST, P_FORENSIC, N_PROFILES };

/* Kinds of service: the scheme's eight accommodation templates (supported living, low to
 * specialist; residential, moderate to forensic), then community support. */
enum adult_kind {
    K_SL_L,
    K_SL_M,
    K_SL_H,
    K_SL_S,
    K_R_M,
    K_R_H,
    K_R_S,
    K_R_F,
    K_COMMUNITY,
    K_COMMUNITY_COMPLEX,
    N_KINDS
};

/* A template (named as in instances/sw-london/README.md: K_SL_L is SL-L). */
typedef struct adult_template {
    int type, max_intensity;
    unsigned options[5]; /* specialism sets it is built for */
    int n_options;
    int capacity_low, capacity_high; /* places of one home */
    double price_low, price_high;    /* GBP a week for one place, before the regional factor */
} adult_template;

extern const adult_template cp_gen_adult_templates[N_KINDS];

/* How the recipe models the members. A scheme (national = 0) lists every home and gives
 * distance limits in km; the national market (national = 1) makes each service one
 * provider's places of one kind in one council, and limits reach a few neighbouring
 * councils, so that candidate pairs stay sparse. */
typedef struct adults_mode {
    int national;
    int accommodation_only; /* no one supported in their own or their family's home */
} adults_mode;

/* Regional price factor of a service in authority a (London 1). */
double cp_gen_adults_price_factor(const cp_gen_world *world, size_t a);

/* A rating drawn with the shares of the recipe's services. */
enum cp_gen_rating cp_gen_adults_draw_rating(cp_rng *rng);

/* Adds the members' people: counts (people at scale 1, or the national count, times scale,
 * spread by population), profiles, needs, types, ages, genders, limits, siblings. */
void cp_gen_adults_people(cp_gen_draft *draft, uint64_t seed, double scale, int people,
                          adults_mode mode);

typedef struct adults_providers adults_providers;

/* The slots of the adults in accommodation (not community support), in people order, a
 * group sharing its first member's: host, kind, in-house owner, placed today or not. A
 * newcomer's host is within their limit. Returns an array to free. */
cp_gen_slot *cp_gen_adults_slots(cp_gen_draft *draft, adults_mode mode, cp_rng *rng,
                                 size_t *n_slots);

/* Builds the accommodation services around the slots, seats those placed today, and widens
 * each adult's limit to reach the service built for them. */
void cp_gen_adults_homes(cp_gen_draft *draft, uint64_t seed, adults_mode mode,
                         adults_providers *providers);

/* Builds the community support agencies of each member's people supported at home, seats
 * those supported today, and widens limits to reach their agency. */
void cp_gen_adults_community(cp_gen_draft *draft, uint64_t seed, adults_providers *providers);

/* Locks (court orders, settled tenancies) and individual fees of specialist placements. */
void cp_gen_adults_locks_and_quotes(cp_gen_draft *draft, uint64_t seed);

/* Candidate specialist schemes owned by members, and the volume tiers of the largest
 * providers. */
void cp_gen_adults_candidates_and_tiers(cp_gen_draft *draft, uint64_t seed);

/* Providers: the markets of the kinds of service and the councils' own providers. Free
 * with cp_gen_adults_providers_destroy. */
adults_providers *cp_gen_adults_providers_create(cp_gen_draft *draft);
void cp_gen_adults_providers_destroy(adults_providers *providers);

/* A provider for a new service of kind at host: a national organisation (larger ones
 * likelier), one of the host's region, or an independent running this one service. */
size_t cp_gen_adults_draw_provider(adults_providers *providers, int kind, size_t host, cp_rng *rng);

/* The in-house provider of council a, made once. */
size_t cp_gen_adults_council_provider(cp_gen_draft *draft, size_t a);

#endif
