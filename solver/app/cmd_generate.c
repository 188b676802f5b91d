/* carepool generate --preset NAME --seed N -o DIR [--scale F | --size AxB]: a synthetic
 * instance. */
#include "app/commands.h"

#include "gen/generate.h"
#include "util/memory.h"
#include "util/status.h"
#include "util/timer.h"

#include <stdio.h>

int cp_cmd_generate(const cp_options *options)
{
    if (!options->preset || !options->output) {
        fprintf(stderr, "generate: --preset NAME and -o DIR are required (presets: %s)\n",
                cp_generate_preset_names());
        return CP_ERR_INPUT;
    }
    cp_errors errors = {0};
    cp_gen_summary made;
    double start = cp_wall_seconds();
    cp_gen_request request = {options->preset, (uint64_t)options->seed, options->scale,
                              options->size};
    int status = cp_generate(&request, options->output, &made, &errors);
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    if (status != CP_OK)
        return status;
    if (options->size)
        printf("generated %s (seed %ld, size %s)", options->preset, options->seed, options->size);
    else
        printf("generated %s (seed %ld, scale %g)", options->preset, options->seed, options->scale);
    printf(" into %s in %.2f s, peak memory %.0f MB\n", options->output, cp_wall_seconds() - start,
           cp_peak_memory_mb());
    printf("  authorities  %zu (%zu with people)\n", made.authorities, made.members);
    printf("  people       %zu (%zu placed today, %zu locked, %zu groups)\n", made.people,
           made.placed, made.locked, made.groups);
    printf("  services     %zu (%zu candidates), %.0f places, %zu providers\n", made.services,
           made.candidates, made.places, made.providers);
    printf("  quotes       %zu\n  tiers        %zu\n  configurations %zu listed\n", made.quotes,
           made.tiers, made.configurations);
    return CP_OK;
}
