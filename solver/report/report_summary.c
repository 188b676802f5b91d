/* summary.json: the outcome of a run in one object: status, objective and its terms as the
 * checker computed them, the method's bound and gap, what ran, and headline counts. */
#include "util/version.h"
#include "report/report_writer.h"

#include "io/escape.h"
#include "util/alloc.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

char *cp_report_instance_name(const char *path)
{
    if (!path)
        return cp_strdup("");
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t begin = end;
    while (begin > 0 && path[begin - 1] != '/')
        begin--;
    if (begin == end && end > 0) /* the root itself */
        begin = end - 1;
    char *name = cp_malloc(end - begin + 1);
    memcpy(name, path + begin, end - begin);
    name[end - begin] = '\0';
    return name;
}

static void key(FILE *out, const char *name, const char *indent)
{
    fputs(indent, out);
    cp_write_json_string(out, name);
    fputs(": ", out);
}

static void number(FILE *out, const char *name, double value, int decimals, const char *indent)
{
    key(out, name, indent);
    cp_write_json_number(out, value, decimals);
    fputs(",\n", out);
}

static void text(FILE *out, const char *name, const char *value)
{
    key(out, name, "  ");
    cp_write_json_string(out, value);
    fputs(",\n", out);
}

/* An integer member, or null when unknown (no plan). */
static void count(FILE *out, const char *name, long value, bool known)
{
    key(out, name, "  ");
    if (known)
        fprintf(out, "%ld,\n", value);
    else
        fputs("null,\n", out);
}

/* The terms object, or null without a plan. */
static void terms(FILE *out, const cp_check *check)
{
    key(out, "terms", "  ");
    if (!check) {
        fputs("null,\n", out);
        return;
    }
    const cp_terms *t = &check->terms;
    fputs("{\n", out);
    number(out, "placement", t->placement, 6, "    ");
    number(out, "discount", t->discount, 6, "    ");
    number(out, "distance", t->distance, 6, "    ");
    number(out, "preference", t->preference, 6, "    ");
    number(out, "moves", t->moves, 6, "    ");
    number(out, "spot", t->spot, 6, "    ");
    number(out, "fixed", t->fixed, 6, "    ");
    key(out, "contracts", "    ");
    cp_write_json_number(out, t->contracts, 6);
    fputs("\n  },\n", out);
}

/* A string member, or null. */
static void text_or_null(FILE *out, const char *name, const char *value, const char *indent)
{
    key(out, name, indent);
    if (value)
        cp_write_json_string(out, value);
    else
        fputs("null", out);
    fputs(",\n", out);
}

void cp_report_what_if(FILE *out, const cp_what_if *what_if)
{
    key(out, "settings_overridden", "  ");
    fputs(what_if->n_set ? "{\n" : "{", out);
    for (int i = 0; i < what_if->n_set; i++) {
        key(out, what_if->set_keys[i], "    ");
        cp_write_json_string(out, what_if->set_values[i]);
        fputs(i + 1 < what_if->n_set ? ",\n" : "\n  ", out);
    }
    fputs("},\n", out);
    key(out, "scenario", "  ");
    if (!what_if->demand_growth && !what_if->uplift) {
        fputs("null,\n", out);
        return;
    }
    fputs("{\n", out);
    text_or_null(out, "demand_growth", what_if->demand_growth, "    ");
    text_or_null(out, "uplift", what_if->uplift, "    ");
    fprintf(out, "    \"people_added\": %d,\n", what_if->people_added);
    fprintf(out, "    \"people_removed\": %d,\n", what_if->people_removed);
    fprintf(out, "    \"services_uplifted\": %d,\n", what_if->services_uplifted);
    fprintf(out, "    \"quotes_uplifted\": %d\n  },\n", what_if->quotes_uplifted);
}

void cp_report_summary(FILE *out, const cp_instance *instance, const cp_config *config,
                       const cp_check *check, const cp_run_info *info)
{
    bool known = check != NULL; /* whether there is a plan */
    int placed = 0;
    for (int u = 0; known && u < instance->n_users; u++)
        placed += !isnan(check->user_km[u]);
    char *instance_name = cp_report_instance_name(instance->directory);

    fputs("{\n", out);
    text(out, "status", info->status);
    number(out, "objective", known ? check->objective : NAN, 6, "  ");
    number(out, "bound", info->bound, 6, "  ");
    number(out, "gap", info->gap, 6, "  ");
    terms(out, check);
    text(out, "config", config->name);
    text(out, "method", info->method);
    number(out, "seconds", info->seconds, 3, "  ");
    fprintf(out, "  \"seed\": %" PRIu64 ",\n", info->seed);
    count(out, "threads", info->threads, true);
    count(out, "moves_evaluated", (long)info->moves_evaluated, true);
    number(out, "first_plan_seconds", info->first_plan_seconds, 3, "  ");
    text(out, "version", CAREPOOL_VERSION);
    count(out, "people", instance->n_users, true);
    count(out, "placed", placed, known);
    count(out, "unplaced", instance->n_users - placed, known);
    count(out, "services_opened", known ? check->n_opened : 0, known);
    count(out, "contracts", known ? check->n_contracts : 0, known);
    count(out, "violations",
          known ? (long)(check->violations.count + check->violations.dropped) : 0, known);
    cp_report_what_if(out, &instance->what_if);
    key(out, "instance", "  ");
    cp_write_json_string(out, instance_name);
    fputs("\n}\n", out);
    free(instance_name);
}
