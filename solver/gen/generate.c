/* The generator's driver: a population preset goes preset -> world -> recipe ->
 * configurations -> rows; a benchmark preset goes size -> rows; the rows are then written by
 * io/instance_writer.h. */
#include "gen/generate.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "gen/bench.h"
#include "gen/draft_writer.h"
#include "gen/presets.h"
#include "gen/recipes.h"
#include "io/instance_writer.h"
#include "util/status.h"
#include "util/strmap.h"

/* The benchmark presets: kind 'G' a GAP of this type; 'F' a facility instance of this
 * profile. */
static const struct {
    const char *name;
    char kind;
    const char *parameter;
} bench_presets[] = {
    {"gap-c", 'G', "C"},
    {"gap-d", 'G', "D"},
    {"gap-e", 'G', "E"},
    {"facility-small", 'F', "small"},
    {"facility-large", 'F', "large"},
    {"facility-local", 'F', "local"},
};
enum { N_BENCH_PRESETS = sizeof bench_presets / sizeof bench_presets[0] };

/* Counts the distinct texts handed to it. */
static size_t distinct(cp_strmap *seen, const char *text)
{
    if (text)
        cp_strmap_put(seen, text, 0);
    return cp_strmap_size(seen);
}

/* The summary of the written rows. A service without a provider is its own provider, as the
 * reader takes it. */
static void summarise(const cp_instance_rows *rows, cp_gen_summary *summary)
{
    *summary = (cp_gen_summary){.authorities = rows->n_authorities,
                                .people = rows->n_users,
                                .services = rows->n_services,
                                .quotes = rows->n_quotes,
                                .tiers = rows->n_tiers};
    cp_strmap *members = cp_strmap_create(), *groups = cp_strmap_create();
    cp_strmap *providers = cp_strmap_create(), *configurations = cp_strmap_create();
    for (size_t u = 0; u < rows->n_users; u++) {
        const cp_user_row *user = &rows->users[u];
        summary->members = distinct(members, user->authority);
        summary->groups = distinct(groups, user->group);
        summary->placed += user->current_service != NULL;
        summary->locked += user->locked;
    }
    for (size_t s = 0; s < rows->n_services; s++) {
        const cp_service_row *service = &rows->services[s];
        summary->providers =
            distinct(providers, service->provider ? service->provider : service->id);
        summary->candidates += service->status && strcmp(service->status, "candidate") == 0;
        summary->places += service->capacity;
    }
    for (size_t p = 0; p < rows->n_pools; p++)
        summary->configurations = distinct(configurations, rows->pools[p].configuration);
    cp_strmap_destroy(members);
    cp_strmap_destroy(groups);
    cp_strmap_destroy(providers);
    cp_strmap_destroy(configurations);
}

/* The rows of a population preset into *rows; CP_ERR_INPUT when the scale leaves no one,
 * CP_ERR_INTERNAL when the preset names an unknown council; messages in errors. */
static int population_rows(const cp_gen_preset *preset, const cp_gen_request *request,
                           cp_instance_rows **rows, cp_errors *errors)
{
    size_t n_members;
    const char **members = cp_gen_preset_members(preset, &n_members);
    cp_gen_world *world = cp_gen_world_create(members, n_members, errors);
    free(members);
    if (!world)
        return CP_ERR_INTERNAL;
    int children = preset->population == CP_GEN_CHILDREN;
    cp_gen_draft *draft =
        children ? cp_gen_draft_create(world, cp_gen_children_types, cp_gen_children_n_types,
                                       cp_gen_children_tags, cp_gen_children_n_tags)
                 : cp_gen_draft_create(world, cp_gen_adults_types, cp_gen_adults_n_types,
                                       cp_gen_adults_tags, cp_gen_adults_n_tags);
    if (children)
        cp_gen_children(draft, request->seed, request->scale);
    else
        cp_gen_adults_ld(draft, request->seed, request->scale, preset->people,
                         preset->accommodation_only);
    cp_gen_preset_configurations(preset, draft);
    int status = CP_OK;
    if (draft->n_people == 0) {
        cp_errors_add(errors, "generate: scale %g leaves no one to place", request->scale);
        status = CP_ERR_INPUT;
    } else {
        *rows = cp_gen_draft_rows(draft);
    }
    cp_gen_draft_destroy(draft);
    cp_gen_world_destroy(world);
    return status;
}

