/* The what-ifs of a command line, in one place for every command that takes them (solve,
 * compare, transform; frontier and sweep later): --set KEY=VALUE, --demand-growth and
 * --uplift are checked before the instance is loaded (so a typo costs no load), then applied
 * to it in that order and recorded in instance->what_if for the results. */
#include "app/commands.h"

#include "core/scenario.h"
#include "io/settings.h"
#include "io/uplift_reader.h"
#include "util/alloc.h"
#include "util/log.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The what-ifs parsed: settings as KEY and VALUE strings (split copies), growth, uplift. */
typedef struct what_if {
    char *key[CP_MAX_REPEATS];
    const char *value[CP_MAX_REPEATS];
    int n_set;
    cp_growth growth;
    cp_uplift uplift;
} what_if;

static void what_if_free(what_if *w)
{
    for (int i = 0; i < w->n_set; i++)
        free(w->key[i]);
    cp_growth_free(&w->growth);
    cp_uplift_free(&w->uplift);
}

/* Splits and checks each --set on the default settings; a key given twice is a problem. */
static void parse_settings(const cp_options *options, what_if *w, cp_errors *errors)
{
    for (int i = 0; i < options->set.count; i++) {
        const char *text = options->set.values[i], *eq = strchr(text, '=');
        if (!eq || eq == text) {
            cp_errors_add(errors, "--set: expected KEY=VALUE (value '%s')", text);
            continue;
        }
        char *key = cp_malloc((size_t)(eq - text) + 1);
        memcpy(key, text, (size_t)(eq - text));
        key[eq - text] = '\0';
        bool twice = false;
        for (int j = 0; j < w->n_set; j++)
            twice = twice || strcmp(w->key[j], key) == 0;
        cp_settings scratch = cp_settings_default();
        if (twice)
            cp_errors_add(errors, "--set: setting '%s' given twice", key);
        else
            cp_settings_set(&scratch, key, eq + 1, errors);
        w->key[w->n_set] = key;
        w->value[w->n_set++] = eq + 1;
    }
}

/* Parses every what-if of the options; false (problems in errors) when one is bad. */
static bool parse(const cp_options *options, what_if *w, cp_errors *errors)
{
    parse_settings(options, w, errors);
    if (options->demand_growth)
        cp_growth_parse(options->demand_growth, &w->growth, errors);
    if (options->uplift)
        cp_uplift_load(options->uplift, &w->uplift, errors);
    return !cp_errors_any(errors);
}

/* Applies the parsed what-ifs to instance. Returns CP_OK or CP_ERR_INPUT (problems in errors). */
static int apply(const cp_options *options, const what_if *w, cp_instance *instance,
                 cp_errors *errors)
{
    for (int i = 0; i < w->n_set; i++) {
        cp_settings_set(&instance->settings, w->key[i], w->value[i], errors);
        cp_what_if_add_setting(&instance->what_if, w->key[i], w->value[i]);
    }
    cp_instance_apply_settings(instance);
    if (options->demand_growth && cp_scenario_grow(instance, &w->growth, options->demand_growth,
                                                   (uint64_t)options->seed, errors) != CP_OK)
        return CP_ERR_INPUT;
    if (options->demand_growth)
        cp_message("demand growth %s: %d people added, %d removed (seed %ld)",
                   options->demand_growth, instance->what_if.people_added,
                   instance->what_if.people_removed, options->seed);
    if (options->uplift &&
        cp_scenario_uplift(instance, &w->uplift, options->uplift, errors) != CP_OK)
        return CP_ERR_INPUT;
    if (options->uplift)
        cp_message("uplift %s: %d services' prices and %d quotes raised", options->uplift,
                   instance->what_if.services_uplifted, instance->what_if.quotes_uplifted);
    return CP_OK;
}

int cp_app_what_if_check(const cp_options *options, const cp_instance *instance, cp_errors *errors)
{
    what_if w = {0};
    int status = parse(options, &w, errors) &&
                         cp_scenario_check(instance, options->demand_growth ? &w.growth : NULL,
                                           options->uplift ? &w.uplift : NULL, errors) == CP_OK
                     ? CP_OK
                     : CP_ERR_INPUT;
    what_if_free(&w);
    return status;
}

int cp_app_load_what_if(const cp_options *options, const char *config_name, cp_instance **instance,
                        const cp_config **config)
{
    what_if w = {0};
    cp_errors errors = {0};
    int status = CP_ERR_INPUT;
    *instance = NULL;
    if (parse(options, &w, &errors))
        status = cp_app_load(options->positional[0], config_name, instance, config);
    if (status == CP_OK)
        status = apply(options, &w, *instance, &errors);
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    what_if_free(&w);
    if (status != CP_OK) {
        cp_instance_destroy(*instance);
        *instance = NULL;
    }
    return status;
}
