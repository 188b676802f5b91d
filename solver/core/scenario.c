/* The scenario transforms: a --demand-growth spec parsed and applied (people copied or
 * removed by seeded draws within each (council, type) group) and an uplift applied to
 * prices. Both rewrite the instance's arrays in place and keep its indices consistent (users,
 * quotes and their start offsets, the user index). */
#include "core/scenario.h"

#include "util/alloc.h"
#include "util/log.h"
#include "util/rng.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest percentage text accepted. */
enum { PERCENT_MAX_CHARS = 63 };

bool cp_percent_parse(const char *text, double *pct)
{
    size_t n = strlen(text);
    if (n < 2 || n > PERCENT_MAX_CHARS || text[n - 1] != '%')
        return false;
    char number[PERCENT_MAX_CHARS + 1];
    memcpy(number, text, n - 1);
    number[n - 1] = '\0';
    const char *digits = number + (number[0] == '+' || number[0] == '-');
    size_t length = strlen(digits);
    if (length == 0 || strspn(digits, "0123456789.") != length ||
        strcspn(digits, "0123456789") == length)
        return false;
    char *end;
    double x = strtod(number, &end);
    if (*end != '\0' || !isfinite(x))
        return false;
    *pct = x;
    return true;
}

/* text without the white space around it, in place. */
static char *trim(char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        text[--n] = '\0';
    return text;
}

/* Parses one item (modified in place) into growth; original is the item as given. */
static int parse_item(char *item, const char *original, cp_growth *growth, cp_errors *errors)
{
    char *colon = strrchr(item, ':');
    char *name = NULL, *pct_text = trim(colon ? colon + 1 : item);
    if (colon) {
        *colon = '\0';
        name = trim(item);
    }
    double pct;
    if ((name && *name == '\0') || !cp_percent_parse(pct_text, &pct)) {
        cp_errors_add(errors,
                      "--demand-growth: expected PCT or NAME:PCT, PCT like +10%% or -5%% "
                      "(item '%s')",
                      original);
        return CP_ERR_INPUT;
    }
    if (pct < CP_GROWTH_MIN_PCT || pct > CP_GROWTH_MAX_PCT) {
        cp_errors_add(errors, "--demand-growth: growth must be from %g%% to +%g%% (item '%s')",
                      CP_GROWTH_MIN_PCT, CP_GROWTH_MAX_PCT, original);
        return CP_ERR_INPUT;
    }
    for (int i = 0; i < growth->count; i++) {
        const char *other = growth->items[i].name;
        if ((!name && !other) || (name && other && strcmp(name, other) == 0)) {
            cp_errors_add(errors, "--demand-growth: %s%s%s given twice (item '%s')",
                          name ? "'" : "a growth for everyone", name ? name : "", name ? "'" : "",
                          original);
            return CP_ERR_INPUT;
        }
    }
    growth->items = cp_realloc(growth->items, (size_t)(growth->count + 1) * sizeof *growth->items);
    growth->items[growth->count++] = (cp_growth_item){name ? cp_strdup(name) : NULL, pct};
    return CP_OK;
}

int cp_growth_parse(const char *text, cp_growth *out, cp_errors *errors)
{
    *out = (cp_growth){0};
    char *copy = cp_strdup(text), *original = cp_strdup(text);
    int status = CP_OK;
    for (char *item = copy, *end = original;;) {
        char *comma = strchr(item, ',');
        char *original_comma = strchr(end, ',');
        if (comma) {
            *comma = '\0';
            *original_comma = '\0';
        }
        status = parse_item(item, end, out, errors);
        if (status != CP_OK || !comma)
            break;
        item = comma + 1;
        end = original_comma + 1;
    }
    free(copy);
    free(original);
    if (status != CP_OK)
        cp_growth_free(out);
    return status;
}

void cp_growth_free(cp_growth *growth)
{
    for (int i = 0; i < growth->count; i++)
        free(growth->items[i].name);
    free(growth->items);
    *growth = (cp_growth){0};
}

void cp_uplift_free(cp_uplift *uplift)
{
    for (int i = 0; i < uplift->count; i++)
        free(uplift->items[i].provider);
    free(uplift->items);
    free(uplift->file);
    *uplift = (cp_uplift){0};
}

/* The factor of each (council, type) group: council * n_types + type. Returns NULL with a
 * problem when a name is neither a type nor a council, or both. */