/* Parses "AxB" (two whole numbers) into *a and *b. */
static int parse_size(const char *size, long *a, long *b, cp_errors *errors)
{
    char *end = NULL;
    bool ok = size[0] >= '0' && size[0] <= '9';
    errno = 0;
    if (ok)
        *a = strtol(size, &end, 10);
    ok = ok && end[0] == 'x' && end[1] >= '0' && end[1] <= '9';
    if (ok)
        *b = strtol(end + 1, &end, 10);
    if (!ok || errno != 0 || *end != '\0') {
        cp_errors_add(errors, "generate: --size: expected two whole numbers as AxB (value '%s')",
                      size);
        return CP_ERR_INPUT;
    }
    return CP_OK;
}

/* The rows of benchmark preset k into *rows; CP_ERR_INPUT with a message on a bad size or
 * seed. */
static int bench_rows(size_t k, const cp_gen_request *request, cp_instance_rows **rows,
                      cp_errors *errors)
{
    long a = 0, b = 0;
    if (!request->size) {
        cp_errors_add(errors, "generate: preset '%s' needs --size %s", bench_presets[k].name,
                      bench_presets[k].kind == 'G' ? "MxN (M agents, N jobs)"
                                                   : "PEOPLExCANDIDATES");
        return CP_ERR_INPUT;
    }
    if (parse_size(request->size, &a, &b, errors) != CP_OK)
        return CP_ERR_INPUT;
    long seed = request->seed > 2147483647 ? 2147483647 : (long)request->seed;
    if (bench_presets[k].kind == 'G')
        return cp_gen_bench_gap(bench_presets[k].parameter[0], a, b, seed, rows, errors);
    return cp_gen_bench_facility(bench_presets[k].parameter, a, b, seed, rows, errors);
}

int cp_generate(const cp_gen_request *request, const char *dir, cp_gen_summary *summary,
                cp_errors *errors)
{
    const cp_gen_preset *preset = cp_gen_preset_find(request->preset);
    size_t k = 0;
    while (k < N_BENCH_PRESETS && strcmp(bench_presets[k].name, request->preset) != 0)
        k++;
    cp_instance_rows *rows = NULL;
    int status = CP_ERR_INPUT;
    if (!preset && k == N_BENCH_PRESETS) {
        cp_errors_add(errors, "generate: unknown preset '%s' (known: %s)", request->preset,
                      cp_generate_preset_names());
    } else if (preset && request->size) {
        cp_errors_add(errors, "generate: preset '%s' takes --scale, not --size (value '%s')",
                      request->preset, request->size);
    } else if (preset) {
        status = population_rows(preset, request, &rows, errors);
    } else {
        status = bench_rows(k, request, &rows, errors);
    }
    if (status == CP_OK) {
        status = cp_instance_write(rows, dir, errors);
        summarise(rows, summary);
    }
    cp_instance_rows_destroy(rows);
    return status;
}

const char *cp_generate_preset_names(void)
{
    static char names[512];
    if (names[0] == '\0') {
        for (size_t p = 0; p < cp_gen_n_presets; p++) {
            if (p > 0)
                strncat(names, "|", sizeof names - strlen(names) - 1);
            strncat(names, cp_gen_presets[p].name, sizeof names - strlen(names) - 1);
        }
        for (size_t p = 0; p < N_BENCH_PRESETS; p++) {
            strncat(names, "|", sizeof names - strlen(names) - 1);
            strncat(names, bench_presets[p].name, sizeof names - strlen(names) - 1);
        }
    }
    return names;
}
