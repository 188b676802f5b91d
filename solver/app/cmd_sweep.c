/* carepool sweep PLAN.csv -o OUT: every scenario of the plan is a `carepool solve` with the
 * row's options, into OUT/runs/ID. Every row is checked before any solve starts (its options
 * as solve parses them, its instance loaded and its configuration found), so a bad row costs
 * nothing; the sweep itself (journal, ranks, tables) is the sweep layer's. */
#include "app/commands.h"

#include "io/instance_reader.h"
#include "sweep/plan.h"
#include "sweep/ranks.h"
#include "sweep/sweep.h"
#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/log.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The exit status of a sweep stopped by SIGINT or SIGTERM, as a shell reports an interrupt. */
#define SWEEP_INTERRUPTED 130

/* Parses `carepool solve INSTANCE -o DIRECTORY --quiet` and the first n_options options of
 * scenario. argv must hold 6 + 2 * n_options pointers and outlive *options. */
static int parse_scenario(const cp_sweep_scenario *scenario, int n_options, const char *directory,
                          char **argv, cp_options *options, cp_errors *errors)
{
    int argc = 0;
    argv[argc++] = "carepool";
    argv[argc++] = "solve";
    argv[argc++] = scenario->instance;
    argv[argc++] = "-o";
    argv[argc++] = (char *)directory;
    argv[argc++] = "--quiet";
    for (int o = 0; o < n_options; o++) {
        argv[argc++] = (char *)scenario->options[o].flag;
        argv[argc++] = scenario->options[o].value;
    }
    bool help = false;
    return cp_options_parse(argc, argv, options, &help, errors);
}

static int solve_scenario(const cp_sweep_scenario *scenario, const char *directory, void *context)
{
    (void)context;
    char **argv = cp_malloc(sizeof(char *) * (size_t)(6 + 2 * scenario->n_options));
    cp_options options;
    cp_errors errors = {0};
    int status = parse_scenario(scenario, scenario->n_options, directory, argv, &options, &errors);
    if (status == CP_OK) {
        enum cp_verbosity verbosity = cp_log_verbosity();
        cp_log_set_verbosity(CP_QUIET);
        status = cp_app_solve(&options, false);
        cp_log_set_verbosity(verbosity);
    } else {
        cp_app_print_errors(&errors); /* the checks before the sweep make this unreachable */
    }
    cp_errors_clear(&errors);
    free(argv);
    return status;
}

/* Each option of each row, parsed alone so that a problem names its column. */
static void check_options(const cp_sweep_plan *plan, cp_errors *errors)
{
    for (int s = 0; s < plan->n_scenarios; s++) {
        const cp_sweep_scenario *scenario = &plan->scenarios[s];
        char *argv[8];
        for (int o = 0; o < scenario->n_options; o++) {
            cp_sweep_scenario one = *scenario;
            one.options = &scenario->options[o];
            cp_options options;
            cp_errors problems = {0};
            if (parse_scenario(&one, 1, "OUT", argv, &options, &problems) != CP_OK)
                for (size_t i = 0; i < problems.count; i++)
                    cp_errors_at(errors, plan->name, scenario->line, one.options->column, NULL,
                                 "%s", problems.lines[i]);
            cp_errors_clear(&problems);
        }
    }
}

/* The what-ifs of scenario (--set, --demand-growth, --uplift), checked against its instance. */
static void check_what_ifs(const cp_sweep_plan *plan, const cp_sweep_scenario *scenario,
                           const cp_instance *instance, cp_errors *errors)
{
    char **argv = cp_malloc(sizeof(char *) * (size_t)(6 + 2 * scenario->n_options));
    cp_options options;
    cp_errors problems = {0};
    if (parse_scenario(scenario, scenario->n_options, "OUT", argv, &options, &problems) == CP_OK)
        cp_app_what_if_check(&options, instance, &problems);
    else
        cp_errors_clear(&problems); /* check_options reported them, column by column */
    for (size_t i = 0; i < problems.count; i++)
        cp_errors_at(errors, plan->name, scenario->line, NULL, NULL, "%s", problems.lines[i]);
    cp_errors_clear(&problems);
    free(argv);
}