static double *group_factors(const cp_instance *instance, const cp_growth *growth,
                             cp_errors *errors)
{
    int n_types = instance->types.count, n_councils = instance->n_authorities;
    double *factor = cp_malloc((size_t)n_councils * (size_t)n_types * sizeof *factor);
    for (int g = 0; g < n_councils * n_types; g++)
        factor[g] = 1;
    for (int i = 0; i < growth->count; i++) {
        const char *name = growth->items[i].name;
        int type = name ? cp_names_find(&instance->types, name) : CP_NONE;
        int council = name ? cp_strmap_get(instance->authority_index, name) : CP_NONE;
        if (name && (type == CP_NONE) == (council < 0)) {
            cp_errors_add(errors,
                          type == CP_NONE ? "--demand-growth: '%s' is neither a service type nor "
                                            "a council of the instance"
                                          : "--demand-growth: '%s' is both a service type and a "
                                            "council of the instance",
                          name);
            free(factor);
            return NULL;
        }
        double f = 1 + growth->items[i].pct / 100;
        for (int a = 0; a < n_councils; a++)
            for (int t = 0; t < n_types; t++)
                if (!name || t == type || a == council)
                    factor[a * n_types + t] *= f;
    }
    return factor;
}

/* The people of each group in file order: members[start[g]..start[g+1]) (caller frees). */
static int *group_members(const cp_instance *instance, int **start_out)
{
    int n_groups = instance->n_authorities * instance->types.count;
    int *start = cp_calloc((size_t)n_groups + 1, sizeof *start);
    int *members = cp_malloc(((size_t)instance->n_users + 1) * sizeof *members);
    for (int u = 0; u < instance->n_users; u++) {
        const cp_user *user = &instance->users[u];
        start[user->authority * instance->types.count + user->types[0] + 1]++;
    }
    for (int g = 0; g < n_groups; g++)
        start[g + 1] += start[g];
    int *next = cp_malloc(((size_t)n_groups + 1) * sizeof *next);
    memcpy(next, start, (size_t)n_groups * sizeof *next);
    for (int u = 0; u < instance->n_users; u++) {
        const cp_user *user = &instance->users[u];
        members[next[user->authority * instance->types.count + user->types[0]]++] = u;
    }
    free(next);
    *start_out = start;
    return members;
}

/* What the draws decided: people removed, and the source of each new person in order; and the
 * shortfalls (people that could not be added or removed, in how many groups). */
typedef struct draws {
    bool *removed;
    int *source;
    int n_added, capacity;
    int n_removed;
    int not_added, groups_not_grown, not_removed, groups_not_shrunk;
} draws;

/* Adds `count` copies of people of the group drawn among those not locked. */
static void draw_copies(const cp_instance *instance, const int *members, int n, int count,
                        cp_rng *rng, draws *out, const char *where)
{
    int *pool = cp_malloc((size_t)n * sizeof *pool), n_pool = 0;
    for (int i = 0; i < n; i++)
        if (!instance->users[members[i]].locked)
            pool[n_pool++] = members[i];
    if (n_pool == 0) {
        cp_verbose("--demand-growth: %s: everyone is locked, nobody to copy (%d not added)", where,
                   count);
        out->not_added += count;
        out->groups_not_grown++;
    }
    for (int i = 0; n_pool > 0 && i < count; i++) {
        size_t capacity = (size_t)out->capacity;
        cp_grow((void **)&out->source, sizeof *out->source, &capacity, (size_t)out->n_added + 1);
        out->capacity = (int)capacity;
        out->source[out->n_added++] = pool[cp_rng_int(rng, 0, n_pool - 1)];
    }
    free(pool);
}

/* Removes `count` people of the group drawn among those neither locked nor in a group. */
static void draw_removals(const cp_instance *instance, const int *members, int n, int count,
                          cp_rng *rng, draws *out, const char *where)
{
    int *pool = cp_malloc((size_t)n * sizeof *pool), n_pool = 0;
    for (int i = 0; i < n; i++) {
        const cp_user *user = &instance->users[members[i]];
        if (!user->locked && user->group == CP_NONE)
            pool[n_pool++] = members[i];
    }
    if (n_pool < count) {
        cp_verbose("--demand-growth: %s: only %d of the %d to remove are neither locked nor in a "
                   "group",
                   where, n_pool, count);
        out->not_removed += count - n_pool;
        out->groups_not_shrunk++;
    }
    for (int i = 0; i < count && i < n_pool; i++) {
        int j = (int)cp_rng_int(rng, i, n_pool - 1);
        int chosen = pool[j];
        pool[j] = pool[i];
        pool[i] = chosen;
        out->removed[chosen] = true;
        out->n_removed++;
    }
    free(pool);
}

