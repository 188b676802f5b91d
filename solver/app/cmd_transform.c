/* carepool transform: load an instance, apply the what-ifs (--set, --demand-growth, --uplift)
 * and write the instance they make with the instance writer, so that `solve DIR2` gives
 * what `solve DIR` with the same options gives. Nothing is written on a problem. */
#include "app/commands.h"

#include "io/instance_rewrite.h"
#include "io/instance_writer.h"
#include "util/status.h"

#include <stdio.h>

int cp_cmd_transform(const cp_options *options)
{
    if (!options->output) {
        fprintf(stderr, "transform: -o DIR is required\n");
        return CP_ERR_INPUT;
    }
    cp_instance *instance = NULL;
    const cp_config *config = NULL;
    int status = cp_app_load_what_if(options, "pooled", &instance, &config);
    if (status != CP_OK)
        return status;
    cp_instance_rows *rows = cp_instance_rows_of(instance);
    cp_errors errors = {0};
    status = cp_instance_write(rows, options->output, &errors);
    cp_app_print_errors(&errors);
    cp_errors_clear(&errors);
    if (status == CP_OK)
        printf("%s: %d people (%d added, %d removed), %d services (%d uplifted), written to %s\n",
               instance->directory, instance->n_users, instance->what_if.people_added,
               instance->what_if.people_removed, instance->n_services,
               instance->what_if.services_uplifted, options->output);
    cp_instance_rows_destroy(rows);
    cp_instance_destroy(instance);
    return status;
}
