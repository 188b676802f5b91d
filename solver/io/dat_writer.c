/* The MathProg data section for models/placement.mod. The model is written per person, so the
 * unit-level candidates are expanded: every member of a unit gets every pair service of the
 * unit, with that person's own price, places and side costs (cp_pair_terms_of). Ids become
 * quoted symbols (a quote is doubled); numbers are printed with %.17g so that glpsol sees
 * exactly the values the solver uses. */
#include "io/dat_writer.h"

#include "core/pricing.h"
#include "util/status.h"

#include <errno.h>
#include <string.h>

/* Whether MathProg accepts text as a quoted symbol: no control character, not too long. */
static bool symbol_ok(const char *text)
{
    size_t n = strlen(text);
    if (n > CP_DAT_MAX_SYMBOL)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7f)
            return false;
    }
    return true;
}

static int check_symbol(cp_errors *errors, const char *kind, const char *text)
{
    if (symbol_ok(text))
        return 0;
    cp_errors_add(errors,
                  "dat export: %s '%s' cannot be a MathProg symbol (at most %d bytes, no "
                  "control characters)",
                  kind, text, CP_DAT_MAX_SYMBOL);
    return 1;
}

/* Number of ids that cannot be written, each reported in errors. */
static int check_symbols(const cp_candidates *c, cp_errors *errors)
{
    const cp_instance *instance = c->instance;
    int bad = 0;
    for (int u = 0; u < instance->n_users; u++)
        bad += check_symbol(errors, "user id", instance->users[u].id);
    for (int s = 0; s < instance->n_services; s++)
        bad += check_symbol(errors, "service id", instance->services[s].id);
    for (int p = 0; p < c->config->n_pools; p++)
        bad += check_symbol(errors, "pool", c->config->pool_name[p]);
    for (int r = 0; r < instance->providers.count; r++)
        bad += check_symbol(errors, "provider", instance->providers.name[r]);
    for (int g = 0; g < instance->groups.count; g++)
        bad += check_symbol(errors, "group", instance->groups.name[g]);
    return bad;
}

static void put_symbol(FILE *out, const char *text)
{
    fputc('\'', out);
    for (const char *p = text; *p; p++) {
        if (*p == '\'')
            fputc('\'', out);
        fputc(*p, out);
    }
    fputc('\'', out);
}

static void put_number(FILE *out, double value)
{
    fprintf(out, " %.17g", value);
}

/* Starts a new line of a statement's body: "\n  'id'". */
static void put_item(FILE *out, const char *id)
{
    fputs("\n  ", out);
    put_symbol(out, id);
}

static void put_pair(FILE *out, const char *a, const char *b)
{
    put_item(out, a);
    fputc(' ', out);
    put_symbol(out, b);
}

/* The group id of unit k, or NULL for a person alone. */
static const char *unit_group(const cp_candidates *c, int k)
{
    const cp_instance *instance = c->instance;
    int group = instance->users[c->unit_members[c->unit_start[k]]].group;
    return group == CP_NONE ? NULL : instance->groups.name[group];
}

static void write_header(FILE *out, const cp_candidates *c)
{
    fputs("# Data for models/placement.mod (carepool export): configuration '", out);
    for (const char *p = c->config->name; *p; p++)
        fputc((unsigned char)*p < 0x20 ? '?' : *p, out);
    int pairs = 0;
    for (int k = 0; k < c->n_units; k++) {
        int members = c->unit_start[k + 1] - c->unit_start[k];
        pairs += members * (c->pair_start[k + 1] - c->pair_start[k]);
    }
    fprintf(out, "', %d users, %d services, %d pairs\ndata;\n\n", c->instance->n_users,
            c->instance->n_services, pairs);
}

