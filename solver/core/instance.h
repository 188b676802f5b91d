/* The placement instance: authorities, services, users, quotes, tiers, settings and pooling
 * configurations, as read from an instance directory (the format: docs/instance-format.md).
 * Knows nothing of any solver. Read-only once loaded and checked. */
#ifndef CAREPOOL_CORE_INSTANCE_H
#define CAREPOOL_CORE_INSTANCE_H

#include <stdbool.h>

#include "util/strmap.h"

/* Ordered so that a larger value is a better rating; UNRATED sits outside the order. */
typedef enum cp_rating {
    CP_RATING_INADEQUATE = 0,
    CP_RATING_REQUIRES_IMPROVEMENT = 1,
    CP_RATING_GOOD = 2,
    CP_RATING_OUTSTANDING = 3,
    CP_RATING_UNRATED = 4
} cp_rating;

/* A set of interned names (types, tags, genders, providers): index <-> string. */
typedef struct cp_names {
    char **name;
    int count;
    int capacity;
    cp_strmap *index;
} cp_names;

/* A sorted, duplicate-free list of interned name indices. */
typedef struct cp_idlist {
    int *ids;
    int count;
} cp_idlist;

typedef struct cp_authority {
    char *id;
    char *name;
    double lat, lon;
} cp_authority;

typedef struct cp_service {
    char *id;
    char *name;
    int provider;  /* index into instance providers */
    int authority; /* index of the authority it is located in */
    double lat, lon;
    int type; /* index into instance types */
    double capacity;
    double weekly_price;
    cp_rating rating;
    int min_age, max_age; /* inclusive; CP_AGE_ANY where not given */
    bool any_gender;
    cp_idlist genders;     /* accepted genders when !any_gender */
    int max_intensity;     /* 1..5 */
    cp_idlist specialisms; /* tag indices */
    int owner;             /* authority index, -1 for the open market */
    bool candidate;        /* status = candidate */
    double fixed_cost;
    double min_occupancy;
} cp_service;

#define CP_AGE_ANY (-1)
#define CP_NONE (-1)

typedef struct cp_user {
    char *id;
    int authority;
    double lat, lon;
    int *types; /* type indices, most preferred first; may include types no service offers */
    int n_types;
    double places;
    int intensity; /* 1..5 */
    int age;       /* CP_AGE_ANY when not given */
    int gender;    /* gender index, CP_NONE when not given */
    cp_idlist needs;
    double max_distance_km; /* INFINITY when none */
    int current_service;    /* service index or CP_NONE */
    bool locked;
    int group;          /* group index or CP_NONE */
    bool has_spot_cost; /* false: the person must be placed */
    double spot_cost;
    /* false: max_distance_km, or has_spot_cost and spot_cost, are the settings' (the file
     * left them empty), so a changed setting applies to them (cp_instance_apply_settings) */
    bool own_max_distance_km, own_spot_cost;
} cp_user;

typedef struct cp_quote {
    int user, service;
    double weekly_cost;
    double places; /* NAN when the quote does not set places */
} cp_quote;

typedef struct cp_tier {
    double min_places;
    double discount; /* a fraction: discount_pct / 100 */
} cp_tier;

/* Tiers of one provider, sorted by min_places ascending (discounts non-decreasing). */
typedef struct cp_tier_list {
    cp_tier *tiers;
    int count;
} cp_tier_list;

typedef struct cp_settings {
    double distance_weight;
    double max_distance_km; /* INFINITY when none */
    bool has_spot_cost;
    double spot_cost;
    double preference_cost;
    double move_cost;
    double contract_cost;
    double max_provider_share; /* (0, 1] */
    cp_rating min_rating;
    bool exclude_unrated;
    double local_km;
    bool quotes_only;
} cp_settings;

/* A partition of the authorities into pools (contracting bodies). */
typedef struct cp_config {
    char *name;
    int n_pools;
    char **pool_name;      /* n_pools names */
    int *pool_of_authority; /* one entry per authority */
} cp_config;

/* What a run changed in the instance as read: settings given on the command line (--set)
 * and the scenario transforms (core/scenario.h), so that results say which what-if made
 * them. All zero (NULL) when nothing was changed; the instance owns the strings. */
typedef struct cp_what_if {
    char **set_keys, **set_values; /* n_set settings overridden, in the order given */
    int n_set;
    char *demand_growth; /* the --demand-growth spec as given, or NULL */
    char *uplift;        /* the --uplift spec as given, or NULL */
    int people_added, people_removed;
    int services_uplifted, quotes_uplifted;
} cp_what_if;

typedef struct cp_instance {
    char *directory;

    cp_authority *authorities;
    int n_authorities;
    cp_service *services;
    int n_services;
    cp_user *users;
    int n_users;

    /* quotes sorted by (user, service), no duplicates; quote_start[u]..quote_start[u+1]
     * are the quotes of user u (n_users + 1 entries). */
    cp_quote *quotes;
    int n_quotes;
    int *quote_start;

    cp_tier_list *tiers; /* one list per provider (count 0 where none) */

    cp_names types, tags, genders, providers, groups;
    cp_settings settings;

    /* configurations: [0] standalone, [1] pooled, then configurations.csv in file order */
    cp_config *configs;
    int n_configs;

    cp_strmap *authority_index, *service_index, *user_index;

    cp_what_if what_if;
} cp_instance;

/* Default settings as stated in the input contract. */
cp_settings cp_settings_default(void);

/* Gives every user without an own max_distance_km or spot_cost the settings' values (after
 * reading, and again after a setting changed). */
void cp_instance_apply_settings(cp_instance *instance);

/* Records that setting key was given value on the command line (copies both). */
void cp_what_if_add_setting(cp_what_if *what_if, const char *key, const char *value);

/* Interned names: returns the index of name, adding it when absent. */
int cp_names_intern(cp_names *names, const char *name);
/* Returns the index of name, or CP_NONE. */
int cp_names_find(const cp_names *names, const char *name);
void cp_names_free(cp_names *names);

/* Whether a sorted idlist holds id. Whether every id of sub is in super. */
bool cp_idlist_contains(const cp_idlist *list, int id);
bool cp_idlist_subset(const cp_idlist *sub, const cp_idlist *super);

/* Returns the configuration named name, or NULL. */
const cp_config *cp_instance_config(const cp_instance *instance, const char *name);

/* Returns the quote for (user, service), or NULL. */
const cp_quote *cp_instance_quote(const cp_instance *instance, int user, int service);

/* Rating names as in the input contract ("good", ...). */
const char *cp_rating_name(cp_rating rating);

/* Frees everything the instance owns. Accepts NULL. */
void cp_instance_destroy(cp_instance *instance);

#endif
