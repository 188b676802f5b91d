/* MPS and LP exports through GLPK's writers. */
#include "mip/export.h"

#include "mip/model.h"
#include "util/alloc.h"
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int quiet(void *info, const char *text)
{
    (void)info;
    (void)text;
    return 1;
}

int cp_mip_export(const cp_candidates *candidates, cp_mip_format format, const char *path)
{
    size_t n = strlen(path) + 32;
    char *temporary = cp_malloc(n);
    snprintf(temporary, n, "%s.tmp.%ld", path, (long)getpid());

    cp_mip_model *model = cp_mip_model_build(candidates, CP_FORMULATION_STRONG, true);
    glp_term_hook(quiet, NULL);
    int failed = format == CP_MIP_FORMAT_MPS ? glp_write_mps(model->prob, GLP_MPS_FILE, NULL, temporary)
                                             : glp_write_lp(model->prob, NULL, temporary);
    glp_term_hook(NULL, NULL);
    cp_mip_model_destroy(model);

    int status = CP_OK;
    if (failed || rename(temporary, path) != 0) {
        remove(temporary);
        status = CP_ERR_INTERNAL;
    }
    free(temporary);
    return status;
}
