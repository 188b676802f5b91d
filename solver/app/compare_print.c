/* The terminal summary of compare (stdout): a row per configuration (weekly cost, saving
 * against standalone in GBP and %, mean km, gap), then what it shows: the best
 * configuration and why, the councils that gain most there, members whose share exceeds
 * their standalone cost under either rule, and blocking coalitions. */
#include "app/commands.h"
#include "engine/comparison.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double mean_km(const cp_instance *instance, const cp_check *check)
{
    double sum = 0;
    int placed = 0;
    for (int u = 0; u < instance->n_users; u++)
        if (!isnan(check->user_km[u])) {
            sum += check->user_km[u];
            placed++;
        }
    return placed ? sum / placed : NAN;
}

static void table(const cp_comparison *comparison)
{
    printf("  %-28s %5s %14s %12s %8s %25s %8s %8s  %s\n", "configuration", "pools", "weekly cost",
           "saving", "saving%", "certified saving", "mean km", "gap%", "status");
    for (int c = 0; c < comparison->n_configs; c++) {
        const cp_config_result *r = &comparison->configs[c];
        printf("  %-28s %5d ", r->config->name, r->config->n_pools);
        if (r->check) {
            cp_saving saving = cp_comparison_saving(comparison, c);
            char range[64];
            snprintf(range, sizeof range, "%.0f to %.0f", saving.low, saving.high);
            printf("%14.2f %12.2f %7.2f%% %25s %8.1f %7.3f%%", r->check->objective, saving.value,
                   saving.pct, range, mean_km(comparison->instance, r->check), 100 * r->info.gap);
        } else {
            printf("%14s %12s %8s %25s %8s %8s", "-", "-", "-", "-", "-", "-");
        }
        printf("  %s (%s)\n", r->info.status, r->info.method);
    }
}

/* The up to three authorities saving most in r against standalone. */
static void gainers(const cp_comparison *comparison, const cp_config_result *r)
{
    const cp_instance *instance = comparison->instance;
    const double *alone = comparison->configs[0].authority_cost;
    int top[3] = {-1, -1, -1};
    for (int a = 0; a < instance->n_authorities; a++) {
        double saving = alone[a] - r->authority_cost[a];
        if (saving <= CP_SHARE_TOLERANCE)
            continue;
        for (int t = 0; t < 3; t++) {
            if (top[t] < 0 || saving > alone[top[t]] - r->authority_cost[top[t]]) {
                for (int u = 2; u > t; u--)
                    top[u] = top[u - 1];
                top[t] = a;
                break;
            }
        }
    }
    if (top[0] < 0) {
        printf("  No council's own cost falls against standalone.\n");
        return;
    }
    printf("  Councils whose own cost falls most:");
    for (int t = 0; t < 3 && top[t] >= 0; t++) {
        int a = top[t];
        double saving = alone[a] - r->authority_cost[a];
        printf("%s %s %.2f a week (%.1f%%)", t ? "," : "", instance->authorities[a].id, saving,
               100 * saving / fmax(alone[a], 1e-9));
    }
    printf(".\n");
}

static bool worse_off(const cp_member_share *m, bool *proportional, bool *shapley)
{
    *proportional = m->proportional > m->standalone + CP_SHARE_TOLERANCE;
    *shapley = !isnan(m->shapley) && m->shapley > m->standalone + CP_SHARE_TOLERANCE;
    return *proportional || *shapley;
}

/* One line on the sharing in r's pools: how the Shapley value was computed, members worse
 * off than standalone, blocking coalitions; with named members for the best configuration. */
