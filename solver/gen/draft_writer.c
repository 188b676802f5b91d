/* A draft as instance rows. Ids are made here from indices, zero-padded to the width of the
 * largest so that they sort in order: services s001.., people u001.., groups g001... */
#include "gen/draft_writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "io/instance_writer.h"
#include "util/alloc.h"

static const char *const rating_names[] = {"inadequate", "requires_improvement", "good",
                                           "outstanding", "unrated"};
static const char *const gender_names[] = {"any", "male", "female"};

static int width_of(size_t count)
{
    int width = 1;
    for (size_t limit = 10; limit <= count; limit *= 10)
        width++;
    return width < 3 ? 3 : width;
}

/* The authorities to list: the members, then the hosts of services (by code). */
static size_t *listed_authorities(const cp_gen_draft *draft, size_t *n_listed)
{
    const cp_gen_world *world = draft->world;
    char *hosts = cp_calloc(world->n_authorities, 1);
    for (size_t s = 0; s < draft->n_services; s++)
        hosts[draft->services[s].authority] = 1;
    size_t *listed = cp_malloc(world->n_authorities * sizeof *listed);
    size_t n = 0;
    for (size_t m = 0; m < world->n_members; m++)
        listed[n++] = world->members[m];
    for (size_t a = 0; a < world->n_authorities; a++)
        if (hosts[a] && !world->authorities[a].member)
            listed[n++] = a;
    free(hosts);
    *n_listed = n;
    return listed;
}

size_t cp_gen_draft_listed_authorities(const cp_gen_draft *draft)
{
    size_t n;
    free(listed_authorities(draft, &n));
    return n;
}

static const char *authority_id(const cp_gen_draft *draft, size_t a)
{
    return draft->world->authorities[a].place->id;
}

/* What every part reads: the draft, the listed authorities and the widths of ids. */
typedef struct context {
    const cp_gen_draft *draft;
    cp_instance_rows *rows;
    size_t *listed;
    size_t n_listed;
    int service_width, person_width, group_width;
} context;

/* The names of bits of mask among names, joined by ';', into text (of size bytes). */
static const char *join_names(const char *const *names, int n_names, unsigned mask, char *text,
                              size_t size)
{
    size_t used = 0;
    text[0] = '\0';
    for (int t = 0; t < n_names; t++)
        if (mask & (1u << t))
            used += (size_t)snprintf(text + used, size - used, "%s%s", used ? ";" : "", names[t]);
    return text;
}

static void add_authorities(const context *c)
{
    for (size_t k = 0; k < c->n_listed; k++) {
        const cp_place *place = c->draft->world->authorities[c->listed[k]].place;
        cp_instance_rows_add_authority(
            c->rows, (cp_authority_row){place->id, place->name, place->lat, place->lon});
    }
}

static void add_services(const context *c)
{
    const cp_gen_draft *draft = c->draft;
    for (size_t s = 0; s < draft->n_services; s++) {
        const cp_gen_service *service = &draft->services[s];
        char id[32], specialisms[256];
        snprintf(id, sizeof id, "s%0*zu", c->service_width, s + 1);
        cp_service_row row = cp_service_row_empty();
        row.id = id;
        row.provider = draft->provider_ids[service->provider];
        row.authority = authority_id(draft, service->authority);
        row.lat = service->lat;
        row.lon = service->lon;
        row.type = draft->type_names[service->type];
        row.capacity = service->capacity;
        row.weekly_price = service->price;
        row.rating = rating_names[service->rating];
        row.min_age = service->min_age >= 0 ? service->min_age : NAN;
        row.max_age = service->max_age >= 0 ? service->max_age : NAN;
        row.genders = gender_names[service->genders];
        row.max_intensity = service->max_intensity;
        row.specialisms = join_names(draft->tag_names, draft->n_tags, service->specialisms,
                                     specialisms, sizeof specialisms);
        row.owner = service->owner == CP_GEN_NONE ? NULL : authority_id(draft, service->owner);
        row.status = service->candidate ? "candidate" : "existing";
        if (service->candidate) {
            row.fixed_cost = service->fixed_cost;
            row.min_occupancy = service->min_occupancy;
        }
        cp_instance_rows_add_service(c->rows, row);
    }
}

/* The person's types, most preferred first, joined by ';'. */
static const char *types_of(const cp_gen_draft *draft, const cp_gen_person *person, char *text,
                            size_t size)
{
    size_t used = 0;
    text[0] = '\0';
    for (int t = 0; t < person->n_types; t++)
        used += (size_t)snprintf(text + used, size - used, "%s%s", t ? ";" : "",
                                 draft->type_names[person->types[t]]);
    return text;
}

