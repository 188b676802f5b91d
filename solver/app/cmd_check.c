/* carepool check DIR ASSIGNMENTS.csv: runs the independent checker on any plan and prints its
 * feasibility and every objective term. */
#include "app/commands.h"

#include "core/check.h"
#include "io/assignment_reader.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>

static void print_terms(const cp_check *check)
{
    const cp_terms *t = &check->terms;
    printf("  weekly cost  %.2f\n", check->objective);
    printf("  placement    %.2f\n  discount     %.2f (subtracted)\n  distance     %.2f\n"
           "  preference   %.2f\n  moves        %.2f\n  spot         %.2f\n"
           "  fixed        %.2f\n  contracts    %.2f (%d)\n  opened       %d\n",
           t->placement, t->discount, t->distance, t->preference, t->moves, t->spot, t->fixed,
           t->contracts, check->n_contracts, check->n_opened);
}

int cp_cmd_check(const cp_options *options)
{
    cp_instance *instance = NULL;
    const cp_config *config = NULL;
    int status = cp_app_load(options->positional[0], options->config, &instance, &config);
    if (status != CP_OK)
        return status;

    int *plan = NULL;
    cp_errors errors = {0};
    status = cp_assignment_read(options->positional[1], instance, &plan, &errors);
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    if (status == CP_OK) {
        cp_check *check = NULL;
        int violations = cp_check_plan(instance, config, plan, &check);
        printf("%s under '%s': %s (%d violations)\n", options->positional[1], config->name,
               violations ? "infeasible" : "feasible", violations);
        cp_app_print_errors(&check->violations);
        print_terms(check);
        status = violations ? CP_ERR_INFEASIBLE : CP_OK;
        cp_check_destroy(check);
    }
    free(plan);
    cp_instance_destroy(instance);
    return status;
}
