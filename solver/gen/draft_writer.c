/* Streams a draft into CSV files. Ids are made here from indices, zero-padded to the width of
 * the largest so that they sort in order: services s001.., people u001.., groups g001... */
#include "gen/draft_writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "io/escape.h"
#include "io/output_dir.h"
#include "util/alloc.h"
#include "util/status.h"

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

/* What every file writer reads. */
typedef struct context {
    const cp_gen_draft *draft;
    const size_t *listed;
    size_t n_listed;
} context;

static void write_authorities(const context *c, FILE *out)
{
    const cp_gen_draft *draft = c->draft;
    fputs("id,name,lat,lon\n", out);
    for (size_t k = 0; k < c->n_listed; k++) {
        const cp_place *place = draft->world->authorities[c->listed[k]].place;
        cp_write_csv_field(out, place->id);
        fputc(',', out);
        cp_write_csv_field(out, place->name);
        fprintf(out, ",%.4f,%.4f\n", place->lat, place->lon);
    }
}

static void write_tags(FILE *out, const cp_gen_draft *draft, unsigned mask)
{
    int first = 1;
    for (int t = 0; t < draft->n_tags; t++)
        if (mask & (1u << t)) {
            fprintf(out, "%s%s", first ? "" : ";", draft->tag_names[t]);
            first = 0;
        }
}

static void write_number_or_empty(FILE *out, double value)
{
    if (isfinite(value))
        cp_write_csv_number(out, value, CP_DECIMALS_GENERAL);
}

static void write_services(const context *c, FILE *out)
{
    const cp_gen_draft *draft = c->draft;
    int width = width_of(draft->n_services);
    fputs("id,provider,authority,lat,lon,type,capacity,weekly_price,rating,min_age,max_age,"
          "genders,max_intensity,specialisms,owner,status,fixed_cost,min_occupancy\n", out);
    for (size_t s = 0; s < draft->n_services; s++) {
        const cp_gen_service *service = &draft->services[s];
        fprintf(out, "s%0*zu,%s,%s,%.4f,%.4f,%s,%d,", width, s + 1,
                draft->provider_ids[service->provider], authority_id(draft, service->authority),
                service->lat, service->lon, draft->type_names[service->type],
                service->capacity);
        cp_write_csv_number(out, service->price, CP_DECIMALS_GENERAL);
        fprintf(out, ",%s,", rating_names[service->rating]);
        if (service->min_age >= 0)
            fprintf(out, "%d", service->min_age);
        fputc(',', out);
        if (service->max_age >= 0)
            fprintf(out, "%d", service->max_age);
        fprintf(out, ",%s,%d,", gender_names[service->genders], service->max_intensity);
        write_tags(out, draft, service->specialisms);
        fprintf(out, ",%s,%s,", service->owner == CP_GEN_NONE ? "" :
                authority_id(draft, service->owner),
                service->candidate ? "candidate" : "existing");
        if (service->candidate) {
            cp_write_csv_number(out, service->fixed_cost, CP_DECIMALS_GENERAL);
            fprintf(out, ",%d", service->min_occupancy);
        } else {
            fputc(',', out);
        }
        fputc('\n', out);
    }
}

static void write_users(const context *c, FILE *out)
{
    const cp_gen_draft *draft = c->draft;
    int width = width_of(draft->n_people), service_width = width_of(draft->n_services);
    size_t n_groups = 0;
    for (size_t p = 0; p < draft->n_people; p++)
        if (draft->people[p].group > n_groups)
            n_groups = draft->people[p].group;
    int group_width = width_of(n_groups);
    fputs("id,authority,lat,lon,types,places,intensity,age,gender,needs,max_distance_km,"
          "current_service,locked,group,spot_cost\n", out);
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *person = &draft->people[p];
        fprintf(out, "u%0*zu,%s,%.4f,%.4f,", width, p + 1, authority_id(draft, person->authority),
                person->lat, person->lon);
        for (int t = 0; t < person->n_types; t++)
            fprintf(out, "%s%s", t ? ";" : "", draft->type_names[person->types[t]]);
        fprintf(out, ",%d,%d,", person->places, person->intensity);
        if (person->age >= 0)
            fprintf(out, "%d", person->age);
        fprintf(out, ",%s,", person->gender == CP_GEN_ANY ? "" : gender_names[person->gender]);
        write_tags(out, draft, person->needs);
        fputc(',', out);
        write_number_or_empty(out, person->max_distance_km);
        fputc(',', out);
        if (person->current != CP_GEN_NONE)
            fprintf(out, "s%0*zu", service_width, person->current + 1);
        fprintf(out, ",%s,", person->locked ? "true" : "");
        if (person->group)
            fprintf(out, "g%0*zu", group_width, person->group);
        fputc(',', out);
        if (person->spot_cost < 0)
            fputs("none", out);
        else
            write_number_or_empty(out, person->spot_cost);
        fputc('\n', out);
    }
}

