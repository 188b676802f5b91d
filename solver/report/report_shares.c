/* shares.csv and coalitions.csv of a comparison: how each pool's cost is shared among its
 * members under the proportional rule and the Shapley value, which shares exceed what a
 * member would pay on its own, and the coalitions valued to compute them, with those that
 * block (their members' shares add up to more than they would pay as a group). */
#include "engine/comparison.h"
#include "report/report_writer.h"

#include "io/escape.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void number(FILE *out, double value, int decimals)
{
    fputc(',', out);
    cp_write_csv_number(out, value, decimals);
}

/* ",proportional;shapley" or a part of it: the rules whose share exceeds cost. */
static void rules_above(FILE *out, const cp_member_share *m, double cost)
{
    bool proportional = m->proportional > cost + CP_SHARE_TOLERANCE;
    bool shapley = !isnan(m->shapley) && m->shapley > cost + CP_SHARE_TOLERANCE;
    fprintf(out, ",%s%s%s", proportional ? "proportional" : "", proportional && shapley ? ";" : "",
            shapley ? "shapley" : "");
}

static void pool_prefix(FILE *out, const cp_config_result *r, const cp_pool_result *p)
{
    cp_write_csv_field(out, r->config->name);
    fputc(',', out);
    cp_write_csv_field(out, r->config->pool_name[p->pool]);
    fputc(',', out);
}

void cp_report_shares(FILE *out, const cp_comparison *comparison)
{
    const cp_instance *instance = comparison->instance;
    fputs("configuration,pool,member,standalone_cost,alone_cost,pooled_cost,proportional_share,"
          "shapley_share,shapley_half_width,shapley,shapley_note,stability_checked,"
          "blocking_coalitions,above_standalone,above_alone\n",
          out);
    for (int c = 0; c < comparison->n_configs; c++) {
        const cp_config_result *r = &comparison->configs[c];
        for (int p = 0; p < r->n_pools; p++) {
            const cp_pool_result *pool = &r->pools[p];
            for (int i = 0; i < pool->n_members; i++) {
                const cp_member_share *m = &pool->members[i];
                pool_prefix(out, r, pool);
                cp_write_csv_field(out, instance->authorities[m->authority].id);
                number(out, m->standalone, 2);
                number(out, m->alone, 2);
                number(out, m->pooled, 2);
                number(out, m->proportional, 2);
                number(out, m->shapley, 2);
                number(out, m->half_width, 2);
                fprintf(out, ",%s,", pool->shapley);
                cp_write_csv_field(out, pool->shapley_note);
                fprintf(out, ",%s,%d", pool->checked, pool->n_blocking);
                rules_above(out, m, m->standalone);
                if (isnan(m->alone))
                    fputc(',', out);
                else
                    rules_above(out, m, m->alone);
                fputc('\n', out);
            }
        }
    }
}

/* The member ids of mask joined by '+', as one CSV field (ids may need quoting). */
static void coalition_name(FILE *out, const cp_instance *instance, const cp_pool_result *pool,
                           uint64_t mask)
{
    size_t length = 0;
    for (int i = 0; i < pool->n_members; i++)
        if (mask >> i & 1)
            length += strlen(instance->authorities[pool->members[i].authority].id) + 1;
    char *name = cp_malloc(length + 1);
    length = 0;
    for (int i = 0; i < pool->n_members; i++) {
        if (!(mask >> i & 1))
            continue;
        const char *id = instance->authorities[pool->members[i].authority].id;
        if (length)
            name[length++] = '+';
        memcpy(name + length, id, strlen(id));
        length += strlen(id);
    }
    name[length] = '\0';
    cp_write_csv_field(out, name);
    free(name);
}

void cp_report_coalitions(FILE *out, const cp_comparison *comparison)
{
    fputs("configuration,pool,coalition,size,value,rest_value,bound,status,method,seconds,"
          "proportional_sum,shapley_sum,blocks\n",
          out);
    for (int c = 0; c < comparison->n_configs; c++) {
        const cp_config_result *r = &comparison->configs[c];
        for (int p = 0; p < r->n_pools; p++) {
            const cp_pool_result *pool = &r->pools[p];
            for (int k = 0; k < pool->n_coalitions; k++) {
                const cp_coalition_result *s = &pool->coalitions[k];
                pool_prefix(out, r, pool);
                coalition_name(out, comparison->instance, pool, s->mask);
                fprintf(out, ",%d", __builtin_popcountll(s->mask));
                number(out, s->value, 2);
                number(out, s->rest_value, 2);
                number(out, s->bound, 2);
                fprintf(out, ",%s,%s", s->status, s->method);
                number(out, s->seconds, 2);
                number(out, s->proportional_sum, 2);
                number(out, s->shapley_sum, 2);
                fprintf(out, ",%s\n",
                        s->blocks_proportional && s->blocks_shapley ? "both"
                        : s->blocks_proportional                    ? "proportional"
                        : s->blocks_shapley                         ? "shapley"
                                                                    : "none");
            }
        }
    }
}
