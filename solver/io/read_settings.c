/* settings.csv: `key,value` rows over the defaults of cp_settings_default. One table lists
 * every key with the kind of value it takes; an empty value keeps the default. The same table
 * checks a setting given on the command line (--set) and writes settings back as text
 * (io/settings.h). */
#include "io/instance_parts.h"
#include "io/settings.h"

#include "util/alloc.h"
#include "util/log.h"
#include "util/status.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KEY, VALUE, N_COLUMNS };

static const cp_column columns[N_COLUMNS] = {
    [KEY] = {"key", true},
    [VALUE] = {"value", true},
};

typedef enum kind {
    NONNEGATIVE, /* a number >= 0 */
    POSITIVE,    /* a number > 0 */
    SHARE,       /* a number in (0, 1] */
    DISTANCE,    /* a number >= 0 or `none` (INFINITY) */
    SPOT_COST,   /* a number >= 0 or `none` (no spot purchase) */
    MIN_RATING,  /* a rating other than unrated */
    BOOLEAN
} kind;

static const struct {
    const char *key;
    kind kind;
    size_t offset; /* of the field in cp_settings */
} keys[] = {
    {"distance_weight", NONNEGATIVE, offsetof(cp_settings, distance_weight)},
    {"max_distance_km", DISTANCE, offsetof(cp_settings, max_distance_km)},
    {"spot_cost", SPOT_COST, offsetof(cp_settings, spot_cost)},
    {"preference_cost", NONNEGATIVE, offsetof(cp_settings, preference_cost)},
    {"move_cost", NONNEGATIVE, offsetof(cp_settings, move_cost)},
    {"contract_cost", NONNEGATIVE, offsetof(cp_settings, contract_cost)},
    {"max_provider_share", SHARE, offsetof(cp_settings, max_provider_share)},
    {"min_rating", MIN_RATING, offsetof(cp_settings, min_rating)},
    {"exclude_unrated", BOOLEAN, offsetof(cp_settings, exclude_unrated)},
    {"local_km", POSITIVE, offsetof(cp_settings, local_km)},
    {"quotes_only", BOOLEAN, offsetof(cp_settings, quotes_only)},
};

#define N_KEYS (sizeof keys / sizeof keys[0])

/* Parses value as key k into settings (left unchanged on a problem). */
static void set_value(cp_settings *settings, size_t k, const cp_cell *value, cp_errors *errors)
{
    static const cp_range share = {0, 1, true, false};
    void *field = (char *)settings + keys[k].offset;
    bool none;
    switch (keys[k].kind) {
    case NONNEGATIVE:
        cp_field_number(value, CP_RANGE_NONNEGATIVE, errors, field);
        break;
    case POSITIVE:
        cp_field_number(value, CP_RANGE_POSITIVE, errors, field);
        break;
    case SHARE:
        cp_field_number(value, share, errors, field);
        break;
    case DISTANCE:
        if (cp_field_number_or_none(value, CP_RANGE_NONNEGATIVE, errors, &none, field) == CP_OK &&
            none)
            settings->max_distance_km = INFINITY;
        break;
    case SPOT_COST:
        if (cp_field_number_or_none(value, CP_RANGE_NONNEGATIVE, errors, &none, field) == CP_OK) {
            settings->has_spot_cost = !none;
            if (none)
                settings->spot_cost = 0;
        }
        break;
    case MIN_RATING: {
        cp_rating rating;
        if (cp_field_rating(value, errors, &rating) != CP_OK)
            break;
        if (rating == CP_RATING_UNRATED)
            cp_cell_problem(value, errors, "unrated is not a minimum (see exclude_unrated)");
        else
            settings->min_rating = rating;
        break;
    }
    case BOOLEAN:
        cp_field_boolean(value, errors, field);
        break;
    }
}

static void read_settings(cp_instance *instance, const cp_input *input, cp_errors *errors)
{
    long first_line[N_KEYS] = {0};
    for (int row = 0; row < input->table->n_rows; row++) {
        cp_cell key = cp_input_cell(input, row, KEY), value = cp_input_cell(input, row, VALUE);
        if (cp_cell_empty(&key)) {
            cp_cell_problem(&key, errors, "missing value");
            continue;
        }
        char *name = cp_field_text(&key);
        size_t k = 0;
        while (k < N_KEYS && strcmp(keys[k].key, name) != 0)
            k++;
        free(name);
        if (k == N_KEYS) {
            cp_warning("%s:%ld: unknown setting '%s' ignored", input->table->name, key.line,
                       key.text);
        } else if (first_line[k] != 0) {
            cp_cell_problem(&key, errors, "duplicate setting, first on line %ld", first_line[k]);
        } else {
            first_line[k] = key.line;
            if (!cp_cell_empty(&value))
                set_value(&instance->settings, k, &value, errors);
        }
    }
}

