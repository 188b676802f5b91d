/* summary.json of a comparison: each configuration's outcome (objective, bound, gap, status,
 * method, time, saving against standalone with the range its bounds certify, the configurations
 * it cannot be ranked against), the best configuration and whether it is certainly the
 * cheapest, and how the comparison
 * ran (time, memory, seed, threads, the sharing settings). One key a line. */
#include "engine/comparison.h"
#include "report/report_writer.h"
#include "util/version.h"

#include "io/escape.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void key(FILE *out, const char *indent, const char *name)
{
    fputs(indent, out);
    cp_write_json_string(out, name);
    fputs(": ", out);
}

static void number(FILE *out, const char *indent, const char *name, double value, int decimals,
                   const char *end)
{
    key(out, indent, name);
    cp_write_json_number(out, value, decimals);
    fputs(end, out);
}

static void text(FILE *out, const char *indent, const char *name, const char *value,
                 const char *end)
{
    key(out, indent, name);
    if (value)
        cp_write_json_string(out, value);
    else
        fputs("null", out);
    fputs(end, out);
}

static void configuration(FILE *out, const cp_comparison *comparison, int c)
{
    const cp_config_result *r = &comparison->configs[c];
    double cost = r->check ? r->check->objective : NAN;
    cp_saving saving = cp_comparison_saving(comparison, c);
    const char *in = "      ";
    fputs("    {\n", out);
    text(out, in, "name", r->config->name, ",\n");
    key(out, in, "pools");
    fprintf(out, "%d,\n", r->config->n_pools);
    text(out, in, "status", r->info.status, ",\n");
    text(out, in, "method", r->info.method, ",\n");
    number(out, in, "objective", cost, 6, ",\n");
    number(out, in, "bound", r->info.bound, 6, ",\n");
    number(out, in, "gap", r->info.gap, 6, ",\n");
    number(out, in, "seconds", r->info.seconds, 3, ",\n");
    number(out, in, "saving", saving.value, 6, ",\n");
    number(out, in, "saving_pct", saving.pct, 4, ",\n");
    number(out, in, "saving_low", saving.low, 6, ",\n");
    number(out, in, "saving_high", saving.high, 6, ",\n");
    key(out, in, "indistinguishable_from");
    fputc('[', out);
    const char *separator = "";
    for (int o = 0; o < comparison->n_configs; o++)
        if (cp_comparison_tied(comparison, c, o)) {
            fputs(separator, out);
            cp_write_json_string(out, comparison->configs[o].config->name);
            separator = ", ";
        }
    fputs("]\n", out);
    fprintf(out, "    }%s\n", c + 1 < comparison->n_configs ? "," : "");
}

void cp_report_comparison_summary(FILE *out, const cp_comparison *comparison)
{
    int valued = 0, blocking = 0;
    for (int c = 0; c < comparison->n_configs; c++)
        for (int p = 0; p < comparison->configs[c].n_pools; p++) {
            const cp_pool_result *pool = &comparison->configs[c].pools[p];
            blocking += pool->n_blocking;
            for (int k = 0; k < pool->n_coalitions; k++)
                valued += strcmp(pool->coalitions[k].method, "plan") != 0 &&
                          strcmp(pool->coalitions[k].status, "not_solved") != 0;
        }
    const cp_config_result *best =
        comparison->best >= 0 ? &comparison->configs[comparison->best] : NULL;
    fputs("{\n", out);
    char *name = cp_report_instance_name(comparison->instance->directory);
    text(out, "  ", "instance", name, ",\n");
    free(name);
    key(out, "  ", "configurations");
    fputs("[\n", out);
    for (int c = 0; c < comparison->n_configs; c++)
        configuration(out, comparison, c);
    fputs("  ],\n", out);
    text(out, "  ", "best", best ? best->config->name : NULL, ",\n");
    number(out, "  ", "best_objective", best ? best->check->objective : NAN, 6, ",\n");
    fprintf(out, "  \"best_certified\": %s,\n",
            cp_comparison_best_certified(comparison) ? "true" : "false");
    number(out, "  ", "seconds", comparison->seconds, 3, ",\n");
    number(out, "  ", "peak_memory_mb", comparison->peak_memory_mb, 1, ",\n");
    fprintf(out, "  \"seed\": %" PRIu64 ",\n", comparison->seed);
    fprintf(out, "  \"threads\": %d,\n", comparison->threads);
    fprintf(out, "  \"solve_threads\": %d,\n", comparison->solve_threads);
    number(out, "  ", "time_limit", comparison->time_limit, 3, ",\n");
    fprintf(out, "  \"shapley_exact_max\": %d,\n", comparison->shapley_exact_max);
    fprintf(out, "  \"shapley_samples\": %d,\n", comparison->shapley_samples);
    fprintf(out, "  \"shapley_max_members\": %d,\n", comparison->shapley_max_members);
    number(out, "  ", "coalition_work", comparison->coalition_work, CP_DECIMALS_GENERAL, ",\n");
    fprintf(out, "  \"coalitions_valued\": %d,\n", valued);
    fprintf(out, "  \"blocking_coalitions\": %d,\n", blocking);
    cp_report_what_if(out, &comparison->instance->what_if);
    text(out, "  ", "version", CAREPOOL_VERSION, "\n");
    fputs("}\n", out);
}
