/* The games of compare: for every pool of two or more members (those with people or services
 * of their own), which coalitions to value (every one up to 10 members; those visited by the
 * sampled orders, every member alone and their complements up to --shapley-max-members; none
 * above that), and their values. A coalition S is valued by solving all of the pool's people
 * as two pools, S and the rest of the pool, in the market the configuration's other pools
 * leave (core/coalition.h): S's value is its members' attributed costs in that plan, and the
 * same solve values the complement, so each complementary pair is one solve. Each solve is
 * the heuristic's search from the configuration's plan (compare_split.c), on one thread with
 * a work budget and no time limit, so that values repeat exactly from run to run; solves run
 * side by side, largest pool first. */
#include "engine/compare.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/candidates.h"
#include "core/coalition.h"
#include "core/pricing.h"
#include "share/proportional.h"
#include "share/sampled.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/rng.h"
#include "util/status.h"
#include "util/timer.h"

/* Seconds between progress notes while coalitions are valued. */
enum { PROGRESS_SECONDS = 10 };

/* Memory of a two-pool solve per candidate pair: the split's candidates and the search's
 * state (the heuristic's 80 bytes a pair, see compare_configs.c, is the larger). */
static const double bytes_per_pair = 80;

typedef struct game {
    cp_pool_result *pool;
    uint64_t seed;             /* of the sampled orders */
    double *reserved;          /* per service: places of the configuration's other pools */
    int people;                /* the pool's */
    const int *plan;           /* the configuration's */
    cp_coalition whole;        /* the pool's people in that market, its members as one pool */
    cp_candidates *candidates; /* of whole; NULL when some person has none */
} game;

typedef struct job {
    game *game;
    int k, rest; /* into game->pool->coalitions: S (holds member 0) and P \ S */
    int people;  /* in the pool */
    int order;   /* ties broken by creation order */
} job;

typedef struct games {
    const cp_compare_params *params;
    const cp_comparison *comparison;
    job *jobs;
    int n_jobs;
    pthread_mutex_t lock; /* guards the progress below */
    int done;
    double start, last_note;
} games;

/* Counts one coalition valued; a note every PROGRESS_SECONDS. */
static void progress(games *all)
{
    pthread_mutex_lock(&all->lock);
    all->done++;
    double now = cp_wall_seconds() - all->start;
    if (now - all->last_note >= PROGRESS_SECONDS && all->done < all->n_jobs) {
        all->last_note = now;
        cp_compare_note("%8.1fs  %d of %d two-pool solves done", now, all->done, all->n_jobs);
    }
    pthread_mutex_unlock(&all->lock);
}

static int by_mask(const void *left, const void *right)
{
    uint64_t a = *(const uint64_t *)left, b = *(const uint64_t *)right;
    return (a > b) - (a < b);
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return cp_strdup(text);
}

/* Sorts masks[0..count) and drops repeats; returns the new count. */
static int sort_unique(uint64_t *masks, int count)
{
    qsort(masks, (size_t)count, sizeof *masks, by_mask);
    int unique = 0;
    for (int k = 0; k < count; k++)
        if (unique == 0 || masks[k] != masks[unique - 1])
            masks[unique++] = masks[k];
    return unique;
}

/* The masks to value for pool (sorted, unique, the whole pool last, each proper coalition
 * with its complement) and the rule's names. */
static int coalitions_of(const cp_compare_params *params, cp_pool_result *pool, uint64_t seed,
                         uint64_t **masks)
{
    int n = pool->n_members;
    uint64_t all = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
    if (n > params->shapley_max_members) {
        *masks = cp_malloc(sizeof **masks);
        (*masks)[0] = all;
        pool->shapley = "none";
        pool->checked = "none";
        pool->shapley_note = format("%d members (above --shapley-max-members %d): proportional "
                                    "shares only; no coalition valued",
                                    n, params->shapley_max_members);
        return 1;
    }
    if (n <= CP_COMPARE_EXACT_MAX) {
        int count = (int)all;
        *masks = cp_malloc((size_t)count * sizeof **masks);
        for (int k = 0; k < count; k++)
            (*masks)[k] = (uint64_t)k + 1;
        pool->shapley = "exact";
        pool->checked = "all";
        pool->shapley_note = format("exact: all %d coalitions valued by %d two-pool solve%s",
                                    count - 1, count / 2, count / 2 == 1 ? "" : "s");
        return count;
    }
    uint64_t *sampled = NULL;
    int n_sampled = cp_share_sampled_coalitions(n, params->shapley_samples, seed, &sampled);
    *masks = cp_malloc(2 * ((size_t)n_sampled + (size_t)n) * sizeof **masks);
    int count = 0;
    for (int k = 0; k < n_sampled; k++) {
        (*masks)[count++] = sampled[k];
        if (sampled[k] != all)
            (*masks)[count++] = all ^ sampled[k];
    }
    for (int i = 0; i < n; i++) {
        (*masks)[count++] = (uint64_t)1 << i;
        (*masks)[count++] = all ^ (uint64_t)1 << i;
    }
    free(sampled);
    count = sort_unique(*masks, count);
    pool->shapley = "sampled";
    pool->checked = "sampled";
    pool->shapley_note = format("sampled: %d random orders; %d coalitions valued by %d "
                                "two-pool solves; 95%% half-widths",
                                params->shapley_samples, count - 1, (count - 1) / 2);
    return count;
}

