/* The generator's presets: which councils send people, what kind of care, how many people,
 * and which pooling configurations come with the instance. */
#ifndef CAREPOOL_GEN_PRESETS_H
#define CAREPOOL_GEN_PRESETS_H

#include <stddef.h>

#include "gen/draft.h"

enum cp_gen_population { CP_GEN_CHILDREN, CP_GEN_ADULTS_LD };

/* A pool of one listed configuration: the members' codes, separated by spaces. */
typedef struct cp_gen_pool_spec {
    const char *configuration;
    const char *pool;
    const char *codes;
} cp_gen_pool_spec;

typedef struct cp_gen_preset {
    const char *name;
    const char *description;
    enum cp_gen_population population;
    const char *members;        /* codes separated by spaces; NULL: every council of region */
    const char *region;         /* NULL with members NULL: every English council */
    int people;                 /* adults: people at scale 1 (0: national rate) */
    int accommodation_only;     /* adults: only people in accommodation-based services */
    const cp_gen_pool_spec *pools; /* listed configurations, ended by a NULL configuration */
    int regional_configs;       /* 1: add "regions"; 2: also "cooperatives" (about 20) */
} cp_gen_preset;

extern const cp_gen_preset cp_gen_presets[];
extern const size_t cp_gen_n_presets;

/* The preset with this name, or NULL. */
const cp_gen_preset *cp_gen_preset_find(const char *name);

/* The member codes of preset, in order: a NULL-terminated array to free (the strings point
 * into the places table). */
const char **cp_gen_preset_members(const cp_gen_preset *preset, size_t *n_members);

/* Adds the preset's configurations to the draft. */
void cp_gen_preset_configurations(const cp_gen_preset *preset, cp_gen_draft *draft);

#endif