static const char *config_of(const cp_sweep_scenario *scenario)
{
    for (int o = 0; o < scenario->n_options; o++)
        if (strcmp(scenario->options[o].flag, "--config") == 0)
            return scenario->options[o].value;
    return "pooled";
}

/* Loads each instance once: every row's instance must load, hold its configuration and take
 * its what-ifs. Sets
 * each scenario's size (people), by which the larger run first. */
static void check_instances(cp_sweep_plan *plan, cp_errors *errors)
{
    bool *checked = cp_calloc((size_t)plan->n_scenarios, sizeof(bool));
    for (int s = 0; s < plan->n_scenarios; s++) {
        if (checked[s] || !plan->scenarios[s].usable)
            continue;
        cp_instance *instance = NULL;
        cp_errors problems = {0};
        int loaded = cp_instance_load(plan->scenarios[s].instance, &instance, &problems);
        for (size_t i = 0; i < problems.count; i++)
            cp_errors_add(errors, "%s", problems.lines[i]);
        cp_errors_clear(&problems);
        for (int t = s; t < plan->n_scenarios; t++) {
            cp_sweep_scenario *scenario = &plan->scenarios[t];
            if (checked[t] || !scenario->usable ||
                strcmp(scenario->instance, plan->scenarios[s].instance) != 0)
                continue;
            checked[t] = true;
            if (loaded != CP_OK) {
                cp_errors_at(errors, plan->name, scenario->line, "instance", scenario->instance,
                             "cannot be loaded (see above)");
            } else if (!cp_instance_config(instance, config_of(scenario))) {
                cp_errors_at(errors, plan->name, scenario->line, "config", config_of(scenario),
                             "no such configuration in %s", scenario->instance);
            } else {
                scenario->size = instance->n_users;
                check_what_ifs(plan, scenario, instance, errors);
            }
        }
        cp_instance_destroy(instance);
    }
    free(checked);
}

static void print_outcome(const cp_sweep_outcome *outcome, const char *output)
{
    if (outcome->interrupted)
        printf("sweep interrupted: %d of %d scenarios done, results in %s; run the same command "
               "again to resume\n",
               outcome->finished, outcome->total, output);
    else
        printf("sweep: %d of %d scenarios done, results in %s\n", outcome->finished, outcome->total,
               output);
}

int cp_cmd_sweep(const cp_options *options)
{
    if (!options->output) {
        fprintf(stderr, "sweep: -o OUT is required\n");
        return CP_ERR_INPUT;
    }
    cp_errors errors = {0};
    int status = cp_sweep_ranks_start(&errors);
    bool lead = cp_sweep_rank() == 0;
    if (!lead)
        cp_log_set_verbosity(CP_QUIET);
    cp_sweep_plan *plan = NULL;
    if (status == CP_OK)
        status = cp_sweep_plan_read(options->positional[0], &plan, &errors);
    if (status == CP_OK) {
        check_options(plan, &errors);
        check_instances(plan, &errors);
        status = cp_errors_any(&errors) ? CP_ERR_INPUT : CP_OK;
    }
    cp_sweep_outcome outcome = {0};
    if (status == CP_OK) {
        cp_interrupt_install();
        cp_sweep_request request = {.plan = plan,
                                    .output = options->output,
                                    .restart = options->restart,
                                    .progress = !options->quiet,
                                    .solve = solve_scenario};
        status = cp_sweep_run(&request, &outcome, &errors);
    }
    if (lead) {
        cp_app_print_errors(&errors);
        if (status == CP_OK)
            print_outcome(&outcome, options->output);
    }
    cp_errors_clear(&errors);
    cp_sweep_plan_destroy(plan);
    cp_sweep_ranks_stop();
    return status == CP_OK && outcome.interrupted ? SWEEP_INTERRUPTED : status;
}
