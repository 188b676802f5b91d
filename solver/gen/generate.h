/* carepool generate: a deterministic synthetic instance from a preset, a seed and a scale.
 * The same preset, seed and scale give byte-identical files. */
#ifndef CAREPOOL_GEN_GENERATE_H
#define CAREPOOL_GEN_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "util/errors.h"

/* What was made, for the terminal. */
typedef struct cp_gen_summary {
    size_t members, authorities;   /* councils with people; authorities listed */
    size_t people, placed, locked, groups;
    size_t services, candidates, providers;
    long places;                   /* sum of service capacities */
    size_t quotes, tiers, configurations;
} cp_gen_summary;

/* Generates preset (see gen/presets.h) with seed and scale (people and services scale with
 * it) into dir, atomically. Returns CP_OK, CP_ERR_INPUT for an unknown preset or a scale
 * that leaves no one, or CP_ERR_INTERNAL when the files cannot be written; messages are in
 * errors. */
int cp_generate(const char *preset, uint64_t seed, double scale, const char *dir,
                cp_gen_summary *summary, cp_errors *errors);

/* The preset names, separated by '|' (for --help). */
const char *cp_generate_preset_names(void);

#endif
