/* carepool generate: a deterministic synthetic instance from a preset, a seed and a scale (the
 * population presets) or a size (the benchmark presets). The same request gives
 * byte-identical files. */
#ifndef CAREPOOL_GEN_GENERATE_H
#define CAREPOOL_GEN_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "util/errors.h"

/* What to generate: preset (see gen/presets.h and gen/bench.h), seed, scale (population
 * presets: people and services scale with it) and size (benchmark presets: "MxN", M agents
 * and N jobs of a GAP, or PEOPLExCANDIDATES of a facility instance; NULL for the others). */
typedef struct cp_gen_request {
    const char *preset;
    uint64_t seed;
    double scale;
    const char *size;
} cp_gen_request;

/* What was made, for the terminal. */
typedef struct cp_gen_summary {
    size_t members, authorities; /* authorities with people; authorities listed */
    size_t people, placed, locked, groups;
    size_t services, candidates, providers;
    double places; /* sum of service capacities */
    size_t quotes, tiers, configurations;
} cp_gen_summary;

/* Generates the request into dir, atomically. Returns CP_OK, CP_ERR_INPUT for an unknown
 * preset, a size given to a population preset or missing from a benchmark one, a size or
 * seed out of the preset's range, or a scale that leaves no one; or CP_ERR_INTERNAL when the
 * files cannot be written; messages are in errors. */
int cp_generate(const cp_gen_request *request, const char *dir, cp_gen_summary *summary,
                cp_errors *errors);

/* The preset names, separated by '|' (for --help). */
const char *cp_generate_preset_names(void);

#endif
