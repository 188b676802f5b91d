/* The elite pool and its paths: see elite.h. */
#include "heur/elite.h"

#include "util/alloc.h"
#include "util/rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct cp_elite {
    const cp_state_model *model;
    int capacity, size;
    int spread;         /* see cp_elite_create */
    int **plans;        /* capacity slots: NULL, or a plan of n_units entries */
    double *objective;  /* per member */
    long long *kept_at; /* per member: offers before it was kept (the oldest of equals goes) */
    long long offers;
    cp_rng rng;
};

cp_elite *cp_elite_create(const cp_state_model *model, int capacity, int spread, uint64_t seed,
                          uint64_t stream)
{
    cp_elite *e = cp_calloc(1, sizeof *e);
    e->model = model;
    e->capacity = capacity;
    e->spread = spread > 1 ? spread : 1;
    e->plans = cp_calloc((size_t)capacity, sizeof *e->plans); /* filled as plans are kept */
    e->objective = cp_malloc((size_t)capacity * sizeof(double));
    e->kept_at = cp_malloc((size_t)capacity * sizeof(long long));
    cp_rng_seed(&e->rng, seed, stream);
    return e;
}

void cp_elite_destroy(cp_elite *e)
{
    if (!e)
        return;
    for (int i = 0; i < e->capacity; i++)
        free(e->plans[i]);
    free(e->plans);
    free(e->objective);
    free(e->kept_at);
    free(e);
}

int cp_elite_size(const cp_elite *e)
{
    return e->size;
}

/* Units where plans a and b differ, counted up to limit. */
static int distance(const int *a, const int *b, int n, int limit)
{
    int d = 0;
    for (int k = 0; k < n && d < limit; k++)
        d += a[k] != b[k];
    return d;
}

bool cp_elite_offer(cp_elite *e, const int *plan, double objective)
{
    int n = e->model->n_units;
    e->offers++;
    int worst = -1, near = -1, nearest = e->spread;
    for (int i = 0; i < e->size; i++) {
        int d = distance(e->plans[i], plan, n, nearest);
        if (d < nearest) {
            near = i;
            nearest = d;
        }
        if (worst < 0 || e->objective[i] > e->objective[worst] ||
            (e->objective[i] == e->objective[worst] && e->kept_at[i] < e->kept_at[worst]))
            worst = i;
    }
    int slot;
    if (near >= 0)
        slot = nearest > 0 && objective < e->objective[near] ? near : -1;
    else if (e->size < e->capacity) {
        slot = e->size++;
        e->plans[slot] = cp_malloc((size_t)n * sizeof(int) + 1);
    } else
        slot = objective < e->objective[worst] ? worst : -1;
    if (slot < 0)
        return false;
    memcpy(e->plans[slot], plan, (size_t)n * sizeof(int));
    e->objective[slot] = objective;
    e->kept_at[slot] = e->offers;
    return true;
}

long cp_elite_relink(cp_elite *e, int *plan)
{
    const cp_state_model *m = e->model;
    int n = m->n_units;
    int a = (int)cp_rng_int(&e->rng, 0, e->size - 1);
    int b = (int)cp_rng_int(&e->rng, 0, e->size - 2);
    b += b >= a;
    const int *from = e->plans[a], *to = e->plans[b];

    int *differ = cp_malloc((size_t)n * sizeof(int) + 1);
    int d = 0;
    for (int k = 0; k < n; k++)
        if (from[k] != to[k])
            differ[d++] = k;
    /* the point of least score from a quarter to three quarters of the way (on Chu-Beasley
     * d20100 better than a random point there) */
    int first = (d + 3) / 4, last = 3 * d / 4 > first ? 3 * d / 4 : first;
    cp_state *st = cp_state_create(m, from);
    long evaluated = 0;
    double least_score = INFINITY;
    for (int step = 0; step < last; step++) {
        int chosen = -1;
        double least = INFINITY;
        for (int i = 0; i < d - step; i++) { /* differ[0 .. d - step) still differ */
            cp_move move = {differ[i], to[differ[i]]};
            cp_delta delta = cp_state_delta(st, &move, 1);
            double score = delta.objective + delta.penalty;
            if (chosen < 0 || score < least || (score == least && differ[i] < differ[chosen])) {
                chosen = i;
                least = score;
            }
        }
        evaluated += d - step;
        cp_move move = {differ[chosen], to[differ[chosen]]};
        cp_state_apply(st, &move, 1);
        differ[chosen] = differ[d - step - 1];
        double score = cp_state_score(st);
        if (step + 1 >= first && score < least_score) {
            least_score = score;
            cp_state_plan(st, plan);
        }
    }
    cp_state_destroy(st);
    free(differ);
    return evaluated;
}
