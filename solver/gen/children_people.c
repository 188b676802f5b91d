/* The children of the children's recipe: how many each council looks after, and each
 * child's age, gender, placement category, needs, acceptable types, distance limit and
 * siblings. Figures and their sources: instances/README.md. */
#include <math.h>
#include <string.h>

#include "gen/children.h"
#include "gen/recipes.h"

const char *const cp_gen_children_types[] = {"fostering", "childrens_home",
                                             "supported_accommodation", "secure", "kinship",
                                             "with_parents", "other"};
const int cp_gen_children_n_types = 7;
const char *const cp_gen_children_tags[] = {"sen", "autism", "challenging_behaviour",
                                            "mental_health", "complex_health"};
const int cp_gen_children_n_tags = 5;

/* Children looked after at 31 March 2024, by region of the responsible council (DfE). */
static const struct {
    const char *region;
    double children;
} regions[] = {
    {"North East", 6110},   {"North West", 15090},      {"Yorkshire and The Humber", 9270},
    {"East Midlands", 6570}, {"West Midlands", 11920},  {"East of England", 6870},
    {"London", 9640},       {"South East", 11180},      {"South West", 6980},
};
#define N_REGIONS (sizeof regions / sizeof regions[0])

/* Under-18s as a share of residents; rates per 10,000 children stay within the national
 * extremes (Richmond upon Thames 25, Stoke-on-Trent 191). */
static const double child_share = 0.21, lowest_rate = 25, highest_rate = 191;

/* The national placement mix (percent), in enum child_category order. */
static const double mix[N_CATEGORIES] = {27.9, 24.8, 15.6, 11.4, 9.8, 6.0, 0.1, 4.4};

/* Age bands: ages and share of children looked after (percent). */
static const struct {
    int low, high;
    double share;
} bands[] = {{0, 0, 5}, {1, 4, 13}, {5, 9, 17}, {10, 15, 38}, {16, 17, 27}};
#define N_BANDS (sizeof bands / sizeof bands[0])

/* Share of each age-limited category in each band (children's homes and secure homes take
 * children from 10, supported accommodation from 16); other categories fill the rest of each
 * band in proportion to their national share. */
static const double limited[N_CATEGORIES][N_BANDS] = {
    [C_HOME] = {0, 0, 0, 0.6, 0.4},
    [C_SUPPORTED] = {0, 0, 0, 0, 1},
    [C_SECURE] = {0, 0, 0, 0.5, 0.5},
};

/* Sibling groups: a child under 16 in foster or kinship care starts one with probability
 * sibling_chance, with one brother or sister (70%) or two. */
static const double sibling_chance = 0.12, one_sibling = 0.7;
static const double siblings_per_draw = 1 + sibling_chance * (one_sibling + 2 * (1 - one_sibling));

static int in_sibling_groups(int category)
{
    return category == C_INHOUSE || category == C_AGENCY || category == C_KINSHIP;
}

static int is_limited(int category)
{
    return category == C_HOME || category == C_SUPPORTED || category == C_SECURE;
}

/* weights[b][c]: P(band b and category c) in percent, with the national marginals. */
static void category_weights(double weights[N_BANDS][N_CATEGORIES])
{
    double free_mix = 0;
    for (int c = 0; c < N_CATEGORIES; c++)
        if (!is_limited(c))
            free_mix += mix[c];
    for (size_t b = 0; b < N_BANDS; b++) {
        double rest = bands[b].share;
        for (int c = 0; c < N_CATEGORIES; c++)
            if (is_limited(c)) {
                weights[b][c] = mix[c] * limited[c][b];
                rest -= weights[b][c];
            }
        for (int c = 0; c < N_CATEGORIES; c++)
            if (!is_limited(c))
                weights[b][c] = rest * mix[c] / free_mix;
        /* A child drawn in a family setting under 16 brings siblings_per_draw children on
         * average (see add_siblings), so those cells are drawn that much less often. */
        if (bands[b].high < 16)
            for (int c = 0; c < N_CATEGORIES; c++)
                if (in_sibling_groups(c))
                    weights[b][c] /= siblings_per_draw;
    }
}

static double region_children(const char *region)
{
    for (size_t r = 0; r < N_REGIONS; r++)
        if (strcmp(regions[r].region, region) == 0)
            return regions[r].children;
    return 0;
}

