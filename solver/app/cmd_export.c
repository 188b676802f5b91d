/* carepool export: the model of one configuration as MathProg data (for
 * models/placement.mod), free MPS or CPLEX LP. */
#include "app/commands.h"

#include "io/dat_writer.h"
#include "mip/export.h"
#include "util/alloc.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes the dat file through a temporary file and a rename. */
static int export_dat(const cp_candidates *candidates, const char *path)
{
    size_t n = strlen(path) + 32;
    char *temporary = cp_malloc(n);
    snprintf(temporary, n, "%s.tmp.%ld", path, (long)getpid());
    cp_errors errors = {0};
    int status = CP_ERR_INTERNAL;
    FILE *out = fopen(temporary, "w");
    if (!out) {
        cp_errors_add(&errors, "%s: cannot create", temporary);
    } else {
        status = cp_dat_write(out, candidates, &errors);
        if (fclose(out) != 0 && status == CP_OK) {
            cp_errors_add(&errors, "%s: cannot write", temporary);
            status = CP_ERR_INTERNAL;
        }
        if (status == CP_OK && rename(temporary, path) != 0) {
            cp_errors_add(&errors, "%s: cannot rename into place", path);
            status = CP_ERR_INTERNAL;
        }
        if (status != CP_OK)
            remove(temporary);
    }
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    free(temporary);
    return status;
}

int cp_cmd_export(const cp_options *options)
{
    if (!options->format || !options->output) {
        fprintf(stderr, "export: --format dat|mps|lp and -o FILE are required\n");
        return CP_ERR_INPUT;
    }
    cp_instance *instance = NULL;
    const cp_config *config = NULL;
    cp_candidates *candidates = NULL;
    int status = cp_app_load(options->positional[0], options->config, &instance, &config);
    if (status == CP_OK)
        status = cp_app_candidates(instance, config, &candidates);
    if (status == CP_OK) {
        if (strcmp(options->format, "dat") == 0)
            status = export_dat(candidates, options->output);
        else
            status = cp_mip_export(candidates,
                                   strcmp(options->format, "mps") == 0 ? CP_MIP_FORMAT_MPS
                                                                      : CP_MIP_FORMAT_LP,
                                   options->output);
        if (status == CP_ERR_INTERNAL)
            fprintf(stderr, "export: cannot write '%s'\n", options->output);
    }
    cp_candidates_destroy(candidates);
    cp_instance_destroy(instance);
    return status;
}