/* Draws every group's changes. */
static void draw_changes(const cp_instance *instance, const double *factor, uint64_t seed,
                         draws *out)
{
    int *start;
    int *members = group_members(instance, &start);
    int n_types = instance->types.count;
    for (int a = 0; a < instance->n_authorities; a++) {
        for (int t = 0; t < n_types; t++) {
            int g = a * n_types + t, n = start[g + 1] - start[g];
            long target = (long)floor(n * factor[g] + 0.5 + 1e-9);
            if (target == n)
                continue;
            char where[256];
            snprintf(where, sizeof where, "%s/%s", instance->authorities[a].id,
                     instance->types.name[t]);
            cp_rng rng;
            cp_rng_seed(&rng, seed, cp_rng_stream_of(where));
            if (target > n)
                draw_copies(instance, members + start[g], n, (int)(target - n), &rng, out, where);
            else
                draw_removals(instance, members + start[g], n, (int)(n - target), &rng, out, where);
        }
    }
    free(members);
    free(start);
}

static int *copy_ints(const int *items, int count)
{
    if (count == 0)
        return NULL;
    int *copy = cp_malloc((size_t)count * sizeof *copy);
    memcpy(copy, items, (size_t)count * sizeof *copy);
    return copy;
}

/* A new person like source, with id SOURCE.gK (the first K not in ids; added to ids). */
static cp_user copy_user(const cp_user *source, cp_strmap *ids, int index)
{
    cp_user user = *source;
    size_t size = strlen(source->id) + 24;
    user.id = cp_malloc(size);
    for (int k = 1;; k++) {
        snprintf(user.id, size, "%s.g%d", source->id, k);
        if (cp_strmap_get(ids, user.id) < 0)
            break;
    }
    cp_strmap_put(ids, user.id, index);
    user.types = copy_ints(source->types, source->n_types);
    user.needs.ids = copy_ints(source->needs.ids, source->needs.count);
    user.current_service = CP_NONE;
    user.locked = false;
    user.group = CP_NONE;
    return user;
}

/* The quotes of the kept people (renumbered by new_index) and then of each new person (their
 * source's), with the start offsets rebuilt. */
static void rebuild_quotes(cp_instance *instance, const int *new_index, const draws *changes,
                           int n_users)
{
    int n_quotes = 0;
    cp_quote *quotes = cp_malloc(((size_t)instance->n_quotes + 1) * sizeof *quotes);
    size_t capacity = (size_t)instance->n_quotes + 1;
    for (int q = 0; q < instance->n_quotes; q++)
        if (new_index[instance->quotes[q].user] >= 0) {
            quotes[n_quotes] = instance->quotes[q];
            quotes[n_quotes++].user = new_index[instance->quotes[q].user];
        }
    for (int i = 0; i < changes->n_added; i++) {
        int source = changes->source[i];
        for (int q = instance->quote_start[source]; q < instance->quote_start[source + 1]; q++) {
            cp_grow((void **)&quotes, sizeof *quotes, &capacity, (size_t)n_quotes + 1);
            quotes[n_quotes] = instance->quotes[q];
            quotes[n_quotes++].user = n_users - changes->n_added + i;
        }
    }
    int *start = cp_calloc((size_t)n_users + 1, sizeof *start);
    for (int q = 0; q < n_quotes; q++)
        start[quotes[q].user + 1]++;
    for (int u = 0; u < n_users; u++)
        start[u + 1] += start[u];
    free(instance->quotes);
    free(instance->quote_start);
    instance->quotes = quotes;
    instance->n_quotes = n_quotes;
    instance->quote_start = start;
}

