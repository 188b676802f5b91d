/* carepool validate: checks an instance completely and prints what it holds. */
#include "app/commands.h"

#include "util/log.h"
#include "util/status.h"

#include <stdio.h>

static void print_statistics(const cp_instance *instance)
{
    int candidates = 0, locked = 0, current = 0, mandatory = 0;
    double capacity = 0, demand = 0;
    for (int s = 0; s < instance->n_services; s++) {
        candidates += instance->services[s].candidate;
        capacity += instance->services[s].capacity;
    }
    for (int u = 0; u < instance->n_users; u++) {
        const cp_user *user = &instance->users[u];
        locked += user->locked;
        current += user->current_service != CP_NONE;
        mandatory += !user->has_spot_cost;
        demand += user->places;
    }
    int tiers = 0;
    for (int p = 0; p < instance->providers.count; p++)
        tiers += instance->tiers[p].count;
    printf("instance %s\n", instance->directory);
    printf("  authorities     %d\n", instance->n_authorities);
    printf("  services        %d (%d candidate), %d providers, %.0f places\n",
           instance->n_services, candidates, instance->providers.count, capacity);
    printf("  people          %d needing %.0f places; %d with a current placement, %d locked, "
           "%d must be placed, %d groups\n",
           instance->n_users, demand, current, locked, mandatory, instance->groups.count);
    printf("  quotes          %d\n", instance->n_quotes);
    printf("  volume tiers    %d\n", tiers);
    printf("  configurations ");
    for (int c = 0; c < instance->n_configs; c++)
        printf(" %s (%d pools)", instance->configs[c].name, instance->configs[c].n_pools);
    printf("\n");
}

int cp_cmd_validate(const cp_options *options)
{
    cp_instance *instance = NULL;
    const cp_config *config = NULL;
    int status = cp_app_load(options->positional[0], options->config, &instance, &config);
    if (status != CP_OK)
        return status;
    print_statistics(instance);

    /* Candidate pairs are not part of validity, but show whether the filters leave a choice. */
    cp_errors why = {0};
    cp_candidates *candidates = NULL;
    if (cp_candidates_build(instance, config, &candidates, &why) == CP_OK) {
        printf("  candidate pairs %d under '%s' (%.1f per person or group)\n",
               candidates->n_pairs, config->name,
               candidates->n_units ? (double)candidates->n_pairs / candidates->n_units : 0.0);
    } else {
        for (size_t i = 0; i < why.count; i++)
            cp_warning("under '%s': %s", config->name, why.lines[i]);
    }
    cp_candidates_destroy(candidates);
    cp_errors_clear(&why);
    cp_instance_destroy(instance);
    printf("valid\n");
    return CP_OK;
}
