/* The instance a generator recipe builds in memory before it is written: services,
 * providers, people and their present placements, quotes, tiers, settings and pooling
 * configurations, with indices instead of ids. Memory grows with people and services. */
#ifndef CAREPOOL_GEN_DRAFT_H
#define CAREPOOL_GEN_DRAFT_H

#include <stddef.h>

#include "gen/world.h"

enum cp_gen_rating {
    CP_GEN_INADEQUATE,
    CP_GEN_REQUIRES_IMPROVEMENT,
    CP_GEN_GOOD,
    CP_GEN_OUTSTANDING,
    CP_GEN_UNRATED
};

enum cp_gen_gender { CP_GEN_ANY = 0, CP_GEN_MALE = 1, CP_GEN_FEMALE = 2 };

#define CP_GEN_NONE ((size_t)-1)
#define CP_GEN_MAX_TYPES 3

typedef struct cp_gen_service {
    size_t provider;
    size_t authority;      /* world index of where it is */
    double lat, lon;
    int type;              /* index into the draft's type names */
    int template_kind;     /* the recipe's own kind of service, for its bookkeeping */
    int capacity;
    double price;          /* weekly price of one place */
    enum cp_gen_rating rating;
    int min_age, max_age;  /* -1: not given */
    enum cp_gen_gender genders;
    int max_intensity;
    unsigned specialisms;  /* bit i: the draft's tag i */
    size_t owner;          /* world index, or CP_GEN_NONE: open market */
    int candidate;
    double fixed_cost;
    int min_occupancy;
    int used;              /* places taken by present placements */
} cp_gen_service;

typedef struct cp_gen_person {
    size_t authority;      /* world index of the home council */
    double lat, lon;
    int age;
    enum cp_gen_gender gender;
    int intensity;
    unsigned needs;
    int types[CP_GEN_MAX_TYPES]; /* acceptable types, most preferred first */
    int n_types;
    int places;
    double max_distance_km; /* INFINITY: not given */
    size_t current;         /* present service, or CP_GEN_NONE */
    int locked;
    size_t group;           /* 0: none; else a group number shared by its members */
    double spot_cost;       /* NAN: the settings' default; negative: none */
    int category;           /* the recipe's own profile of the person */
} cp_gen_person;

typedef struct cp_gen_quote {
    size_t person, service;
    double weekly_cost;
    int places;             /* 0: not given */
} cp_gen_quote;

typedef struct cp_gen_tier {
    size_t provider;
    int min_places;
    double discount_pct;
} cp_gen_tier;

typedef struct cp_gen_config {
    char *name;
    char **pool_of_authority; /* per world authority: the pool's name (NULL: its own id) */
} cp_gen_config;

typedef struct cp_gen_draft {
    const cp_gen_world *world;
    const char *const *type_names;
    int n_types;
    const char *const *tag_names;
    int n_tags;

    char **provider_ids, **provider_names;
    size_t n_providers, providers_capacity;
    cp_gen_service *services;
    size_t n_services, services_capacity;
    cp_gen_person *people;
    size_t n_people, people_capacity;
    cp_gen_quote *quotes;
    size_t n_quotes, quotes_capacity;
    cp_gen_tier *tiers;
    size_t n_tiers, tiers_capacity;
    const char *settings[16][2]; /* key, value: static strings */
    size_t n_settings;
    cp_gen_config *configs;
    size_t n_configs, configs_capacity;
} cp_gen_draft;

/* An empty draft over world with the recipe's names of types and tags (static arrays that
 * must outlive the draft). Free with cp_gen_draft_destroy. */
cp_gen_draft *cp_gen_draft_create(const cp_gen_world *world, const char *const *type_names,
                                  int n_types, const char *const *tag_names, int n_tags);

void cp_gen_draft_destroy(cp_gen_draft *draft);

/* Adds a provider and returns its index; id and name are copied. */
size_t cp_gen_add_provider(cp_gen_draft *draft, const char *id, const char *name);

/* Appends a zeroed record and returns it (valid until the next add of the same kind). */
cp_gen_service *cp_gen_add_service(cp_gen_draft *draft);
cp_gen_person *cp_gen_add_person(cp_gen_draft *draft);

void cp_gen_add_quote(cp_gen_draft *draft, size_t person, size_t service, double weekly_cost,
                      int places);
void cp_gen_add_tier(cp_gen_draft *draft, size_t provider, int min_places, double discount_pct);

/* key and value are static strings. */
void cp_gen_add_setting(cp_gen_draft *draft, const char *key, const char *value);

/* Adds a configuration in which every authority is its own pool; returns it so that pools
 * can be set with cp_gen_set_pool. */
cp_gen_config *cp_gen_add_config(cp_gen_draft *draft, const char *name);

/* Puts authority a (world index) in the pool named pool (copied). */
void cp_gen_set_pool(cp_gen_config *config, size_t a, const char *pool);

/* Whether person p may be placed in service s by the present-placement rules shared by the
 * recipes: type among the person's, intensity, age, gender, needs and free places. Distance,
 * rating and owners are the recipe's concern. */
int cp_gen_fits(const cp_gen_person *person, const cp_gen_service *service);

#endif
