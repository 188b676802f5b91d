/* Reads a plan (a service per person) from an assignments CSV, checking it names every person
 * of the instance once and only known services. */
#include "io/assignment_reader.h"

#include "io/csv.h"
#include "util/alloc.h"
#include "util/status.h"

#include <stdlib.h>
#include <string.h>

/* A copy of text without leading and trailing spaces and tabs. Free the result. */
static char *trimmed(const char *text)
{
    text += strspn(text, " \t");
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        n--;
    char *copy = cp_malloc(n + 1);
    memcpy(copy, text, n);
    copy[n] = '\0';
    return copy;
}

/* Reads one row into plan; line_of_user[u] remembers where each person was first seen. */
static void read_row(const char *path, const cp_instance *instance, const cp_csv_table *table,
                     int row, int person_column, int service_column, int *plan, long *line_of_user,
                     cp_errors *errors)
{
    long line = table->line[row];
    char *person = trimmed(cp_csv_cell(table, row, person_column));
    char *service = trimmed(cp_csv_cell(table, row, service_column));
    int u = cp_strmap_get(instance->user_index, person);
    int s = service[0] ? cp_strmap_get(instance->service_index, service) : CP_NONE;

    if (!person[0])
        cp_errors_at(errors, path, line, "person", NULL, "missing value");
    else if (u < 0)
        cp_errors_at(errors, path, line, "person", person, "unknown person");
    else if (line_of_user[u] > 0)
        cp_errors_at(errors, path, line, "person", person, "duplicate person, first on line %ld",
                     line_of_user[u]);
    if (service[0] && s < 0)
        cp_errors_at(errors, path, line, "service", service, "unknown service");
    if (u >= 0 && line_of_user[u] == 0) {
        line_of_user[u] = line;
        plan[u] = s < 0 ? CP_NONE : s;
    }
    free(person);
    free(service);
}

int cp_assignment_read(const char *path, const cp_instance *instance, int **service_of_user,
                       cp_errors *errors)
{
    cp_csv_table *table = NULL;
    int *plan = NULL;
    long *line_of_user = NULL;
    size_t problems_before = errors->count + errors->dropped;
    int status;

    *service_of_user = NULL;
    cp_errors_next_file(errors);
    status = cp_csv_read(path, path, &table, errors);
    if (status != CP_OK)
        goto cleanup;
    int person_column = cp_csv_column(table, "person");
    int service_column = cp_csv_column(table, "service");
    if (person_column < 0)
        cp_errors_at(errors, path, 1, "person", NULL, "missing required column");
    if (service_column < 0)
        cp_errors_at(errors, path, 1, "service", NULL, "missing required column");
    if (person_column < 0 || service_column < 0) {
        status = CP_ERR_INPUT;
        goto cleanup;
    }

    plan = cp_malloc((size_t)instance->n_users * sizeof *plan);
    line_of_user = cp_calloc((size_t)instance->n_users, sizeof *line_of_user);
    for (int row = 0; row < table->n_rows; row++)
        read_row(path, instance, table, row, person_column, service_column, plan, line_of_user,
                 errors);
    for (int u = 0; u < instance->n_users; u++)
        if (line_of_user[u] == 0)
            cp_errors_at(errors, path, 0, NULL, NULL, "person '%s' does not appear",
                         instance->users[u].id);
    if (errors->count + errors->dropped > problems_before) {
        status = CP_ERR_INPUT;
        goto cleanup;
    }
    *service_of_user = plan;
    plan = NULL;

cleanup:
    cp_csv_destroy(table);
    free(plan);
    free(line_of_user);
    return status;
}
