/* Steps shared by the commands: the engine's parameters from the options, loading an
 * instance, choosing a configuration, building candidates, printing problems. Only app/ prints
 * errors. */
#include "app/commands.h"

#include "io/instance_reader.h"
#include "util/log.h"
#include "util/status.h"

#include <stdio.h>
#include <string.h>

cp_solve_params cp_app_solve_params(const cp_options *options)
{
    cp_solve_params params = {
        .time_limit = options->time_limit,
        .work = options->work,
        .gap = options->gap,
        .formulation =
            strcmp(options->formulation, "weak") == 0 ? CP_FORMULATION_WEAK : CP_FORMULATION_STRONG,
        .cuts = strcmp(options->cuts, "off") == 0   ? CP_CUTS_NONE
                : strcmp(options->cuts, "all") == 0 ? CP_CUTS_ALL
                                                    : CP_CUTS_DEFAULT,
        .branching =
            strcmp(options->branching, "glpk") == 0 ? CP_BRANCHING_GLPK : CP_BRANCHING_DECISIONS,
        .seed = (uint64_t)options->seed,
        .threads = (int)options->threads,
        .solver_output = options->glpk_output};
    cp_method_parse(options->method, &params.method); /* the options table checked the name */
    return params;
}

cp_compare_params cp_app_compare_params(const cp_options *options)
{
    return (cp_compare_params){.solve = cp_app_solve_params(options),
                               .shapley_samples = (int)options->shapley_samples,
                               .shapley_max_members = (int)options->shapley_max_members,
                               .coalition_work = options->coalition_work};
}

void cp_app_print_errors(const cp_errors *errors)
{
    for (size_t i = 0; i < errors->count; i++)
        fprintf(stderr, "%s\n", errors->lines[i]);
    if (errors->dropped)
        fprintf(stderr, "(%zu more problems not shown)\n", errors->dropped);
}

int cp_app_load(const char *directory, const char *config_name, cp_instance **instance,
                const cp_config **config)
{
    cp_errors errors = {0};
    int status = cp_instance_load(directory, instance, &errors);
    if (status != CP_OK) {
        cp_app_print_errors(&errors);
        cp_errors_clear(&errors);
        return status;
    }
    *config = cp_instance_config(*instance, config_name);
    if (!*config) {
        fprintf(stderr, "--config: unknown configuration '%s'; known:", config_name);
        for (int c = 0; c < (*instance)->n_configs; c++)
            fprintf(stderr, " %s", (*instance)->configs[c].name);
        fprintf(stderr, "\n");
        cp_instance_destroy(*instance);
        *instance = NULL;
        return CP_ERR_INPUT;
    }
    return CP_OK;
}

int cp_app_candidates(const cp_instance *instance, const cp_config *config,
                      cp_candidates **candidates)
{
    cp_errors why = {0};
    int status = cp_candidates_build(instance, config, candidates, &why);
    if (status != CP_OK) {
        fprintf(stderr, "infeasible under configuration '%s':\n", config->name);
        cp_app_print_errors(&why);
    }
    cp_errors_clear(&why);
    return status;
}
