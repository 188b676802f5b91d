/* The presets and their pooling configurations. Groupings are real partnerships where they
 * exist (sources in instances/README.md); regional cooperatives are drawn by geography. */
#include "gen/presets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static const cp_gen_pool_spec sw_london_pools[] = {
    {"two-hubs", "croydon_sutton_merton", "CRY STN MRT"},
    {"two-hubs", "kingston_richmond_wandsworth", "KTT RIC WND"},
    {"richmond-wandsworth", "richmond_wandsworth", "RIC WND"},
    {NULL, NULL, NULL},
};

static const cp_gen_pool_spec wla_pools[] = {
    {"core-six", "wla_core", "BEN EAL HMF HRW HIL HNS"},
    {"core-six-and-bi-borough", "wla_core", "BEN EAL HMF HRW HIL HNS"},
    {"core-six-and-bi-borough", "bi_borough", "KEC WSM"},
    {"tri-borough-split", "tri_borough", "HMF KEC WSM"},
    {"tri-borough-split", "wla_west", "BEN EAL HRW HIL HNS"},
    {NULL, NULL, NULL},
};

/* London Councils' four sub-regional partnerships. */
static const cp_gen_pool_spec london_pools[] = {
    {"sub-regions", "central_london_forward",
     "CMD LND HCK HRY ISL KEC LBH LEW SWK TWH WND WSM"},
    {"sub-regions", "local_london", "BDG BEX BRY ENF GRE HAV NWM RDB WFT"},
    {"sub-regions", "south_london_partnership", "CRY KTT MRT RIC STN"},
    {"sub-regions", "west_london_alliance", "BNE BEN EAL HMF HRW HIL HNS"},
    {NULL, NULL, NULL},
};

static const cp_gen_pool_spec south_east_pools[] = {
    {"sub-regions", "kent_and_medway", "KEN MDW"},
    {"sub-regions", "sussex", "ESX WSX BNH"},
    {"sub-regions", "surrey", "SRY"},
    {"sub-regions", "hampshire_and_isle_of_wight", "HAM IOW POR STH"},
    {"sub-regions", "berkshire", "BRC RDG SLG WBK WNM WOK"},
    {"sub-regions", "thames_valley_north", "BUC MIK OXF"},
    {NULL, NULL, NULL},
};

static const cp_gen_pool_spec no_pools[] = {{NULL, NULL, NULL}};

const cp_gen_preset cp_gen_presets[] = {
    {"sw-london", "South West London: six councils' adults with learning disabilities",
     CP_GEN_ADULTS_LD, "CRY MRT KTT RIC STN WND", NULL, 400, 1, sw_london_pools, 0},
    {"wla", "West London Alliance and partners: children in care", CP_GEN_CHILDREN,
     "BEN EAL HMF HRW HIL HNS CMD KEC WSM", NULL, 0, 0, wla_pools, 0},
    {"london", "the 33 London authorities: children in care", CP_GEN_CHILDREN, NULL, "London",
     0, 0, london_pools, 0},
    {"rcc-south-east", "a South East regional care cooperative: children in care",
     CP_GEN_CHILDREN, NULL, "South East", 0, 0, south_east_pools, 0},
    {"england-children", "every English council: children in care", CP_GEN_CHILDREN, NULL,
     NULL, 0, 0, no_pools, 2},
    {"england-adults-ld", "every English council: adults with learning disabilities",
     CP_GEN_ADULTS_LD, NULL, NULL, 0, 0, no_pools, 1},
};
const size_t cp_gen_n_presets = sizeof cp_gen_presets / sizeof cp_gen_presets[0];

const cp_gen_preset *cp_gen_preset_find(const char *name)
{
    for (size_t p = 0; p < cp_gen_n_presets; p++)
        if (strcmp(cp_gen_presets[p].name, name) == 0)
            return &cp_gen_presets[p];
    return NULL;
}

/* Calls add(code, context) for each space-separated code in codes. */
static void each_code(const char *codes, void (*add)(const char *code, void *context),
                      void *context)
{
    char code[16];
    for (const char *c = codes; *c;) {
        size_t n = strcspn(c, " ");
        if (n > 0 && n < sizeof code) {
            memcpy(code, c, n);
            code[n] = '\0';
            add(code, context);
        }
        c += n + (c[n] == ' ');
    }
}

typedef struct code_list {
    const char **codes;
    size_t n;
} code_list;

static void append_code(const char *code, void *context)
{
    code_list *list = context;
    const cp_place *place = cp_place_by_code(code);
    list->codes[list->n++] = place ? place->code : code;
}

const char **cp_gen_preset_members(const cp_gen_preset *preset, size_t *n_members)
{
    code_list list = {cp_malloc((cp_n_places + 1) * sizeof *list.codes), 0};
    if (preset->members)
        each_code(preset->members, append_code, &list);
    else
        for (size_t p = 0; p < cp_n_places; p++)
            if (cp_places[p].upper &&
                (!preset->region || strcmp(cp_places[p].region, preset->region) == 0))
                list.codes[list.n++] = cp_places[p].code;
    list.codes[list.n] = NULL;
    *n_members = list.n;
    return list.codes;
}

typedef struct pool_context {
    cp_gen_draft *draft;
    cp_gen_config *config;
    const char *pool;
} pool_context;

static void join_pool(const char *code, void *context)
{
    pool_context *c = context;
    size_t a = cp_gen_world_find(c->draft->world, code);
    if (a != (size_t)-1)
        cp_gen_set_pool(c->config, a, c->pool);
}