/* Whether authority a takes part in games: it has people, or services of its own. */
static bool *players(const cp_instance *instance)
{
    bool *plays = cp_calloc((size_t)instance->n_authorities, sizeof *plays);
    for (int u = 0; u < instance->n_users; u++)
        plays[instance->users[u].authority] = true;
    for (int s = 0; s < instance->n_services; s++)
        if (instance->services[s].owner >= 0)
            plays[instance->services[s].owner] = true;
    return plays;
}

/* Sets up the game of pool p of configuration r; false when fewer than two members play. */
static bool set_up(const cp_compare_params *params, const cp_comparison *comparison,
                   const cp_config_result *r, int p, const bool *plays, game *g)
{
    const cp_instance *instance = comparison->instance;
    int n = 0;
    for (int a = 0; a < instance->n_authorities; a++)
        n += r->config->pool_of_authority[a] == p && plays[a];
    if (n < 2)
        return false;
    cp_pool_result *pool = g->pool;
    *pool = (cp_pool_result){.pool = p, .n_members = n};
    pool->members = cp_calloc((size_t)n, sizeof *pool->members);
    double *standalone = cp_malloc((size_t)n * sizeof *standalone);
    double *proportional = cp_malloc((size_t)n * sizeof *proportional);
    n = 0;
    for (int a = 0; a < instance->n_authorities; a++) {
        if (r->config->pool_of_authority[a] != p || !plays[a])
            continue;
        cp_member_share *m = &pool->members[n];
        *m = (cp_member_share){.authority = a,
                               .standalone = comparison->configs[0].authority_cost[a],
                               .alone = NAN,
                               .pooled = r->authority_cost[a],
                               .shapley = NAN,
                               .half_width = NAN};
        standalone[n++] = m->standalone;
        pool->value += m->pooled;
    }
    cp_share_proportional(n, pool->value, standalone, proportional);
    for (int i = 0; i < n; i++)
        pool->members[i].proportional = proportional[i];
    free(standalone);
    free(proportional);

    g->seed = params->solve.seed ^ cp_rng_stream_of(r->config->pool_name[p]);
    uint64_t *masks = NULL;
    pool->n_coalitions = coalitions_of(params, pool, g->seed, &masks);
    pool->coalitions = cp_calloc((size_t)pool->n_coalitions, sizeof *pool->coalitions);
    for (int k = 0; k < pool->n_coalitions; k++)
        pool->coalitions[k] = (cp_coalition_result){.mask = masks[k],
                                                    .value = NAN,
                                                    .rest_value = NAN,
                                                    .bound = NAN,
                                                    .status = "not_solved",
                                                    .method = "search",
                                                    .shapley_sum = NAN};
    free(masks);
    cp_coalition_result *whole = &pool->coalitions[pool->n_coalitions - 1];
    whole->value = pool->value;
    whole->rest_value = 0;
    whole->status = r->info.status;
    whole->method = "plan";
    if (pool->n_coalitions == 1)
        return true; /* nothing to solve */

    g->reserved = cp_calloc((size_t)instance->n_services, sizeof *g->reserved);
    for (int u = 0; u < instance->n_users; u++) {
        if (r->config->pool_of_authority[instance->users[u].authority] == p) {
            g->people++;
        } else if (r->plan[u] != CP_NONE) {
            g->reserved[r->plan[u]] += cp_pair_terms_of(instance, u, r->plan[u]).places;
        }
    }
    bool *member = cp_calloc((size_t)instance->n_authorities, sizeof *member);
    for (int i = 0; i < n; i++)
        member[pool->members[i].authority] = true;
    cp_coalition_create(instance, member, NULL, g->reserved, &g->whole);
    free(member);
    cp_errors why = {0};
    if (cp_candidates_build(g->whole.instance, &g->whole.config, &g->candidates, &why) != CP_OK)
        g->candidates = NULL;
    cp_errors_clear(&why);
    g->plan = r->plan;
    return true;
}

/* The two-pool solve of job j: the pool split into S and the rest, searched from the
 * configuration's plan. */
