/* authorities.csv of a comparison, in long format: one row per authority and configuration
 * with its attributed weekly cost (core/attribute.h), its pool and its saving against the
 * standalone configuration. */
#include "engine/comparison.h"
#include "report/report_writer.h"

#include "io/escape.h"

#include <math.h>

void cp_report_comparison_authorities(FILE *out, const cp_comparison *comparison)
{
    const cp_instance *instance = comparison->instance;
    const double *standalone = comparison->configs[0].authority_cost;
    fputs("authority,configuration,pool,weekly_cost,standalone_cost,saving,saving_pct\n", out);
    for (int a = 0; a < instance->n_authorities; a++) {
        for (int c = 0; c < comparison->n_configs; c++) {
            const cp_config_result *r = &comparison->configs[c];
            if (!r->authority_cost)
                continue;
            double cost = r->authority_cost[a];
            double alone = standalone ? standalone[a] : NAN;
            cp_write_csv_field(out, instance->authorities[a].id);
            fputc(',', out);
            cp_write_csv_field(out, r->config->name);
            fputc(',', out);
            cp_write_csv_field(out, r->config->pool_name[r->config->pool_of_authority[a]]);
            fputc(',', out);
            cp_write_csv_number(out, cost, 2);
            fputc(',', out);
            cp_write_csv_number(out, alone, 2);
            fputc(',', out);
            cp_write_csv_number(out, alone - cost, 2);
            fputc(',', out);
            cp_write_csv_number(out, fabs(alone) > 1e-9 ? 100 * (alone - cost) / alone : NAN, 3);
            fputc('\n', out);
        }
    }
}
