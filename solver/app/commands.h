/* The commands of the carepool program; each returns its exit status (util/status.h). */
#ifndef CAREPOOL_APP_COMMANDS_H
#define CAREPOOL_APP_COMMANDS_H

#include "app/options.h"
#include "core/candidates.h"
#include "core/instance.h"
#include "engine/comparison.h"
#include "engine/params.h"
#include "util/errors.h"

int cp_cmd_solve(const cp_options *options);
int cp_cmd_validate(const cp_options *options);
int cp_cmd_check(const cp_options *options);
int cp_cmd_export(const cp_options *options);
int cp_cmd_import(const cp_options *options);
int cp_cmd_generate(const cp_options *options);
int cp_cmd_compare(const cp_options *options);
int cp_cmd_summary(const cp_options *options);
int cp_cmd_transform(const cp_options *options);
int cp_cmd_sweep(const cp_options *options);

/* Shared steps of the commands. */

/* Prints every problem in errors to stderr, one a line, and a count of those not shown. */
void cp_app_print_errors(const cp_errors *errors);

/* Loads directory and looks up the configuration named config_name. On failure prints why
 * and returns CP_ERR_INPUT; on success the caller destroys *instance. */
int cp_app_load(const char *directory, const char *config_name, cp_instance **instance,
                const cp_config **config);

/* As cp_app_load, with the what-ifs of the options applied (app/what_if.c): --set, then
 * --demand-growth (drawn by --seed), then --uplift, each checked before the instance is
 * loaded. On a problem prints it and returns CP_ERR_INPUT with *instance NULL. */
int cp_app_load_what_if(const cp_options *options, const char *config_name,
                        cp_instance **instance, const cp_config **config);

/* Whether the what-ifs of the options would apply to instance, which is not changed: every
 * problem cp_app_load_what_if would report, added to errors. Returns CP_OK or CP_ERR_INPUT. */
int cp_app_what_if_check(const cp_options *options, const cp_instance *instance,
                         cp_errors *errors);

/* Builds the candidates; when the instance is infeasible prints each reason and returns
 * CP_ERR_INFEASIBLE. */
int cp_app_candidates(const cp_instance *instance, const cp_config *config,
                      cp_candidates **candidates);

/* carepool solve without its command line: loads, solves, checks and writes the results to
 * options->output; prints the summary on stdout when print_summary. Returns the exit status. */
int cp_app_solve(const cp_options *options, bool print_summary);

/* Prints on stdout a table of the configurations and what the comparison shows. */
void cp_app_print_comparison(const cp_comparison *comparison, const char *output);

/* The engine's parameters from the parsed options. */
cp_solve_params cp_app_solve_params(const cp_options *options);
cp_compare_params cp_app_compare_params(const cp_options *options);

#endif