static void write_entities(FILE *out, const cp_candidates *c)
{
    const cp_instance *instance = c->instance;
    fputs("set USERS :=", out);
    for (int u = 0; u < instance->n_users; u++)
        put_item(out, instance->users[u].id);
    fputs(";\n\nset SERVICES :=", out);
    for (int s = 0; s < instance->n_services; s++)
        put_item(out, instance->services[s].id);
    fputs(";\n\nset POOLS :=", out);
    for (int p = 0; p < c->config->n_pools; p++)
        put_item(out, c->config->pool_name[p]);
    fputs(";\n\nset PROVIDERS :=", out);
    for (int r = 0; r < instance->providers.count; r++)
        put_item(out, instance->providers.name[r]);
    fputs(";\n\nparam pool :=", out);
    for (int u = 0; u < instance->n_users; u++)
        put_pair(out, instance->users[u].id,
                 c->config->pool_name[c->config->pool_of_authority[instance->users[u].authority]]);
    fputs(";\n\nparam provider :=", out);
    for (int s = 0; s < instance->n_services; s++)
        put_pair(out, instance->services[s].id,
                 instance->providers.name[instance->services[s].provider]);
    fputs(";\n\nparam capacity :=", out);
    for (int s = 0; s < instance->n_services; s++) {
        put_item(out, instance->services[s].id);
        put_number(out, instance->services[s].capacity);
    }
    fputs(";\n\nparam : CANDIDATE : fixed_cost min_occupancy :=", out);
    for (int s = 0; s < instance->n_services; s++) {
        const cp_service *service = &instance->services[s];
        if (!service->candidate)
            continue;
        put_item(out, service->id);
        put_number(out, service->fixed_cost);
        put_number(out, service->min_occupancy);
    }
    fputs(";\n\n", out);
}

/* Units expanded to people: every member of a unit gets every pair service of the unit, with
 * that person's terms; members of units that may stay unplaced form SPOT. */
static void write_pairs(FILE *out, const cp_candidates *c)
{
    const cp_instance *instance = c->instance;
    fputs("param : PAIRS : price places cost :=", out);
    for (int k = 0; k < c->n_units; k++)
        for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
            for (int p = c->pair_start[k]; p < c->pair_start[k + 1]; p++) {
                int user = c->unit_members[i], service = c->pair_service[p];
                cp_pair_terms t = cp_pair_terms_of(instance, user, service);
                put_pair(out, instance->users[user].id, instance->services[service].id);
                put_number(out, t.price);
                put_number(out, t.places);
                put_number(out, t.distance + t.preference + t.move);
            }
    fputs(";\n\nparam : SPOT : unplaced_cost :=", out);
    for (int k = 0; k < c->n_units; k++) {
        if (!c->unit_can_unplace[k])
            continue;
        for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++) {
            put_item(out, instance->users[c->unit_members[i]].id);
            put_number(out, cp_unplaced_cost(instance, c->unit_members[i]));
        }
    }
    fputs(";\n\n", out);
}

/* Every group with its members (the members of its unit). */
static void write_groups(FILE *out, const cp_candidates *c)
{
    const cp_instance *instance = c->instance;
    fputs("set GROUPS :=", out);
    for (int k = 0; k < c->n_units; k++)
        if (unit_group(c, k))
            put_item(out, unit_group(c, k));
    fputs(";\n", out);
    for (int k = 0; k < c->n_units; k++) {
        if (!unit_group(c, k))
            continue;
        fputs("set MEMBERS[", out);
        put_symbol(out, unit_group(c, k));
        fputs("] :=", out);
        for (int i = c->unit_start[k]; i < c->unit_start[k + 1]; i++)
            put_item(out, instance->users[c->unit_members[i]].id);
        fputs(";\n", out);
    }
    fputs("\n", out);
}

static void write_economics(FILE *out, const cp_candidates *c)
{
    const cp_instance *instance = c->instance;
    fputs("param n_tiers :=", out);
    for (int r = 0; r < instance->providers.count; r++)
        if (instance->tiers[r].count > 0) {
            put_item(out, instance->providers.name[r]);
            fprintf(out, " %d", instance->tiers[r].count);
        }
    fputs(";\n\nparam : min_places discount :=", out);
    for (int r = 0; r < instance->providers.count; r++)
        for (int t = 0; t < instance->tiers[r].count; t++) {
            put_item(out, instance->providers.name[r]);
            fprintf(out, " %d", t + 1);
            put_number(out, instance->tiers[r].tiers[t].min_places);
            put_number(out, instance->tiers[r].tiers[t].discount);
        }
    fputs(";\n\nparam contract_cost :=", out);
    put_number(out, instance->settings.contract_cost);
    fputs(";\nparam max_share :=", out);
    put_number(out, instance->settings.max_provider_share);
    fputs(";\n\nend;\n", out);
}

int cp_dat_write(FILE *out, const cp_candidates *candidates, cp_errors *errors)
{
    if (check_symbols(candidates, errors) > 0)
        return CP_ERR_INPUT;
    write_header(out, candidates);
    write_entities(out, candidates);
    write_pairs(out, candidates);
    write_groups(out, candidates);
    write_economics(out, candidates);
    if (fflush(out) != 0 || ferror(out)) {
        cp_errors_add(errors, "dat export: write failed: %s", strerror(errno));
        return CP_ERR_INTERNAL;
    }
    return CP_OK;
}
