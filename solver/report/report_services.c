/* services.csv: each service's capacity, the places used and whether it is open. */
#include "report/report_writer.h"

#include "io/escape.h"

void cp_report_services(FILE *out, const cp_instance *instance, const cp_check *check)
{
    fputs("service,provider,authority,type,status,capacity,used,utilisation,opened\n", out);
    for (int s = 0; s < instance->n_services; s++) {
        const cp_service *service = &instance->services[s];
        cp_write_csv_field(out, service->id);
        fputc(',', out);
        cp_write_csv_field(out, instance->providers.name[service->provider]);
        fputc(',', out);
        cp_write_csv_field(out, instance->authorities[service->authority].id);
        fputc(',', out);
        cp_write_csv_field(out, instance->types.name[service->type]);
        fprintf(out, ",%s,", service->candidate ? "candidate" : "existing");
        cp_write_csv_number(out, service->capacity, CP_DECIMALS_GENERAL);
        fputc(',', out);
        cp_write_csv_number(out, check->service_used[s], CP_DECIMALS_GENERAL);
        fputc(',', out);
        cp_write_csv_number(out, check->service_used[s] / service->capacity, 3);
        fprintf(out, ",%s\n", check->service_open[s] ? "true" : "false");
    }
}
