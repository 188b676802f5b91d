/* The in-memory draft of a generated instance: growable arrays and the shared fit rule. */
#include "gen/draft.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

cp_gen_draft *cp_gen_draft_create(const cp_gen_world *world, const char *const *type_names,
                                  int n_types, const char *const *tag_names, int n_tags)
{
    cp_gen_draft *draft = cp_calloc(1, sizeof *draft);
    draft->world = world;
    draft->type_names = type_names;
    draft->n_types = n_types;
    draft->tag_names = tag_names;
    draft->n_tags = n_tags;
    return draft;
}

void cp_gen_draft_destroy(cp_gen_draft *draft)
{
    if (!draft)
        return;
    for (size_t p = 0; p < draft->n_providers; p++) {
        free(draft->provider_ids[p]);
        free(draft->provider_names[p]);
    }
    free(draft->provider_ids);
    free(draft->provider_names);
    for (size_t c = 0; c < draft->n_configs; c++) {
        free(draft->configs[c].name);
        for (size_t a = 0; a < draft->world->n_authorities; a++)
            free(draft->configs[c].pool_of_authority[a]);
        free(draft->configs[c].pool_of_authority);
    }
    free(draft->configs);
    free(draft->services);
    free(draft->people);
    free(draft->quotes);
    free(draft->tiers);
    free(draft);
}

size_t cp_gen_add_provider(cp_gen_draft *draft, const char *id, const char *name)
{
    size_t capacity = draft->providers_capacity;
    cp_grow((void **)&draft->provider_ids, sizeof(char *), &capacity, draft->n_providers + 1);
    capacity = draft->providers_capacity;
    cp_grow((void **)&draft->provider_names, sizeof(char *), &capacity, draft->n_providers + 1);
    draft->providers_capacity = capacity;
    draft->provider_ids[draft->n_providers] = cp_strdup(id);
    draft->provider_names[draft->n_providers] = cp_strdup(name);
    return draft->n_providers++;
}

cp_gen_service *cp_gen_add_service(cp_gen_draft *draft)
{
    cp_grow((void **)&draft->services, sizeof *draft->services, &draft->services_capacity,
            draft->n_services + 1);
    cp_gen_service *service = &draft->services[draft->n_services++];
    *service = (cp_gen_service){.owner = CP_GEN_NONE, .min_age = -1, .max_age = -1};
    return service;
}

cp_gen_person *cp_gen_add_person(cp_gen_draft *draft)
{
    cp_grow((void **)&draft->people, sizeof *draft->people, &draft->people_capacity,
            draft->n_people + 1);
    cp_gen_person *person = &draft->people[draft->n_people++];
    *person = (cp_gen_person){.current = CP_GEN_NONE, .places = 1, .age = -1};
    return person;
}

void cp_gen_add_quote(cp_gen_draft *draft, size_t person, size_t service, double weekly_cost,
                      int places)
{
    cp_grow((void **)&draft->quotes, sizeof *draft->quotes, &draft->quotes_capacity,
            draft->n_quotes + 1);
    draft->quotes[draft->n_quotes++] = (cp_gen_quote){person, service, weekly_cost, places};
}

void cp_gen_add_tier(cp_gen_draft *draft, size_t provider, int min_places, double discount_pct)
{
    cp_grow((void **)&draft->tiers, sizeof *draft->tiers, &draft->tiers_capacity,
            draft->n_tiers + 1);
    draft->tiers[draft->n_tiers++] = (cp_gen_tier){provider, min_places, discount_pct};
}

void cp_gen_add_setting(cp_gen_draft *draft, const char *key, const char *value)
{
    size_t limit = sizeof draft->settings / sizeof draft->settings[0];
    if (draft->n_settings == limit)
        abort(); /* a recipe lists a fixed handful of settings */
    draft->settings[draft->n_settings][0] = key;
    draft->settings[draft->n_settings][1] = value;
    draft->n_settings++;
}

cp_gen_config *cp_gen_add_config(cp_gen_draft *draft, const char *name)
{
    cp_grow((void **)&draft->configs, sizeof *draft->configs, &draft->configs_capacity,
            draft->n_configs + 1);
    cp_gen_config *config = &draft->configs[draft->n_configs++];
    config->name = cp_strdup(name);
    config->pool_of_authority =
        cp_calloc(draft->world->n_authorities, sizeof *config->pool_of_authority);
    return config;
}

void cp_gen_set_pool(cp_gen_config *config, size_t a, const char *pool)
{
    free(config->pool_of_authority[a]);
    config->pool_of_authority[a] = cp_strdup(pool);
}

int cp_gen_fits(const cp_gen_person *person, const cp_gen_service *service)
{
    int type_ok = 0;
    for (int t = 0; t < person->n_types; t++)
        type_ok |= person->types[t] == service->type;
    if (!type_ok || person->intensity > service->max_intensity)
        return 0;
    if ((service->min_age >= 0 && person->age < service->min_age) ||
        (service->max_age >= 0 && person->age > service->max_age))
        return 0;
    if (service->genders != CP_GEN_ANY && service->genders != person->gender)
        return 0;
    if ((person->needs & ~service->specialisms) != 0)
        return 0;
    return service->capacity - service->used >= person->places;
}