static void value_one(void *context, int j)
{
    games *all = context;
    const cp_instance *instance = all->comparison->instance;
    game *g = all->jobs[j].game;
    cp_coalition_result *s = &g->pool->coalitions[all->jobs[j].k];
    cp_coalition_result *rest = &g->pool->coalitions[all->jobs[j].rest];
    if (cp_interrupt_requested())
        return;
    double start = cp_wall_seconds();
    bool *member = cp_calloc((size_t)instance->n_authorities, sizeof *member);
    bool *others = cp_calloc((size_t)instance->n_authorities, sizeof *others);
    for (int i = 0; i < g->pool->n_members; i++) {
        member[g->pool->members[i].authority] = true;
        others[g->pool->members[i].authority] = rest->mask >> i & 1;
    }
    bool *in_s = cp_calloc((size_t)instance->n_authorities, sizeof *in_s);
    for (int i = 0; i < g->pool->n_members; i++)
        in_s[g->pool->members[i].authority] = s->mask >> i & 1;
    cp_coalition split;
    cp_coalition_create(instance, in_s, others, g->reserved, &split);
    if (g->candidates)
        cp_compare_split_value(all->params, g->candidates, g->plan, &split, member, s, rest);
    else
        s->status = "infeasible";
    cp_coalition_destroy(&split);
    free(member);
    free(others);
    free(in_s);
    s->seconds = cp_wall_seconds() - start;
    rest->status = s->status;
    rest->method = s->method;
    rest->bound = s->bound;
    rest->seconds = s->seconds;
    progress(all);
}

static int by_size(const void *left, const void *right)
{
    const job *a = left, *b = right;
    if (a->people != b->people)
        return a->people > b->people ? -1 : 1;
    return (a->order > b->order) - (a->order < b->order);
}

void cp_compare_share(const cp_compare_params *params, cp_comparison *comparison)
{
    const cp_instance *instance = comparison->instance;
    if (!comparison->configs[0].check)
        return;
    bool *plays = players(instance);
    int n_games = 0, n_jobs = 0, capacity = 0;
    for (int c = 1; c < comparison->n_configs; c++)
        capacity += comparison->configs[c].check ? comparison->configs[c].config->n_pools : 0;
    game *list = cp_calloc((size_t)capacity + 1, sizeof *list);
    for (int c = 1; c < comparison->n_configs; c++) {
        cp_config_result *r = &comparison->configs[c];
        if (!r->check)
            continue;
        r->pools = cp_calloc((size_t)r->config->n_pools, sizeof *r->pools);
        for (int p = 0; p < r->config->n_pools; p++) {
            list[n_games].pool = &r->pools[r->n_pools];
            if (set_up(params, comparison, r, p, plays, &list[n_games])) {
                n_jobs += (r->pools[r->n_pools].n_coalitions - 1) / 2;
                r->n_pools++;
                n_games++;
            }
        }
    }
    free(plays);

    games all = {.params = params, .comparison = comparison};
    all.jobs = cp_malloc(((size_t)n_jobs + 1) * sizeof *all.jobs);
    int largest = 0;
    n_jobs = 0;
    for (int g = 0; g < n_games; g++) {
        const cp_pool_result *pool = list[g].pool;
        int people = list[g].people;
        largest = people > largest ? people : largest;
        uint64_t whole = pool->coalitions[pool->n_coalitions - 1].mask;
        for (int k = 0; k + 1 < pool->n_coalitions; k++) {
            if (!(pool->coalitions[k].mask & 1)) /* the solve of the complement values it */
                continue;
            all.jobs[n_jobs] =
                (job){.game = &list[g],
                      .k = k,
                      .rest = cp_compare_find(pool, whole ^ pool->coalitions[k].mask),
                      .people = people,
                      .order = n_jobs};
            n_jobs++;
        }
    }
    all.n_jobs = n_jobs;
    qsort(all.jobs, (size_t)n_jobs, sizeof *all.jobs, by_size);
    double pairs_per_person =
        (double)comparison->standalone_pairs / (instance->n_users > 0 ? instance->n_users : 1);
    int workers =
        cp_compare_fit_memory(largest * pairs_per_person * bytes_per_pair, comparison->threads);
    if (n_jobs > 0)
        cp_compare_note("valuing coalitions by %d two-pool solves in %d pools, %d at a time "
                        "(search from the plan, %g moves per candidate pair)",
                        n_jobs, n_games, workers, params->coalition_work);
    pthread_mutex_init(&all.lock, NULL);
    all.start = cp_wall_seconds();
    cp_compare_hush();
    cp_compare_run(n_jobs, workers, value_one, &all);
    cp_compare_unhush();
    pthread_mutex_destroy(&all.lock);
    if (n_jobs > 0)
        cp_compare_note("%d two-pool solves done in %.1f s", all.done,
                        cp_wall_seconds() - all.start);
    for (int g = 0; g < n_games; g++) {
        cp_compare_rules(list[g].pool, params->shapley_samples, list[g].seed);
        free(list[g].reserved);
        cp_candidates_destroy(list[g].candidates);
        cp_coalition_destroy(&list[g].whole);
    }
    free(all.jobs);
    free(list);
}