static void sharing(const cp_comparison *comparison, const cp_config_result *r, bool named)
{
    int kind[3] = {0, 0, 0}, worse = 0, blocking = 0, checked = 0, unvalued = 0, shown = 0;
    for (int p = 0; p < r->n_pools; p++) {
        const cp_pool_result *pool = &r->pools[p];
        bool exact = strcmp(pool->shapley, "exact") == 0;
        kind[exact ? 0 : strcmp(pool->shapley, "sampled") == 0 ? 1 : 2]++;
        blocking += pool->n_blocking;
        for (int k = 0; k + 1 < pool->n_coalitions; k++) {
            checked += !isnan(pool->coalitions[k].value);
            unvalued += isnan(pool->coalitions[k].value);
        }
        for (int i = 0; i < pool->n_members; i++) {
            const cp_member_share *m = &pool->members[i];
            bool proportional, shapley;
            if (!worse_off(m, &proportional, &shapley))
                continue;
            worse++;
            if (named && shown++ < 5)
                printf("  %s would pay more than its standalone %.2f under %s%s%s "
                       "(proportional %.2f, Shapley %.2f).\n",
                       comparison->instance->authorities[m->authority].id, m->standalone,
                       proportional ? "proportional" : "", proportional && shapley ? " and " : "",
                       shapley ? "Shapley" : "", m->proportional, m->shapley);
        }
    }
    if (r->n_pools == 0)
        return;
    if (named && shown > 5)
        printf("  ... and %d more (shares.csv, column above_standalone).\n", shown - 5);
    printf("  Sharing in '%s': %d pool%s (Shapley exact %d, sampled %d, none %d); %d member%s "
           "above standalone under either rule; %d blocking coalition%s of %d checked",
           r->config->name, r->n_pools, r->n_pools == 1 ? "" : "s", kind[0], kind[1], kind[2],
           worse, worse == 1 ? "" : "s", blocking, blocking == 1 ? "" : "s", checked);
    if (unvalued)
        printf("; %d coalitions not valued (interrupted, or no plan)", unvalued);
    printf(".\n");
}

/* The configurations the best cannot be ranked against at the gaps reached. */
static void untold(const cp_comparison *comparison)
{
    printf("  Not certain at the gaps reached: its cost is not below the bound of");
    const char *separator = " ";
    for (int c = 0; c < comparison->n_configs; c++)
        if (cp_comparison_tied(comparison, comparison->best, c)) {
            printf("%s'%s' (%.0f a week dearer, bound %.0f)", separator,
                   comparison->configs[c].config->name,
                   comparison->configs[c].check->objective -
                       comparison->configs[comparison->best].check->objective,
                   comparison->configs[c].info.bound);
            separator = ", ";
        }
    printf("; more time or a smaller --gap may rank them.\n");
}

void cp_app_print_comparison(const cp_comparison *comparison, const char *output)
{
    printf("%s: %d configurations compared in %.1f s (peak memory %.0f MB)\n",
           comparison->instance->directory, comparison->n_configs, comparison->seconds,
           comparison->peak_memory_mb);
    table(comparison);
    if (comparison->best < 0) {
        printf("No configuration has a plan.\n");
    } else {
        const cp_config_result *best = &comparison->configs[comparison->best];
        const cp_check *standalone = comparison->configs[0].check;
        printf("Best: '%s', the least weekly cost, %.2f (%.0f a year)", best->config->name,
               best->check->objective, 52 * best->check->objective);
        if (standalone && comparison->best != 0) {
            double saving = standalone->objective - best->check->objective;
            printf(", saving %.2f a week (%.2f%%, %.0f a year) against standalone", saving,
                   100 * saving / fmax(standalone->objective, 1e-9), 52 * saving);
        }
        printf(".\n");
        if (!cp_comparison_best_certified(comparison))
            untold(comparison);
        if (standalone && comparison->best != 0)
            gainers(comparison, best);
    }
    for (int c = 1; c < comparison->n_configs; c++)
        sharing(comparison, &comparison->configs[c], c == comparison->best);
    printf("Results in %s (comparison.csv, authorities.csv, shares.csv, coalitions.csv, "
           "summary.json)\n",
           output);
}
