/* assignments.csv: where each person is placed, at what distance and weekly cost. */
#include "report/report_writer.h"

#include "io/escape.h"

#include <math.h>

void cp_report_assignments(FILE *out, const cp_instance *instance, const int *service_of_user,
                           const cp_check *check)
{
    fputs("person,authority,service,provider,type,km,weekly_cost,status,moved\n", out);
    for (int u = 0; u < instance->n_users; u++) {
        const cp_user *user = &instance->users[u];
        bool placed = !isnan(check->user_km[u]);
        cp_write_csv_field(out, user->id);
        fputc(',', out);
        cp_write_csv_field(out, instance->authorities[user->authority].id);
        fputc(',', out);
        if (placed) {
            const cp_service *service = &instance->services[service_of_user[u]];
            cp_write_csv_field(out, service->id);
            fputc(',', out);
            cp_write_csv_field(out, instance->providers.name[service->provider]);
            fputc(',', out);
            cp_write_csv_field(out, instance->types.name[service->type]);
        } else {
            fputs(",,", out);
        }
        fputc(',', out);
        cp_write_csv_number(out, check->user_km[u], 1);
        fputc(',', out);
        cp_write_csv_number(out, check->user_weekly_cost[u], 2);
        fprintf(out, ",%s,%s\n", placed ? "placed" : "unplaced",
                check->user_moved[u] ? "true" : "false");
    }
}