const cp_input_spec cp_settings_input = {"settings.csv", false, columns, N_COLUMNS, read_settings};

int cp_settings_key_count(void)
{
    return (int)N_KEYS;
}

const char *cp_settings_key(int k)
{
    return keys[k].key;
}

/* The edit distance (insertions, deletions, substitutions) between a and b, capped at 64. */
static size_t edit_distance(const char *a, const char *b)
{
    enum { MAX = 64 };
    size_t n = strlen(a) < MAX ? strlen(a) : MAX, m = strlen(b) < MAX ? strlen(b) : MAX;
    size_t row[MAX + 1];
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[m];
}

const char *cp_settings_closest_key(const char *key)
{
    const char *closest = NULL;
    size_t best = strlen(key) / 3 + 2; /* accepted: below this */
    for (size_t k = 0; k < N_KEYS; k++) {
        size_t distance = edit_distance(key, keys[k].key);
        if (distance < best) {
            best = distance;
            closest = keys[k].key;
        }
    }
    return closest;
}

/* "unknown setting 'KEY' (did you mean 'K'?); known: a, b, ..." */
static int unknown_key(const char *key, cp_errors *errors)
{
    char known[512] = "";
    for (size_t k = 0; k < N_KEYS; k++) {
        size_t used = strlen(known);
        snprintf(known + used, sizeof known - used, "%s%s", k ? ", " : "", keys[k].key);
    }
    const char *closest = cp_settings_closest_key(key);
    if (closest)
        cp_errors_add(errors, "--set: unknown setting '%s' (did you mean '%s'?); known: %s", key,
                      closest, known);
    else
        cp_errors_add(errors, "--set: unknown setting '%s'; known: %s", key, known);
    return CP_ERR_INPUT;
}

int cp_settings_set(cp_settings *settings, const char *key, const char *value, cp_errors *errors)
{
    size_t k = 0;
    while (k < N_KEYS && strcmp(keys[k].key, key) != 0)
        k++;
    if (k == N_KEYS)
        return unknown_key(key, errors);
    cp_cell cell = {.file = "--set", .line = 0, .column = keys[k].key, .text = value};
    if (cp_cell_empty(&cell))
        return cp_cell_problem(&cell, errors, "missing value");
    cp_errors problems = {0};
    cp_settings changed = *settings;
    set_value(&changed, k, &cell, &problems);
    int status = cp_errors_any(&problems) ? CP_ERR_INPUT : CP_OK;
    for (size_t i = 0; i < problems.count; i++)
        cp_errors_add(errors, "%s", problems.lines[i]);
    cp_errors_clear(&problems);
    if (status == CP_OK)
        *settings = changed;
    return status;
}

/* A number as the shorter of %.15g and %.17g that reads back exactly. */
static void format_exact(double value, char *buffer, size_t size)
{
    snprintf(buffer, size, "%.15g", value);
    if (strtod(buffer, NULL) != value)
        snprintf(buffer, size, "%.17g", value);
}

void cp_settings_format(const cp_settings *settings, int k, char *buffer, size_t size)
{
    const void *field = (const char *)settings + keys[k].offset;
    switch (keys[k].kind) {
    case NONNEGATIVE:
    case POSITIVE:
    case SHARE:
        format_exact(*(const double *)field, buffer, size);
        break;
    case DISTANCE:
        if (isinf(settings->max_distance_km))
            snprintf(buffer, size, "none");
        else
            format_exact(settings->max_distance_km, buffer, size);
        break;
    case SPOT_COST:
        if (!settings->has_spot_cost)
            snprintf(buffer, size, "none");
        else
            format_exact(settings->spot_cost, buffer, size);
        break;
    case MIN_RATING:
        snprintf(buffer, size, "%s", cp_rating_name(settings->min_rating));
        break;
    case BOOLEAN:
        snprintf(buffer, size, "%s", *(const bool *)field ? "true" : "false");
        break;
    }
}
