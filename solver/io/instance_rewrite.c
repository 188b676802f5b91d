/* From the data model back to rows: each record's fields as the reader reads them, defaults
 * left empty where the reader fills them in from another file (a person's limit and spot
 * cost from the settings), lists joined in the order that interns their names as before. */
#include "io/instance_rewrite.h"

#include "io/settings.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERVICE_COLUMNS                                                                            \
    "id,provider,name,authority,lat,lon,type,capacity,weekly_price,rating,min_age,max_age,"        \
    "genders,max_intensity,specialisms,owner,status,fixed_cost,min_occupancy"

/* names[ids[0]];names[ids[1]];... in a new string (NULL when count is 0; caller frees). */
static char *join(const cp_names *names, const int *ids, int count)
{
    if (count == 0)
        return NULL;
    size_t size = 1;
    for (int i = 0; i < count; i++)
        size += strlen(names->name[ids[i]]) + 1;
    char *text = cp_malloc(size), *end = text;
    for (int i = 0; i < count; i++)
        end += sprintf(end, "%s%s", i ? ";" : "", names->name[ids[i]]);
    return text;
}

static double age_cell(int age)
{
    return age == CP_AGE_ANY ? NAN : age;
}

static void add_service(cp_instance_rows *rows, const cp_instance *instance, const cp_service *s)
{
    char *genders =
        s->any_gender ? NULL : join(&instance->genders, s->genders.ids, s->genders.count);
    char *specialisms = join(&instance->tags, s->specialisms.ids, s->specialisms.count);
    cp_service_row row = {
        .id = s->id,
        .provider = instance->providers.name[s->provider],
        .name = s->name,
        .authority = instance->authorities[s->authority].id,
        .lat = s->lat,
        .lon = s->lon,
        .type = instance->types.name[s->type],
        .capacity = s->capacity,
        .weekly_price = s->weekly_price,
        .rating = cp_rating_name(s->rating),
        .min_age = age_cell(s->min_age),
        .max_age = age_cell(s->max_age),
        .genders = genders ? genders : "any",
        .max_intensity = s->max_intensity,
        .specialisms = specialisms,
        .owner = s->owner == CP_NONE ? NULL : instance->authorities[s->owner].id,
        .status = s->candidate ? "candidate" : "existing",
        .fixed_cost = s->candidate ? s->fixed_cost : NAN,
        .min_occupancy = s->candidate ? s->min_occupancy : NAN,
    };
    cp_instance_rows_add_service(rows, row);
    free(genders);
    free(specialisms);
}

static void add_user(cp_instance_rows *rows, const cp_instance *instance, const cp_user *u)
{
    char *types = join(&instance->types, u->types, u->n_types);
    char *needs = join(&instance->tags, u->needs.ids, u->needs.count);
    cp_user_row row = {
        .id = u->id,
        .authority = instance->authorities[u->authority].id,
        .lat = u->lat,
        .lon = u->lon,
        .types = types,
        .places = u->places,
        .intensity = u->intensity,
        .age = age_cell(u->age),
        .gender = u->gender == CP_NONE ? NULL : instance->genders.name[u->gender],
        .needs = needs,
        .max_distance_km = u->own_max_distance_km ? u->max_distance_km : NAN,
        .current_service =
            u->current_service == CP_NONE ? NULL : instance->services[u->current_service].id,
        .locked = u->locked,
        .group = u->group == CP_NONE ? NULL : instance->groups.name[u->group],
        .spot_cost = !u->own_spot_cost  ? NAN
                     : u->has_spot_cost ? u->spot_cost
                                        : INFINITY,
    };
    cp_instance_rows_add_user(rows, row);
    free(types);
    free(needs);
}

/* A discount_pct that the reader turns back into exactly discount (pct / 100). */
static double discount_pct(double discount)
{
    double pct = discount * 100;
    for (int step = 0; step < 8 && pct / 100 != discount; step++)
        pct = nextafter(pct, pct / 100 < discount ? INFINITY : -INFINITY);
    return pct;
}

static void add_tiers(cp_instance_rows *rows, const cp_instance *instance)
{
    for (int p = 0; p < instance->providers.count; p++)
        for (int t = 0; t < instance->tiers[p].count; t++) {
            const cp_tier *tier = &instance->tiers[p].tiers[t];
            cp_instance_rows_add_tier(rows,
                                      (cp_tier_row){instance->providers.name[p], tier->min_places,
                                                    discount_pct(tier->discount)});
        }
}

static void add_settings(cp_instance_rows *rows, const cp_settings *settings)
{
    for (int k = 0; k < cp_settings_key_count(); k++) {
        char value[64];
        cp_settings_format(settings, k, value, sizeof value);
        cp_instance_rows_add_setting(rows, (cp_setting_row){cp_settings_key(k), value});
    }
}

/* configurations.csv: the configurations after standalone and pooled, if any; each one's rows
 * pool by pool, so that the reader numbers its pools as they were. */
static void add_configurations(cp_instance_rows *rows, const cp_instance *instance)
{
    for (int c = 2; c < instance->n_configs; c++) {
        const cp_config *config = &instance->configs[c];
        for (int p = 0; p < config->n_pools; p++)
            for (int a = 0; a < instance->n_authorities; a++)
                if (config->pool_of_authority[a] == p)
                    cp_instance_rows_add_pool(rows, (cp_pool_row){config->name,
                                                                  instance->authorities[a].id,
                                                                  config->pool_name[p]});
    }
}

cp_instance_rows *cp_instance_rows_of(const cp_instance *instance)
{
    cp_instance_rows *rows = cp_instance_rows_create();
    rows->columns[CP_FILE_AUTHORITIES] = CP_AUTHORITIES_COLUMNS;
    rows->columns[CP_FILE_SERVICES] = SERVICE_COLUMNS;
    rows->columns[CP_FILE_USERS] = CP_USERS_COLUMNS;
    rows->columns[CP_FILE_SETTINGS] = CP_SETTINGS_COLUMNS;
    for (int a = 0; a < instance->n_authorities; a++) {
        const cp_authority *authority = &instance->authorities[a];
        cp_instance_rows_add_authority(rows, (cp_authority_row){authority->id, authority->name,
                                                                authority->lat, authority->lon});
    }
    for (int s = 0; s < instance->n_services; s++)
        add_service(rows, instance, &instance->services[s]);
    for (int u = 0; u < instance->n_users; u++)
        add_user(rows, instance, &instance->users[u]);
    for (int q = 0; q < instance->n_quotes; q++) {
        const cp_quote *quote = &instance->quotes[q];
        cp_instance_rows_add_quote(rows, (cp_quote_row){instance->users[quote->user].id,
                                                        instance->services[quote->service].id,
                                                        quote->weekly_cost, quote->places});
    }
    if (instance->n_quotes > 0)
        rows->columns[CP_FILE_QUOTES] = CP_QUOTES_COLUMNS;
    add_tiers(rows, instance);
    if (rows->n_tiers > 0)
        rows->columns[CP_FILE_TIERS] = CP_TIERS_COLUMNS;
    add_settings(rows, &instance->settings);
    add_configurations(rows, instance);
    if (rows->n_pools > 0)
        rows->columns[CP_FILE_CONFIGURATIONS] = CP_CONFIGURATIONS_COLUMNS;
    return rows;
}
