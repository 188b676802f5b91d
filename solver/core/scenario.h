/* Scenarios as instance transforms: what-ifs applied to a loaded instance before it is solved,
 * so that solve, compare (and later frontier and sweep) answer "what if demand grows, or
 * providers win an uplift?" without an edited copy of the instance. Each transform changes
 * the instance in place (while it is still the caller's to change, before candidates are
 * built) and records itself in instance->what_if. The rules (who is copied, who is removed,
 * which prices rise) are stated in docs/instance-format.md, "Scenarios". */
#ifndef CAREPOOL_CORE_SCENARIO_H
#define CAREPOOL_CORE_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/instance.h"
#include "util/errors.h"

/* Bounds of a growth percentage: -100% removes a whole group, +1000% multiplies it by 11. */
#define CP_GROWTH_MIN_PCT (-100.0)
#define CP_GROWTH_MAX_PCT 1000.0

/* One item of a --demand-growth spec: NAME:PCT (a service type or a council), or PCT alone
 * (name NULL: everyone). */
typedef struct cp_growth_item {
    char *name;
    double pct;
} cp_growth_item;

/* A parsed --demand-growth spec; the items own their names. */
typedef struct cp_growth {
    cp_growth_item *items;
    int count;
} cp_growth;

/* One provider's uplift, from an uplift file (line: where it was read, for messages). */
typedef struct cp_uplift_item {
    char *provider;
    double pct;
    long line;
} cp_uplift_item;

/* An --uplift: one percentage on every price (items NULL), or one per provider listed in
 * file (the others keep their prices). Owns its strings. */
typedef struct cp_uplift {
    double pct;
    cp_uplift_item *items;
    int count;
    char *file; /* the file's display name, NULL for a percentage */
} cp_uplift;

/* A percentage as the command line gives it: an optional sign, a decimal number and '%'
 * ("+10%", "-2.5%", "3%"). Returns whether text is one, with the number in *pct. */
bool cp_percent_parse(const char *text, double *pct);

/* Parses a --demand-growth spec: comma-separated items, each PCT or NAME:PCT, PCT within
 * CP_GROWTH_MIN_PCT..CP_GROWTH_MAX_PCT; at most one item without a name, no name twice.
 * Returns CP_OK with *out (free with cp_growth_free), or CP_ERR_INPUT with one problem
 * ("--demand-growth: ...") added to errors and *out empty. Names are checked against an
 * instance by cp_scenario_grow. */
int cp_growth_parse(const char *text, cp_growth *out, cp_errors *errors);
void cp_growth_free(cp_growth *growth);

/* Frees what the uplift owns. Accepts an empty one. */
void cp_uplift_free(cp_uplift *uplift);

/* Grows or shrinks demand: a person's group is (council, first type of `types`); its factor is
 * the product of (1 + pct/100) over the spec's items that cover it (the item without a name,
 * the item of its type, the item of its council). A group of n people becomes
 * round(n x factor) (halves up). New people are copies of people of the group who are not
 * locked, drawn uniformly with replacement: a new id (SOURCE.gK, the first K free), no
 * current service, not locked, no group, the source's quotes; everything else the source's.
 * Removed people are drawn uniformly without replacement among the group's people who are
 * neither locked nor in a group (one warning counts the people that could not be added or
 * removed, -v names each group). Draws use a stream of
 * (seed, council, type), so one group's draw does not depend on the others. Kept people keep
 * their order; new ones follow, group by group (councils in file order, types in order of
 * first appearance). Returns CP_OK, or CP_ERR_INPUT when a name is neither a type nor a
 * council, or is both (nothing changed). Records spec, added and removed in what_if. */
int cp_scenario_grow(cp_instance *instance, const cp_growth *growth, const char *spec,
                     uint64_t seed, cp_errors *errors);

/* Raises prices: every service's weekly_price and every quote's weekly_cost times
 * (1 + pct/100), for every provider or only the providers listed (a quote by the provider of
 * its service). Prices are not rounded. Returns CP_OK, or CP_ERR_INPUT when a listed provider
 * is not one of the instance ("FILE:LINE: column 'provider': unknown provider (value 'x')",
 * every one reported, nothing changed). Records spec and the counts in what_if. */
int cp_scenario_uplift(cp_instance *instance, const cp_uplift *uplift, const char *spec,
                       cp_errors *errors);

/* What cp_scenario_grow and cp_scenario_uplift would refuse, without changing instance: a
 * growth name that is neither a type nor a council (or both), a provider uplift lists that
 * is not the instance's. growth or uplift may be NULL (not checked). Returns CP_OK, or
 * CP_ERR_INPUT with every problem in errors. */
int cp_scenario_check(const cp_instance *instance, const cp_growth *growth,
                      const cp_uplift *uplift, cp_errors *errors);

#endif