/* Applies the changes: kept people in order, then the new ones; quotes and the index follow. */
static void apply_changes(cp_instance *instance, const draws *changes)
{
    int n_old = instance->n_users, n_kept = n_old - changes->n_removed;
    int n_users = n_kept + changes->n_added;
    cp_user *users = cp_malloc(((size_t)n_users + 1) * sizeof *users);
    int *new_index = cp_malloc((size_t)n_old * sizeof *new_index);
    for (int u = 0, kept = 0; u < n_old; u++)
        new_index[u] = changes->removed[u] ? -1 : kept++;
    for (int i = 0; i < changes->n_added; i++)
        users[n_kept + i] =
            copy_user(&instance->users[changes->source[i]], instance->user_index, n_kept + i);
    for (int u = 0; u < n_old; u++) {
        cp_user *user = &instance->users[u];
        if (new_index[u] >= 0) {
            users[new_index[u]] = *user;
            continue;
        }
        free(user->id);
        free(user->types);
        free(user->needs.ids);
    }
    rebuild_quotes(instance, new_index, changes, n_users);
    free(instance->users);
    instance->users = users;
    instance->n_users = n_users;
    cp_strmap_destroy(instance->user_index);
    instance->user_index = cp_strmap_create();
    for (int u = 0; u < n_users; u++)
        cp_strmap_put(instance->user_index, users[u].id, u);
    free(new_index);
}

int cp_scenario_grow(cp_instance *instance, const cp_growth *growth, const char *spec,
                     uint64_t seed, cp_errors *errors)
{
    double *factor = group_factors(instance, growth, errors);
    if (!factor)
        return CP_ERR_INPUT;
    draws changes = {.removed = cp_calloc((size_t)instance->n_users + 1, sizeof(bool))};
    draw_changes(instance, factor, seed, &changes);
    if (changes.not_added)
        cp_warning("--demand-growth: %d people not added: in %d groups everyone is locked and "
                   "nobody can be copied (-v: each group)",
                   changes.not_added, changes.groups_not_grown);
    if (changes.not_removed)
        cp_warning("--demand-growth: %d people not removed: in %d groups too few are neither "
                   "locked nor in a group (-v: each group)",
                   changes.not_removed, changes.groups_not_shrunk);
    apply_changes(instance, &changes);
    free(instance->what_if.demand_growth);
    instance->what_if.demand_growth = cp_strdup(spec);
    instance->what_if.people_added += changes.n_added;
    instance->what_if.people_removed += changes.n_removed;
    free(changes.removed);
    free(changes.source);
    free(factor);
    return CP_OK;
}

/* Whether every provider uplift lists is one of the instance (each one that is not reported). */
static bool providers_known(const cp_instance *instance, const cp_uplift *uplift, cp_errors *errors)
{
    bool known = true;
    for (int i = 0; i < uplift->count; i++) {
        const cp_uplift_item *item = &uplift->items[i];
        if (cp_names_find(&instance->providers, item->provider) == CP_NONE) {
            cp_errors_at(errors, uplift->file, item->line, "provider", item->provider,
                         "unknown provider");
            known = false;
        }
    }
    return known;
}

int cp_scenario_check(const cp_instance *instance, const cp_growth *growth, const cp_uplift *uplift,
                      cp_errors *errors)
{
    double *factor = growth ? group_factors(instance, growth, errors) : NULL;
    bool ok = (!growth || factor) & (!uplift || providers_known(instance, uplift, errors));
    free(factor);
    return ok ? CP_OK : CP_ERR_INPUT;
}

int cp_scenario_uplift(cp_instance *instance, const cp_uplift *uplift, const char *spec,
                       cp_errors *errors)
{
    int n_providers = instance->providers.count;
    double *factor = cp_malloc(((size_t)n_providers + 1) * sizeof *factor);
    for (int p = 0; p < n_providers; p++)
        factor[p] = uplift->items ? 1 : 1 + uplift->pct / 100;
    bool known = providers_known(instance, uplift, errors);
    for (int i = 0; known && i < uplift->count; i++)
        factor[cp_names_find(&instance->providers, uplift->items[i].provider)] =
            1 + uplift->items[i].pct / 100;
    if (known) {
        for (int s = 0; s < instance->n_services; s++) {
            cp_service *service = &instance->services[s];
            service->weekly_price *= factor[service->provider];
            instance->what_if.services_uplifted += factor[service->provider] != 1;
        }
        for (int q = 0; q < instance->n_quotes; q++) {
            cp_quote *quote = &instance->quotes[q];
            quote->weekly_cost *= factor[instance->services[quote->service].provider];
            instance->what_if.quotes_uplifted +=
                factor[instance->services[quote->service].provider] != 1;
        }
        free(instance->what_if.uplift);
        instance->what_if.uplift = cp_strdup(spec);
    }
    free(factor);
    return known ? CP_OK : CP_ERR_INPUT;
}