static cp_gen_config *config_named(cp_gen_draft *draft, const char *name)
{
    for (size_t c = 0; c < draft->n_configs; c++)
        if (strcmp(draft->configs[c].name, name) == 0)
            return &draft->configs[c];
    return cp_gen_add_config(draft, name);
}

static void region_slug(const char *region, char *slug, size_t size)
{
    size_t n = 0;
    for (const char *c = region; *c && n + 1 < size; c++)
        slug[n++] = *c == ' ' ? '_' : (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    slug[n] = '\0';
}

/* "regions": each region's members form one pool. */
static void add_regions(cp_gen_draft *draft)
{
    cp_gen_config *config = cp_gen_add_config(draft, "regions");
    const cp_gen_world *world = draft->world;
    for (size_t m = 0; m < world->n_members; m++) {
        char slug[64];
        region_slug(world->authorities[world->members[m]].place->region, slug, sizeof slug);
        cp_gen_set_pool(config, world->members[m], slug);
    }
}

/* "cooperatives": about 20 pools of neighbouring councils within regions, each region split
 * into a number of pools in proportion to its residents (about 2.8 million a pool): seeds
 * spread by farthest-point choice from the most populous council, then three rounds of
 * assigning each council to the nearest population-weighted centre. */
static void split_region(cp_gen_draft *draft, cp_gen_config *config, const size_t *councils,
                         size_t n, int k, const char *slug)
{
    const cp_gen_world *world = draft->world;
    double *lat = cp_malloc((size_t)k * sizeof *lat), *lon = cp_malloc((size_t)k * sizeof *lon);
    size_t *cluster = cp_malloc(n * sizeof *cluster);
    size_t first = 0;
    for (size_t i = 1; i < n; i++)
        if (world->authorities[councils[i]].place->population >
            world->authorities[councils[first]].place->population)
            first = i;
    lat[0] = world->authorities[councils[first]].place->lat;
    lon[0] = world->authorities[councils[first]].place->lon;
    for (int c = 1; c < k; c++) {
        size_t farthest = 0;
        double best = -1;
        for (size_t i = 0; i < n; i++) {
            const cp_place *place = world->authorities[councils[i]].place;
            double nearest = INFINITY;
            for (int j = 0; j < c; j++)
                nearest = fmin(nearest, hypot(place->lat - lat[j],
                                              (place->lon - lon[j]) * 0.62));
            if (nearest > best) {
                best = nearest;
                farthest = i;
            }
        }
        lat[c] = world->authorities[councils[farthest]].place->lat;
        lon[c] = world->authorities[councils[farthest]].place->lon;
    }
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < n; i++) {
            const cp_place *place = world->authorities[councils[i]].place;
            double best = INFINITY;
            for (int c = 0; c < k; c++) {
                double d = hypot(place->lat - lat[c], (place->lon - lon[c]) * 0.62);
                if (d < best) {
                    best = d;
                    cluster[i] = (size_t)c;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            double w = 0, y = 0, x = 0;
            for (size_t i = 0; i < n; i++)
                if (cluster[i] == (size_t)c) {
                    const cp_place *place = world->authorities[councils[i]].place;
                    w += place->population;
                    y += place->population * place->lat;
                    x += place->population * place->lon;
                }
            if (w > 0) {
                lat[c] = y / w;
                lon[c] = x / w;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        char pool[96];
        snprintf(pool, sizeof pool, "%s_%zu", slug, cluster[i] + 1);
        cp_gen_set_pool(config, councils[i], pool);
    }
    free(lat);
    free(lon);
    free(cluster);
}

static void add_cooperatives(cp_gen_draft *draft)
{
    const cp_gen_world *world = draft->world;
    cp_gen_config *config = cp_gen_add_config(draft, "cooperatives");
    double total = 0;
    for (size_t m = 0; m < world->n_members; m++)
        total += world->authorities[world->members[m]].place->population;
    size_t *councils = cp_malloc(world->n_members * sizeof *councils);
    for (size_t m = 0; m < world->n_members; m++) {
        const char *region = world->authorities[world->members[m]].place->region;
        int seen = 0;
        for (size_t j = 0; j < m; j++)
            seen |= strcmp(world->authorities[world->members[j]].place->region, region) == 0;
        if (seen)
            continue;
        size_t n = 0;
        double population = 0;
        for (size_t j = m; j < world->n_members; j++)
            if (strcmp(world->authorities[world->members[j]].place->region, region) == 0) {
                councils[n++] = world->members[j];
                population += world->authorities[world->members[j]].place->population;
            }
        long k = lround(20 * population / total);
        k = k < 1 ? 1 : k > (long)n ? (long)n : k;
        char slug[64];
        region_slug(region, slug, sizeof slug);
        split_region(draft, config, councils, n, (int)k, slug);
    }
    free(councils);
}

void cp_gen_preset_configurations(const cp_gen_preset *preset, cp_gen_draft *draft)
{
    for (const cp_gen_pool_spec *spec = preset->pools; spec->configuration; spec++) {
        pool_context context = {draft, config_named(draft, spec->configuration), spec->pool};
        each_code(spec->codes, join_pool, &context);
    }
    if (preset->regional_configs >= 1)
        add_regions(draft);
    if (preset->regional_configs >= 2)
        add_cooperatives(draft);
}
