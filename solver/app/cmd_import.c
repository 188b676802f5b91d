/* carepool import gap FILE -o DIR: a generalized assignment benchmark as an instance. */
#include "app/commands.h"

#include "io/gap_import.h"
#include "util/status.h"

#include <stdio.h>
#include <string.h>

int cp_cmd_import(const cp_options *options)
{
    if (strcmp(options->positional[0], "gap") != 0) {
        fprintf(stderr, "import: unknown format '%s' (known: gap)\n", options->positional[0]);
        return CP_ERR_INPUT;
    }
    if (!options->output) {
        fprintf(stderr, "import: -o DIR is required\n");
        return CP_ERR_INPUT;
    }
    cp_errors errors = {0};
    int status = cp_gap_import(options->positional[1], options->output, &errors);
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    if (status == CP_OK)
        printf("imported %s into %s\n", options->positional[1], options->output);
    return status;
}
