/* In-memory instances for unit tests. Arrays grow to the next power of two (grow_to_hold), so
 * that building thousands of quotes stays linear: one realloc a quote copied the whole array
 * each time, 10 s for 12,000 quotes under the sanitizers. */
#define _POSIX_C_SOURCE 200809L
#include "instance_builder.h"

#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Makes *items (of item_size bytes, count of them in use) hold one more: the capacity is the
 * smallest power of two at least count + 1, so it grows only when count is one. */
static void grow_to_hold(void *items, size_t item_size, int count)
{
    if (count & (count - 1))
        return;
    void **array = items;
    *array = cp_realloc(*array, (count ? 2 * (size_t)count : 1) * item_size);
}

cp_instance *tb_create(void)
{
    cp_instance *instance = cp_calloc(1, sizeof *instance);
    instance->directory = cp_strdup("test");
    instance->settings = cp_settings_default();
    return instance;
}

int tb_authority(cp_instance *instance, const char *id, double lat, double lon)
{
    grow_to_hold(&instance->authorities, sizeof(cp_authority), instance->n_authorities);
    int a = instance->n_authorities++;
    instance->authorities[a] = (cp_authority){cp_strdup(id), cp_strdup(id), lat, lon};
    return a;
}

int tb_service(cp_instance *instance, const char *id, int authority, const char *type,
               double capacity, double weekly_price)
{
    grow_to_hold(&instance->services, sizeof(cp_service), instance->n_services);
    int s = instance->n_services++;
    const cp_authority *a = &instance->authorities[authority];
    instance->services[s] = (cp_service){.id = cp_strdup(id),
                                         .name = cp_strdup(id),
                                         .provider = cp_names_intern(&instance->providers, id),
                                         .authority = authority,
                                         .lat = a->lat,
                                         .lon = a->lon,
                                         .type = cp_names_intern(&instance->types, type),
                                         .capacity = capacity,
                                         .weekly_price = weekly_price,
                                         .rating = CP_RATING_UNRATED,
                                         .min_age = CP_AGE_ANY,
                                         .max_age = CP_AGE_ANY,
                                         .any_gender = true,
                                         .max_intensity = 5,
                                         .owner = CP_NONE};
    return s;
}

int tb_user(cp_instance *instance, const char *id, int authority, const char *types)
{
    grow_to_hold(&instance->users, sizeof(cp_user), instance->n_users);
    int u = instance->n_users++;
    const cp_authority *a = &instance->authorities[authority];
    cp_user *user = &instance->users[u];
    *user = (cp_user){.id = cp_strdup(id),
                      .authority = authority,
                      .lat = a->lat,
                      .lon = a->lon,
                      .places = 1,
                      .intensity = 1,
                      .age = CP_AGE_ANY,
                      .gender = CP_NONE,
                      .max_distance_km = INFINITY,
                      .current_service = CP_NONE,
                      .group = CP_NONE};
    char *list = cp_strdup(types);
    for (char *save = NULL, *t = strtok_r(list, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
        user->types = cp_realloc(user->types, (size_t)(user->n_types + 1) * sizeof(int));
        user->types[user->n_types++] = cp_names_intern(&instance->types, t);
    }
    free(list);
    return u;
}

void tb_quote(cp_instance *instance, int user, int service, double weekly_cost, double places)
{
    grow_to_hold(&instance->quotes, sizeof(cp_quote), instance->n_quotes);
    instance->quotes[instance->n_quotes++] = (cp_quote){user, service, weekly_cost, places};
}

void tb_tier(cp_instance *instance, const char *provider, double min_places, double discount)
{
    int p = cp_names_find(&instance->providers, provider);
    if (!instance->tiers)
        instance->tiers = cp_calloc((size_t)instance->providers.count, sizeof(cp_tier_list));
    cp_tier_list *list = &instance->tiers[p];
    list->tiers = cp_realloc(list->tiers, (size_t)(list->count + 1) * sizeof(cp_tier));
    list->tiers[list->count++] = (cp_tier){min_places, discount};
}

void tb_group(cp_instance *instance, int user, const char *name)
{
    instance->users[user].group = cp_names_intern(&instance->groups, name);
}

void tb_config(cp_instance *instance, const char *name, const char *const *pool_of_authority)
{
    instance->configs =
        cp_realloc(instance->configs, (size_t)(instance->n_configs + 1) * sizeof(cp_config));
    cp_config *config = &instance->configs[instance->n_configs++];
    memset(config, 0, sizeof *config);
    config->name = cp_strdup(name);
    config->pool_of_authority = cp_malloc((size_t)instance->n_authorities * sizeof(int));
    config->pool_name = cp_malloc((size_t)instance->n_authorities * sizeof(char *));
    for (int a = 0; a < instance->n_authorities; a++) {
        int pool = -1;
        for (int p = 0; p < config->n_pools; p++)
            if (strcmp(config->pool_name[p], pool_of_authority[a]) == 0)
                pool = p;
        if (pool < 0) {
            pool = config->n_pools++;
            config->pool_name[pool] = cp_strdup(pool_of_authority[a]);
        }
        config->pool_of_authority[a] = pool;
    }
}

static int compare_quotes(const void *a, const void *b)
{
    const cp_quote *x = a, *y = b;
    if (x->user != y->user)
        return x->user - y->user;
    return x->service - y->service;
}

void tb_finish(cp_instance *instance)
{
    if (instance->n_quotes)
        qsort(instance->quotes, (size_t)instance->n_quotes, sizeof(cp_quote), compare_quotes);
    instance->quote_start = cp_calloc((size_t)instance->n_users + 1, sizeof(int));
    for (int q = 0; q < instance->n_quotes; q++)
        instance->quote_start[instance->quotes[q].user + 1]++;
    for (int u = 0; u < instance->n_users; u++)
        instance->quote_start[u + 1] += instance->quote_start[u];

    if (!instance->tiers)
        instance->tiers = cp_calloc((size_t)instance->providers.count + 1, sizeof(cp_tier_list));

    instance->authority_index = cp_strmap_create();
    instance->service_index = cp_strmap_create();
    instance->user_index = cp_strmap_create();
    for (int a = 0; a < instance->n_authorities; a++)
        cp_strmap_put(instance->authority_index, instance->authorities[a].id, a);
    for (int s = 0; s < instance->n_services; s++)
        cp_strmap_put(instance->service_index, instance->services[s].id, s);
    for (int u = 0; u < instance->n_users; u++)
        cp_strmap_put(instance->user_index, instance->users[u].id, u);

    /* standalone and pooled first, as the reader orders them */
    int listed = instance->n_configs;
    cp_config *own = instance->configs;
    instance->configs = NULL;
    instance->n_configs = 0;
    const char **names = cp_malloc((size_t)instance->n_authorities * sizeof(char *) + 1);
    for (int a = 0; a < instance->n_authorities; a++)
        names[a] = instance->authorities[a].id;
    tb_config(instance, "standalone", names);
    for (int a = 0; a < instance->n_authorities; a++)
        names[a] = "pooled";
    tb_config(instance, "pooled", names);
    free(names);
    instance->configs =
        cp_realloc(instance->configs, (size_t)(instance->n_configs + listed) * sizeof(cp_config));
    if (listed)
        memcpy(instance->configs + instance->n_configs, own, (size_t)listed * sizeof(cp_config));
    instance->n_configs += listed;
    free(own);
}
