/* The model's rules that are not inline: see rules.h. */
#include "core/rules.h"

bool cp_rules_owner_closes(const cp_instance *instance, const cp_config *config, int service,
                           int pool)
{
    int owner = instance->services[service].owner;
    return owner != CP_NONE && config->pool_of_authority[owner] != pool;
}

double cp_rules_round_bound(double bound)
{
    return ceil(bound - 1e-6);
}
