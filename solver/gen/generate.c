/* The generator's driver: preset -> world -> recipe -> configurations -> files. */
#include "gen/generate.h"

#include <stdlib.h>
#include <string.h>

#include "gen/draft_writer.h"
#include "gen/presets.h"
#include "gen/recipes.h"
#include "util/status.h"

static void summarise(const cp_gen_draft *draft, cp_gen_summary *summary)
{
    *summary = (cp_gen_summary){.members = draft->world->n_members,
                                .authorities = cp_gen_draft_listed_authorities(draft),
                                .people = draft->n_people,
                                .services = draft->n_services,
                                .providers = draft->n_providers,
                                .quotes = draft->n_quotes,
                                .tiers = draft->n_tiers,
                                .configurations = draft->n_configs};
    for (size_t p = 0; p < draft->n_people; p++) {
        const cp_gen_person *person = &draft->people[p];
        summary->placed += person->current != CP_GEN_NONE;
        summary->locked += person->locked != 0;
        if (person->group && (p == 0 || draft->people[p - 1].group != person->group))
            summary->groups++;
    }
    for (size_t s = 0; s < draft->n_services; s++) {
        summary->candidates += draft->services[s].candidate != 0;
        summary->places += draft->services[s].capacity;
    }
}

int cp_generate(const char *preset_name, uint64_t seed, double scale, const char *dir,
                cp_gen_summary *summary, cp_errors *errors)
{
    const cp_gen_preset *preset = cp_gen_preset_find(preset_name);
    if (!preset) {
        cp_errors_add(errors, "generate: unknown preset '%s' (known: %s)", preset_name,
                      cp_generate_preset_names());
        return CP_ERR_INPUT;
    }
    size_t n_members;
    const char **members = cp_gen_preset_members(preset, &n_members);
    cp_gen_world *world = cp_gen_world_create(members, n_members, errors);
    free(members);
    if (!world)
        return CP_ERR_INTERNAL;

    int children = preset->population == CP_GEN_CHILDREN;
    cp_gen_draft *draft =
        children ? cp_gen_draft_create(world, cp_gen_children_types, cp_gen_children_n_types,
                                       cp_gen_children_tags, cp_gen_children_n_tags)
                 : cp_gen_draft_create(world, cp_gen_adults_types, cp_gen_adults_n_types,
                                       cp_gen_adults_tags, cp_gen_adults_n_tags);
    if (children)
        cp_gen_children(draft, seed, scale);
    else
        cp_gen_adults_ld(draft, seed, scale, preset->people, preset->accommodation_only);
    cp_gen_preset_configurations(preset, draft);

    int status;
    if (draft->n_people == 0) {
        cp_errors_add(errors, "generate: scale %g leaves no one to place", scale);
        status = CP_ERR_INPUT;
    } else {
        status = cp_gen_draft_write(draft, dir, errors);
        summarise(draft, summary);
    }
    cp_gen_draft_destroy(draft);
    cp_gen_world_destroy(world);
    return status;
}

const char *cp_generate_preset_names(void)
{
    static char names[256];
    if (names[0] == '\0')
        for (size_t p = 0; p < cp_gen_n_presets; p++) {
            if (p > 0)
                strncat(names, "|", sizeof names - strlen(names) - 1);
            strncat(names, cp_gen_presets[p].name, sizeof names - strlen(names) - 1);
        }
    return names;
}