/* A council's share of its region's children: its residents times a factor of its own
 * (log-normal, drawn from a stream of the council's code alone, so every preset and seed
 * gives a council the same number). */
static double council_weight(const cp_place *place)
{
    cp_rng rng;
    cp_rng_seed(&rng, 0, cp_rng_stream_of(place->code));
    return place->population * exp(cp_rng_normal(&rng, 0, 0.35));
}

/* Children looked after by the council of world index a, at scale 1. */
static double children_of(const cp_gen_world *world, size_t a)
{
    const cp_place *place = world->authorities[a].place;
    double region_total = 0;
    for (size_t b = 0; b < world->n_authorities; b++)
        if (strcmp(world->authorities[b].place->region, place->region) == 0)
            region_total += council_weight(world->authorities[b].place);
    double children = region_children(place->region) * council_weight(place) / region_total;
    double under_18 = child_share * place->population / 1e4;
    return fmin(fmax(children, lowest_rate * under_18), highest_rate * under_18);
}

static int draw_intensity(cp_rng *rng, const double weights[5])
{
    return 1 + (int)cp_rng_weighted(rng, weights, 5);
}

static unsigned draw_tag(cp_rng *rng, double p, int tag)
{
    return cp_rng_chance(rng, p) ? TAG(tag) : 0;
}

/* Intensity and needs by category. */
static void draw_needs(cp_gen_person *child, int category, cp_rng *rng)
{
    static const double fostering[5] = {0.5, 0.35, 0.15}, home[5] = {0, 0, 0.35, 0.45, 0.2},
                        supported[5] = {0.4, 0.45, 0.15}, family[5] = {0.7, 0.3},
                        other[5] = {0, 0, 0.5, 0.5};
    unsigned needs = 0;
    switch (category) {
    case C_INHOUSE:
    case C_AGENCY:
        child->intensity = draw_intensity(rng, fostering);
        needs = (child->age >= 4 ? draw_tag(rng, 0.3, G_SEN) : 0) |
                draw_tag(rng, 0.06, G_AUTISM) |
                (child->age >= 8 ? draw_tag(rng, 0.1, G_MENTAL) : 0) |
                draw_tag(rng, 0.04, G_HEALTH) |
                (child->intensity == 3 ? draw_tag(rng, 0.3, G_BEHAVIOUR) : 0);
        break;
    case C_HOME:
        child->intensity = draw_intensity(rng, home);
        needs = draw_tag(rng, 0.8, G_SEN) | draw_tag(rng, 0.5, G_BEHAVIOUR) |
                draw_tag(rng, 0.45, G_MENTAL) | draw_tag(rng, 0.25, G_AUTISM) |
                draw_tag(rng, 0.08, G_HEALTH);
        break;
    case C_SUPPORTED:
        child->intensity = draw_intensity(rng, supported);
        needs = draw_tag(rng, 0.2, G_MENTAL) | draw_tag(rng, 0.2, G_SEN);
        break;
    case C_SECURE:
        child->intensity = 5;
        needs = TAG(G_BEHAVIOUR) | TAG(G_MENTAL);
        break;
    case C_OTHER:
        child->intensity = draw_intensity(rng, other);
        needs = draw_tag(rng, 0.6, G_SEN) | draw_tag(rng, 0.3, G_HEALTH);
        break;
    default: /* kinship, with parents */
        child->intensity = draw_intensity(rng, family);
        needs = child->age >= 4 ? draw_tag(rng, 0.2, G_SEN) : 0;
    }
    child->needs = needs;
}

static void set_types(cp_gen_person *child, int first, int second, int third)
{
    int types[] = {first, second, third};
    child->n_types = 0;
    for (int k = 0; k < 3; k++)
        if (types[k] >= 0)
            child->types[child->n_types++] = types[k];
}

/* Acceptable types, most preferred first: a family setting before a children's home for
 * those whose needs allow it, and supported accommodation as a step on for 16-17s. */