static void write_quotes(const context *c, FILE *out)
{
    const cp_gen_draft *draft = c->draft;
    int width = width_of(draft->n_people), service_width = width_of(draft->n_services);
    fputs("user,service,weekly_cost,places\n", out);
    for (size_t q = 0; q < draft->n_quotes; q++) {
        const cp_gen_quote *quote = &draft->quotes[q];
        fprintf(out, "u%0*zu,s%0*zu,", width, quote->person + 1, service_width,
                quote->service + 1);
        cp_write_csv_number(out, quote->weekly_cost, CP_DECIMALS_GENERAL);
        fputc(',', out);
        if (quote->places > 0)
            fprintf(out, "%d", quote->places);
        fputc('\n', out);
    }
}

static void write_tiers(const context *c, FILE *out)
{
    const cp_gen_draft *draft = c->draft;
    fputs("provider,min_places,discount_pct\n", out);
    for (size_t t = 0; t < draft->n_tiers; t++) {
        fprintf(out, "%s,%d,", draft->provider_ids[draft->tiers[t].provider],
                draft->tiers[t].min_places);
        cp_write_csv_number(out, draft->tiers[t].discount_pct, CP_DECIMALS_GENERAL);
        fputc('\n', out);
    }
}

static void write_settings(const context *c, FILE *out)
{
    const cp_gen_draft *draft = c->draft;
    fputs("key,value\n", out);
    for (size_t s = 0; s < draft->n_settings; s++)
        fprintf(out, "%s,%s\n", draft->settings[s][0], draft->settings[s][1]);
}

static void write_configurations(const context *c, FILE *out)
{
    const cp_gen_draft *draft = c->draft;
    fputs("configuration,authority,pool\n", out);
    for (size_t k = 0; k < draft->n_configs; k++)
        for (size_t l = 0; l < c->n_listed; l++) {
            const char *id = authority_id(draft, c->listed[l]);
            const char *pool = draft->configs[k].pool_of_authority[c->listed[l]];
            fprintf(out, "%s,%s,%s\n", draft->configs[k].name, id, pool ? pool : id);
        }
}

/* The files in the order written. Optional files are written even when empty (a header
 * only), so that a directory that held another instance keeps no stale file. */
static const struct {
    const char *name;
    void (*write)(const context *c, FILE *out);
} files[] = {
    {"authorities.csv", write_authorities}, {"services.csv", write_services},
    {"users.csv", write_users},             {"quotes.csv", write_quotes},
    {"tiers.csv", write_tiers},             {"settings.csv", write_settings},
    {"configurations.csv", write_configurations},
};

int cp_gen_draft_write(const cp_gen_draft *draft, const char *dir, cp_errors *errors)
{
    context c = {.draft = draft};
    size_t *listed = listed_authorities(draft, &c.n_listed);
    c.listed = listed;
    cp_output *output = cp_output_open(dir, errors);
    if (!output) {
        free(listed);
        return CP_ERR_INTERNAL;
    }
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        FILE *out = cp_output_file(output, files[f].name);
        if (!out) {
            cp_output_abort(output);
            free(listed);
            return CP_ERR_INTERNAL;
        }
        files[f].write(&c, out);
    }
    free(listed);
    return cp_output_commit(output);
}
