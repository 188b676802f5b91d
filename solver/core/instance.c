/* Helpers on the instance data model: interned names, id lists, lookups, destruction. */
#include "core/instance.h"

#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

cp_settings cp_settings_default(void)
{
    return (cp_settings){
        .distance_weight = 0,
        .max_distance_km = INFINITY,
        .has_spot_cost = false,
        .spot_cost = 0,
        .preference_cost = 0,
        .move_cost = 0,
        .contract_cost = 0,
        .max_provider_share = 1,
        .min_rating = CP_RATING_INADEQUATE,
        .exclude_unrated = false,
        .local_km = 32,
        .quotes_only = false,
    };
}

void cp_instance_apply_settings(cp_instance *instance)
{
    const cp_settings *settings = &instance->settings;
    for (int u = 0; u < instance->n_users; u++) {
        cp_user *user = &instance->users[u];
        if (!user->own_max_distance_km)
            user->max_distance_km = settings->max_distance_km;
        if (!user->own_spot_cost) {
            user->has_spot_cost = settings->has_spot_cost;
            user->spot_cost = settings->spot_cost;
        }
    }
}

void cp_what_if_add_setting(cp_what_if *what_if, const char *key, const char *value)
{
    size_t n = (size_t)what_if->n_set + 1;
    what_if->set_keys = cp_realloc(what_if->set_keys, n * sizeof *what_if->set_keys);
    what_if->set_values = cp_realloc(what_if->set_values, n * sizeof *what_if->set_values);
    what_if->set_keys[what_if->n_set] = cp_strdup(key);
    what_if->set_values[what_if->n_set++] = cp_strdup(value);
}

static void what_if_free(cp_what_if *what_if)
{
    for (int i = 0; i < what_if->n_set; i++) {
        free(what_if->set_keys[i]);
        free(what_if->set_values[i]);
    }
    free(what_if->set_keys);
    free(what_if->set_values);
    free(what_if->demand_growth);
    free(what_if->uplift);
}

int cp_names_intern(cp_names *names, const char *name)
{
    if (!names->index)
        names->index = cp_strmap_create();
    int found = cp_strmap_get(names->index, name);
    if (found >= 0)
        return found;
    size_t capacity = (size_t)names->capacity;
    cp_grow((void **)&names->name, sizeof *names->name, &capacity, (size_t)names->count + 1);
    names->capacity = (int)capacity;
    names->name[names->count] = cp_strdup(name);
    cp_strmap_put(names->index, name, names->count);
    return names->count++;
}

int cp_names_find(const cp_names *names, const char *name)
{
    return names->index ? cp_strmap_get(names->index, name) : CP_NONE;
}

void cp_names_free(cp_names *names)
{
    for (int i = 0; i < names->count; i++)
        free(names->name[i]);
    free(names->name);
    cp_strmap_destroy(names->index);
    memset(names, 0, sizeof *names);
}

bool cp_idlist_contains(const cp_idlist *list, int id)
{
    int lo = 0, hi = list->count - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (list->ids[mid] == id)
            return true;
        if (list->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}

bool cp_idlist_subset(const cp_idlist *sub, const cp_idlist *super)
{
    int j = 0;
    for (int i = 0; i < sub->count; i++) {
        while (j < super->count && super->ids[j] < sub->ids[i])
            j++;
        if (j == super->count || super->ids[j] != sub->ids[i])
            return false;
    }
    return true;
}

const cp_config *cp_instance_config(const cp_instance *instance, const char *name)
{
    for (int i = 0; i < instance->n_configs; i++)
        if (strcmp(instance->configs[i].name, name) == 0)
            return &instance->configs[i];
    return NULL;
}

const cp_quote *cp_instance_quote(const cp_instance *instance, int user, int service)
{
    if (!instance->quote_start)
        return NULL;
    int lo = instance->quote_start[user], hi = instance->quote_start[user + 1] - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int s = instance->quotes[mid].service;
        if (s == service)
            return &instance->quotes[mid];
        if (s < service)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

const char *cp_rating_name(cp_rating rating)
{
    static const char *const names[] = {"inadequate", "requires_improvement", "good",
                                        "outstanding", "unrated"};
    return names[rating];
}

void cp_instance_destroy(cp_instance *instance)
{
    if (!instance)
        return;
    for (int i = 0; i < instance->n_authorities; i++) {
        free(instance->authorities[i].id);
        free(instance->authorities[i].name);
    }
    free(instance->authorities);
    for (int i = 0; i < instance->n_services; i++) {
        cp_service *s = &instance->services[i];
        free(s->id);
        free(s->name);
        free(s->genders.ids);
        free(s->specialisms.ids);
    }
    free(instance->services);
    for (int i = 0; i < instance->n_users; i++) {
        cp_user *u = &instance->users[i];
        free(u->id);
        free(u->types);
        free(u->needs.ids);
    }
    free(instance->users);
    free(instance->quotes);
    free(instance->quote_start);
    for (int p = 0; instance->tiers && p < instance->providers.count; p++)
        free(instance->tiers[p].tiers);
    free(instance->tiers);
    for (int c = 0; c < instance->n_configs; c++) {
        cp_config *config = &instance->configs[c];
        free(config->name);
        for (int p = 0; p < config->n_pools; p++)
            free(config->pool_name[p]);
        free(config->pool_name);
        free(config->pool_of_authority);
    }
    free(instance->configs);
    cp_names_free(&instance->types);
    cp_names_free(&instance->tags);
    cp_names_free(&instance->genders);
    cp_names_free(&instance->providers);
    cp_names_free(&instance->groups);
    cp_strmap_destroy(instance->authority_index);
    cp_strmap_destroy(instance->service_index);
    cp_strmap_destroy(instance->user_index);
    what_if_free(&instance->what_if);
    free(instance->directory);
    free(instance);
}
