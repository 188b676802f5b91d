/* comparison.csv, one row per configuration of a comparison: its cost (weekly, annual, each
 * term, the saving against standalone and the range its bounds certify), how far people are
 * placed from home, how it was solved and which configurations it cannot be ranked against;
 * and the writer of all of a comparison's files. */
#include "engine/comparison.h"
#include "report/report_writer.h"

#include "io/escape.h"
#include "util/alloc.h"
#include "util/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_value(const void *left, const void *right)
{
    double a = *(const double *)left, b = *(const double *)right;
    return (a > b) - (a < b);
}

static void number(FILE *out, double value, int decimals)
{
    fputc(',', out);
    cp_write_csv_number(out, value, decimals);
}

/* mean_km,p90_km,share_within_local_km,placed_outside_own_authority,unplaced of a plan. */
static void write_placement_stats(FILE *out, const cp_instance *instance, const int *plan,
                                  const cp_check *check)
{
    double *km = cp_malloc(((size_t)instance->n_users + 1) * sizeof *km);
    int placed = 0, outside = 0, local = 0;
    double sum = 0;
    for (int u = 0; u < instance->n_users; u++) {
        if (isnan(check->user_km[u]))
            continue;
        km[placed++] = check->user_km[u];
        sum += check->user_km[u];
        local += check->user_km[u] <= instance->settings.local_km;
        outside += instance->services[plan[u]].authority != instance->users[u].authority;
    }
    qsort(km, (size_t)placed, sizeof *km, by_value);
    number(out, placed ? sum / placed : NAN, 1);
    number(out, placed ? km[(int)ceil(0.9 * placed) - 1] : NAN, 1); /* nearest rank */
    number(out, placed ? (double)local / placed : NAN, 3);
    fprintf(out, ",%d,%d", outside, instance->n_users - placed);
    free(km);
}

/* The configurations that c cannot be ranked against at the gaps reached, joined by '+'. */
static void write_indistinguishable(FILE *out, const cp_comparison *comparison, int c)
{
    size_t length = 1;
    for (int o = 0; o < comparison->n_configs; o++)
        length += strlen(comparison->configs[o].config->name) + 1;
    char *names = cp_malloc(length), *end = names;
    *end = '\0';
    for (int o = 0; o < comparison->n_configs; o++)
        if (cp_comparison_tied(comparison, c, o))
            end +=
                sprintf(end, "%s%s", end == names ? "" : "+", comparison->configs[o].config->name);
    cp_write_csv_field(out, names);
    free(names);
}

void cp_report_comparison(FILE *out, const cp_comparison *comparison)
{
    fputs("configuration,pools,weekly_cost,annual_cost,saving,saving_pct,placement,discount,"
          "distance,preference,moves,spot,fixed,contracts,mean_km,p90_km,"
          "share_within_local_km,placed_outside_own_authority,unplaced,services_opened,"
          "contracts_signed,status,method,bound,gap,seconds,saving_low,saving_high,"
          "indistinguishable_from\n",
          out);
    for (int c = 0; c < comparison->n_configs; c++) {
        const cp_config_result *r = &comparison->configs[c];
        cp_write_csv_field(out, r->config->name);
        fprintf(out, ",%d", r->config->n_pools);
        cp_saving saving = cp_comparison_saving(comparison, c);
        if (r->check) {
            double cost = r->check->objective;
            const cp_terms *t = &r->check->terms;
            number(out, cost, 2);
            number(out, 52 * cost, 2);
            number(out, saving.value, 2);
            number(out, saving.pct, 3);
            const double terms[] = {t->placement, t->discount, t->distance, t->preference,
                                    t->moves,     t->spot,     t->fixed,    t->contracts};
            for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++)
                number(out, terms[i], 2);
            write_placement_stats(out, comparison->instance, r->plan, r->check);
            fprintf(out, ",%d,%d", r->check->n_opened, r->check->n_contracts);
        } else {
            fputs(",,,,,,,,,,,,,,,,,,,", out);
        }
        fputc(',', out);
        cp_write_csv_field(out, r->info.status);
        fputc(',', out);
        cp_write_csv_field(out, r->info.method);
        number(out, r->info.bound, 2);
        number(out, r->info.gap, 6);
        number(out, r->info.seconds, 2);
        number(out, saving.low, 2);
        number(out, saving.high, 2);
        fputc(',', out);
        write_indistinguishable(out, comparison, c);
        fputc('\n', out);
    }
}

int cp_report_comparison_write(cp_output *output, const cp_comparison *comparison)
{
    static const struct {
        const char *name;
        void (*write)(FILE *out, const cp_comparison *comparison);
    } files[] = {
        {"comparison.csv", cp_report_comparison},
        {"authorities.csv", cp_report_comparison_authorities},
        {"shares.csv", cp_report_shares},
        {"coalitions.csv", cp_report_coalitions},
        {"summary.json", cp_report_comparison_summary},
    };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        FILE *out = cp_output_file(output, files[f].name);
        if (!out)
            return CP_ERR_INTERNAL;
        files[f].write(out, comparison);
    }
    return CP_OK;
}
