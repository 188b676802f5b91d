/* Builds small instances in memory for unit tests, without the CSV reader. Every function
 * returns the index of what it added. Defaults follow the input contract. */
#ifndef CAREPOOL_TESTS_INSTANCE_BUILDER_H
#define CAREPOOL_TESTS_INSTANCE_BUILDER_H

#include "core/instance.h"

/* An empty instance with default settings. Finish with tb_finish before use. */
cp_instance *tb_create(void);
int tb_authority(cp_instance *instance, const char *id, double lat, double lon);
/* A service of type at authority's point, provider = its id, everything else default. */
int tb_service(cp_instance *instance, const char *id, int authority, const char *type,
               double capacity, double weekly_price);
/* A person at authority's point with one acceptable type, places 1, intensity 1. */
int tb_user(cp_instance *instance, const char *id, int authority, const char *types);
void tb_quote(cp_instance *instance, int user, int service, double weekly_cost, double places);
/* Adds a tier (discount a fraction) to an existing provider: call after every tb_service. */
void tb_tier(cp_instance *instance, const char *provider, double min_places, double discount);
/* Puts user into the group named name. */
void tb_group(cp_instance *instance, int user, const char *name);
/* Adds a configuration: pool_of_authority[a] names authority a's pool (NULL-terminated list
 * not needed: one name per authority). */
void tb_config(cp_instance *instance, const char *name, const char *const *pool_of_authority);
/* Sorts quotes and tiers, indexes ids, and adds standalone and pooled configurations (first). */
void tb_finish(cp_instance *instance);

#endif