static void add_users(const context *c)
{
    const cp_gen_draft *draft = c->draft;
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *person = &draft->people[p];
        char id[32], current[32], group[32], types[256], needs[256];
        snprintf(id, sizeof id, "u%0*zu", c->person_width, p + 1);
        snprintf(current, sizeof current, "s%0*zu", c->service_width, person->current + 1);
        snprintf(group, sizeof group, "g%0*zu", c->group_width, person->group);
        cp_user_row row = cp_user_row_empty();
        row.id = id;
        row.authority = authority_id(draft, person->authority);
        row.lat = person->lat;
        row.lon = person->lon;
        row.types = types_of(draft, person, types, sizeof types);
        row.places = person->places;
        row.intensity = person->intensity;
        row.age = person->age >= 0 ? person->age : NAN;
        row.gender = person->gender == CP_GEN_ANY ? NULL : gender_names[person->gender];
        row.needs = join_names(draft->tag_names, draft->n_tags, person->needs, needs, sizeof needs);
        /* no limit of its own: empty, the setting's (the default is none) */
        row.max_distance_km = isinf(person->max_distance_km) ? NAN : person->max_distance_km;
        row.current_service = person->current == CP_GEN_NONE ? NULL : current;
        row.locked = person->locked != 0;
        row.group = person->group ? group : NULL;
        row.spot_cost = person->spot_cost < 0 ? INFINITY : person->spot_cost;
        cp_instance_rows_add_user(c->rows, row);
    }
}

static void add_quotes_tiers_settings(const context *c)
{
    const cp_gen_draft *draft = c->draft;
    for (size_t q = 0; q < draft->n_quotes; q++) {
        const cp_gen_quote *quote = &draft->quotes[q];
        char user[32], service[32];
        snprintf(user, sizeof user, "u%0*zu", c->person_width, quote->person + 1);
        snprintf(service, sizeof service, "s%0*zu", c->service_width, quote->service + 1);
        cp_instance_rows_add_quote(c->rows,
                                   (cp_quote_row){user, service, quote->weekly_cost,
                                                  quote->places > 0 ? quote->places : NAN});
    }
    for (size_t t = 0; t < draft->n_tiers; t++)
        cp_instance_rows_add_tier(
            c->rows, (cp_tier_row){draft->provider_ids[draft->tiers[t].provider],
                                   draft->tiers[t].min_places, draft->tiers[t].discount_pct});
    for (size_t s = 0; s < draft->n_settings; s++)
        cp_instance_rows_add_setting(
            c->rows, (cp_setting_row){draft->settings[s][0], draft->settings[s][1]});
}

/* Every configuration lists every listed authority: its pool, or its own id. */
static void add_configurations(const context *c)
{
    const cp_gen_draft *draft = c->draft;
    for (size_t k = 0; k < draft->n_configs; k++)
        for (size_t l = 0; l < c->n_listed; l++) {
            const char *id = authority_id(draft, c->listed[l]);
            const char *pool = draft->configs[k].pool_of_authority[c->listed[l]];
            cp_instance_rows_add_pool(c->rows,
                                      (cp_pool_row){draft->configs[k].name, id, pool ? pool : id});
        }
}

/* Optional files are written even when empty (a header only), so that a directory that held
 * another instance keeps no stale file. */
cp_instance_rows *cp_gen_draft_rows(const cp_gen_draft *draft)
{
    size_t n_groups = 0;
    for (size_t p = 0; p < draft->n_people; p++)
        if (draft->people[p].group > n_groups)
            n_groups = draft->people[p].group;
    context c = {.draft = draft,
                 .rows = cp_instance_rows_create(),
                 .service_width = width_of(draft->n_services),
                 .person_width = width_of(draft->n_people),
                 .group_width = width_of(n_groups)};
    c.listed = listed_authorities(draft, &c.n_listed);
    static const char *const columns[CP_N_INSTANCE_FILES] = {
        CP_AUTHORITIES_COLUMNS, CP_SERVICES_COLUMNS, CP_USERS_COLUMNS,         CP_QUOTES_COLUMNS,
        CP_TIERS_COLUMNS,       CP_SETTINGS_COLUMNS, CP_CONFIGURATIONS_COLUMNS};
    for (int f = 0; f < CP_N_INSTANCE_FILES; f++)
        c.rows->columns[f] = columns[f];
    c.rows->coordinate_decimals = 4;
    add_authorities(&c);
    add_services(&c);
    add_users(&c);
    add_quotes_tiers_settings(&c);
    add_configurations(&c);
    free(c.listed);
    return c.rows;
}

int cp_gen_draft_write(const cp_gen_draft *draft, const char *dir, cp_errors *errors)
{
    cp_instance_rows *rows = cp_gen_draft_rows(draft);
    int status = cp_instance_write(rows, dir, errors);
    cp_instance_rows_destroy(rows);
    return status;
}