static void draw_types(cp_gen_person *child, int category, cp_rng *rng)
{
    switch (category) {
    case C_INHOUSE:
    case C_AGENCY:
        if (child->intensity == 3 && child->age >= 10 && cp_rng_chance(rng, 0.4))
            set_types(child, T_FOSTERING, T_HOME, -1);
        else
            set_types(child, T_FOSTERING, -1, -1);
        break;
    case C_HOME: {
        int first = child->intensity == 3 && cp_rng_chance(rng, 0.6) ? T_FOSTERING : -1;
        int last = child->age >= 16 && cp_rng_chance(rng, 0.3) ? T_SUPPORTED : -1;
        set_types(child, first >= 0 ? first : T_HOME, first >= 0 ? T_HOME : last,
                  first >= 0 ? last : -1);
        break;
    }
    case C_SUPPORTED:
        set_types(child, T_SUPPORTED, cp_rng_chance(rng, 0.3) ? T_FOSTERING : -1, -1);
        break;
    case C_SECURE:
        set_types(child, T_SECURE, -1, -1);
        break;
    case C_KINSHIP:
        set_types(child, T_KINSHIP, -1, -1);
        break;
    case C_PARENTS:
        set_types(child, T_PARENTS, -1, -1);
        break;
    default:
        set_types(child, T_OTHER, -1, -1);
    }
}

static double draw_limit(int category, cp_rng *rng)
{
    static const double fostering[] = {25, 40, 60}, home[] = {50, 80, 150},
                        supported[] = {30, 60};
    static const double fostering_p[] = {0.3, 0.45, 0.25}, home_p[] = {0.35, 0.4, 0.25},
                        supported_p[] = {0.5, 0.5};
    switch (category) {
    case C_INHOUSE:
    case C_AGENCY:
        return fostering[cp_rng_weighted(rng, fostering_p, 3)];
    case C_HOME:
        return home[cp_rng_weighted(rng, home_p, 3)];
    case C_SUPPORTED:
        return supported[cp_rng_weighted(rng, supported_p, 2)];
    default:
        return INFINITY;
    }
}

static void draw_child(cp_gen_draft *draft, size_t a, int band, int category, cp_rng *rng)
{
    cp_gen_person *child = cp_gen_add_person(draft);
    child->authority = a;
    cp_gen_world_point(draft->world, a, rng, &child->lat, &child->lon);
    child->age = (int)cp_rng_int(rng, bands[band].low, bands[band].high);
    child->gender = cp_rng_chance(rng, 0.57) ? CP_GEN_MALE : CP_GEN_FEMALE;
    child->category = category;
    draw_needs(child, category, rng);
    draw_types(child, category, rng);
    child->max_distance_km = draw_limit(category, rng);
    child->spot_cost = NAN;
}

/* Brothers and sisters of the child just drawn, placed together: same home, category,
 * needs, types and limit; their own ages (under 16) and genders. */
static int add_siblings(cp_gen_draft *draft, int n_siblings, size_t group, cp_rng *rng)
{
    size_t first = draft->n_people - 1;
    draft->people[first].group = group;
    for (int k = 0; k < n_siblings; k++) {
        cp_gen_person *sibling = cp_gen_add_person(draft);
        *sibling = draft->people[first];
        int age = sibling->age + (int)cp_rng_int(rng, -4, 4);
        sibling->age = age < 0 ? 0 : age > 15 ? 15 : age;
        sibling->gender = cp_rng_chance(rng, 0.57) ? CP_GEN_MALE : CP_GEN_FEMALE;
    }
    return n_siblings;
}

void cp_gen_children_people(cp_gen_draft *draft, uint64_t seed, double scale)
{
    double weights[N_BANDS][N_CATEGORIES];
    category_weights(weights);
    const cp_gen_world *world = draft->world;
    size_t group = 0;
    for (size_t m = 0; m < world->n_members; m++) {
        size_t a = world->members[m];
        long n = lround(children_of(world, a) * scale);
        cp_rng rng;
        cp_rng_seed(&rng, seed, cp_rng_stream_of(world->authorities[a].place->code));
        for (long k = 0; k < n; k++) {
            size_t cell = cp_rng_weighted(&rng, &weights[0][0], N_BANDS * N_CATEGORIES);
            int band = (int)(cell / N_CATEGORIES), category = (int)(cell % N_CATEGORIES);
            draw_child(draft, a, band, category, &rng);
            if (in_sibling_groups(category) && draft->people[draft->n_people - 1].age < 16 &&
                k + 1 < n && cp_rng_chance(&rng, sibling_chance)) {
                int n_siblings = cp_rng_chance(&rng, one_sibling) || k + 2 >= n ? 1 : 2;
                k += add_siblings(draft, n_siblings, ++group, &rng);
            }
        }
    }
}
