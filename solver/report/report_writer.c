/* Writes the result files of a run into an output directory. */
#include "report/report_writer.h"

#include "util/status.h"

int cp_report_write(cp_output *output, const cp_instance *instance, const cp_config *config,
                    const int *service_of_user, const cp_check *check, const cp_run_info *info)
{
    FILE *out;
    if (!check) {
        if (!(out = cp_output_file(output, "summary.json")))
            return CP_ERR_INTERNAL;
        cp_report_summary(out, instance, config, NULL, info);
        return CP_OK;
    }
    if (!(out = cp_output_file(output, "assignments.csv")))
        return CP_ERR_INTERNAL;
    cp_report_assignments(out, instance, service_of_user, check);
    if (!(out = cp_output_file(output, "authorities.csv")))
        return CP_ERR_INTERNAL;
    cp_report_authorities(out, instance, service_of_user, check);
    if (!(out = cp_output_file(output, "services.csv")))
        return CP_ERR_INTERNAL;
    cp_report_services(out, instance, check);
    if (!(out = cp_output_file(output, "summary.json")))
        return CP_ERR_INTERNAL;
    cp_report_summary(out, instance, config, check, info);
    return CP_OK;
}
