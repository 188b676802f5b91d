/* What a comparison's bounds certify: each configuration's saving against standalone as a
 * range, and which configurations can be ranked at the gaps reached. Policy teams act on
 * "grouping A saves at least X over B", which holds only where the gaps are smaller than the
 * differences. */
#include "engine/comparison.h"

#include <math.h>

/* A finite bound, or NAN. */
static double bound_of(const cp_config_result *r)
{
    return isfinite(r->info.bound) ? r->info.bound : NAN;
}

cp_saving cp_comparison_saving(const cp_comparison *comparison, int c)
{
    const cp_config_result *standalone = &comparison->configs[0], *r = &comparison->configs[c];
    if (!standalone->check || !r->check)
        return (cp_saving){NAN, NAN, NAN, NAN};
    double base = standalone->check->objective, cost = r->check->objective;
    cp_saving saving = {.value = base - cost, .pct = 100 * (base - cost) / fmax(base, 1e-9)};
    if (c == 0) {
        saving.low = saving.high = 0;
    } else {
        saving.low = bound_of(standalone) - cost;
        saving.high = base - bound_of(r);
    }
    return saving;
}

bool cp_comparison_apart(const cp_comparison *comparison, int a, int b)
{
    const cp_config_result *x = &comparison->configs[a], *y = &comparison->configs[b];
    if (!x->check || !y->check)
        return false;
    return x->check->objective < bound_of(y) - CP_SHARE_TOLERANCE ||
           y->check->objective < bound_of(x) - CP_SHARE_TOLERANCE;
}

bool cp_comparison_tied(const cp_comparison *comparison, int a, int b)
{
    return a != b && comparison->configs[a].check && comparison->configs[b].check &&
           !cp_comparison_apart(comparison, a, b);
}

bool cp_comparison_best_certified(const cp_comparison *comparison)
{
    if (comparison->best < 0)
        return false;
    for (int c = 0; c < comparison->n_configs; c++)
        if (cp_comparison_tied(comparison, comparison->best, c))
            return false;
    return true;
}
