/* The result files of a run, written from the checker's results alone (never from solver
 * internals): assignments.csv (one row per person), authorities.csv (one row per authority),
 * services.csv (one row per service) and summary.json. A person counts as placed where the
 * checker gives a distance (check->user_km not NaN). */
#ifndef CAREPOOL_REPORT_REPORT_WRITER_H
#define CAREPOOL_REPORT_REPORT_WRITER_H

#include <stdint.h>
#include <stdio.h>

#include "core/check.h"
#include "core/instance.h"
#include "engine/result.h"
#include "io/output_dir.h"

/* Writes the four files into output (commit or abort is the caller's). Without a plan
 * (service_of_user and check NULL: infeasible, no solution) only summary.json is written.
 * Returns CP_OK, or CP_ERR_INTERNAL when a file cannot be created (the message is in the
 * output's errors). */
int cp_report_write(cp_output *output, const cp_instance *instance, const cp_config *config,
                    const int *service_of_user, const cp_check *check, const cp_run_info *info);

/* assignments.csv: person,authority,service,provider,type,km,weekly_cost,status,moved in
 * instance order; service, provider, type and km empty for the unplaced. */
void cp_report_assignments(FILE *out, const cp_instance *instance, const int *service_of_user,
                           const cp_check *check);

/* authorities.csv: authority,people,placed,unplaced,weekly_cost,mean_km,median_km,p90_km,
 * share_within_local_km,placed_outside_own_authority; the km statistics are over the placed
 * people (empty when none is placed), p90 by nearest rank, the median of an even count the
 * mean of the two middle values. */
void cp_report_authorities(FILE *out, const cp_instance *instance, const int *service_of_user,
                           const cp_check *check);

/* services.csv: service,provider,authority,type,status,capacity,used,utilisation,opened. */
void cp_report_services(FILE *out, const cp_instance *instance, const cp_check *check);

/* summary.json: status, objective, bound, gap, terms, config, method, seconds, seed, threads,
 * moves_evaluated, first_plan_seconds, version, people, placed, unplaced, services_opened,
 * contracts, violations, settings_overridden and scenario (cp_report_what_if), instance
 * (cp_report_instance_name). With check NULL (no plan) the
 * keys that describe a plan (objective, terms, placed, ...) are null. */
void cp_report_summary(FILE *out, const cp_instance *instance, const cp_config *config,
                       const cp_check *check, const cp_run_info *info);

/* Two members of a summary.json, each line ending ",\n": settings_overridden, an object of
 * the settings given by --set (key: the value as given; {} when none), and scenario, null
 * when no transform ran, else demand_growth and uplift (the specs as given, or null),
 * people_added, people_removed, services_uplifted and quotes_uplifted. */
void cp_report_what_if(FILE *out, const cp_what_if *what_if);

/* The base name of an instance directory, trailing slashes ignored ("" for NULL), as the
 * summary files give it. Free the result. */
char *cp_report_instance_name(const char *path);

/* carepool compare: the types are in engine/comparison.h. */
typedef struct cp_comparison cp_comparison;

/* Writes comparison.csv, authorities.csv, shares.csv, coalitions.csv and summary.json of a
 * comparison into output (commit or abort is the caller's). Returns CP_OK, or
 * CP_ERR_INTERNAL when a file cannot be created (the message is in the output's errors). */
int cp_report_comparison_write(cp_output *output, const cp_comparison *comparison);

/* comparison.csv: one row per configuration: configuration,pools,weekly_cost,annual_cost,
 * saving,saving_pct (weekly, against standalone),placement,discount,distance,preference,moves,
 * spot,fixed,contracts (the terms),mean_km,p90_km,share_within_local_km,
 * placed_outside_own_authority,unplaced,services_opened,contracts_signed,status,method,bound,
 * gap,seconds. Plan columns are empty without a plan. */
void cp_report_comparison(FILE *out, const cp_comparison *comparison);

/* authorities.csv (long format): authority,configuration,pool,weekly_cost,standalone_cost,
 * saving,saving_pct, one row per authority and configuration with a plan, authorities in
 * instance order, configurations in comparison order. */
void cp_report_comparison_authorities(FILE *out, const cp_comparison *comparison);

/* shares.csv: one row per member of every pool game: configuration,pool,member,
 * standalone_cost,alone_cost,pooled_cost,proportional_share,shapley_share,shapley_half_width,
 * shapley,shapley_note,stability_checked,blocking_coalitions,above_standalone,above_alone
 * (the last two name the rules whose share exceeds that cost, "" for none). */
void cp_report_shares(FILE *out, const cp_comparison *comparison);

/* coalitions.csv: one row per valued coalition of every pool game: configuration,pool,
 * coalition (member ids joined by '+'),size,value,rest_value (the rest of the pool's, from
 * the same two-pool solve),bound (of that solve's total),status,method,seconds,
 * proportional_sum,shapley_sum,blocks (none, proportional, shapley or both). */
void cp_report_coalitions(FILE *out, const cp_comparison *comparison);

/* summary.json of a comparison: instance, configurations (name, pools, objective, bound, gap,
 * status, method, seconds, saving against standalone), best, seconds, peak_memory_mb, seed,
 * threads, the sharing settings, version. */
void cp_report_comparison_summary(FILE *out, const cp_comparison *comparison);

#endif
