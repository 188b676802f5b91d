/* The market of a coalition of authorities, as one loaded instance: the game that shares a
 * pool's savings values each group of members by solving this market (see README, compare).
 * Built in memory from the parent instance, never from files, and cheap: only the people,
 * their quotes and the services' capacities are copied; the rest is shared read-only. */
#ifndef CAREPOOL_CORE_COALITION_H
#define CAREPOOL_CORE_COALITION_H

#include <stdbool.h>

#include "core/instance.h"

/* instance: the coalition's market; config: member authorities in one pool "coalition" (pool
 * 0), the rest of their pool (if given) in pool 1 "rest", every other authority alone in a
 * pool named by its id (so services owned outside a pool are closed to it); user_of[i]: the
 * parent index of the coalition instance's user i. */
typedef struct cp_coalition {
    cp_instance *instance;
    cp_config config;
    int *user_of;
} cp_coalition;

/* The market of a coalition: the parent's people of member authorities and of rest
 * authorities only (one flag per parent authority each; rest may be NULL: none, and no
 * authority may be in both), in parent order, with their quotes, groups, locks and current
 * services; every service's capacity less reserved[s] places (not below 0; reserved may be
 * NULL), a candidate service with reserved places counting as open already (an existing
 * service to the coalition: no fixed cost, no min_occupancy). Services, authorities, names
 * and groups keep the parent's indices (only users are renumbered); their strings and lists,
 * the tiers and the settings are the parent's, shared read-only (the parent must outlive the
 * coalition). The instance has no configurations or name indices of its own: use out->config.
 * Free with cp_coalition_destroy, never cp_instance_destroy. */
void cp_coalition_create(const cp_instance *parent, const bool *member, const bool *rest,
                         const double *reserved, cp_coalition *out);

/* Frees what cp_coalition_create allocated (never the parent's data). Accepts NULL. */
void cp_coalition_destroy(cp_coalition *coalition);

#endif
