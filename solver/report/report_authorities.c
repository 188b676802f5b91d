/* authorities.csv: per home authority, how many people are placed, at what weekly cost and how
 * far from home (mean, median, 90th percentile, share within local_km), and how many are placed
 * in a service located in another authority. */
#include "report/report_writer.h"

#include "io/escape.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>

static int by_value(const void *left, const void *right)
{
    double a = *(const double *)left, b = *(const double *)right;
    return (a > b) - (a < b);
}

/* Writes the km statistics of km[0..n) (sorted ascending; n > 0). */
static void write_km_stats(FILE *out, const double *km, int n, double local_km)
{
    double sum = 0;
    int local = 0;
    for (int i = 0; i < n; i++) {
        sum += km[i];
        local += km[i] <= local_km;
    }
    double median = n % 2 ? km[n / 2] : (km[n / 2 - 1] + km[n / 2]) / 2;
    int p90_rank = (int)ceil(0.9 * n); /* nearest rank, 1-based */
    cp_write_csv_number(out, sum / n, 1);
    fputc(',', out);
    cp_write_csv_number(out, median, 1);
    fputc(',', out);
    cp_write_csv_number(out, km[p90_rank - 1], 1);
    fputc(',', out);
    cp_write_csv_number(out, (double)local / n, 3);
}

void cp_report_authorities(FILE *out, const cp_instance *instance, const int *service_of_user,
                           const cp_check *check)
{
    int n_authorities = instance->n_authorities, n_users = instance->n_users;
    /* placed people's km bucketed by home authority: start[a] .. start[a + 1] */
    int *start = cp_calloc((size_t)n_authorities + 1, sizeof *start);
    int *people = cp_calloc((size_t)n_authorities, sizeof *people);
    int *outside = cp_calloc((size_t)n_authorities, sizeof *outside);
    double *cost = cp_calloc((size_t)n_authorities, sizeof *cost);
    double *km = cp_malloc((size_t)n_users * sizeof *km);

    for (int u = 0; u < n_users; u++) {
        int a = instance->users[u].authority;
        people[a]++;
        cost[a] += check->user_weekly_cost[u];
        if (isnan(check->user_km[u]))
            continue;
        start[a + 1]++;
        outside[a] += instance->services[service_of_user[u]].authority != a;
    }
    for (int a = 0; a < n_authorities; a++)
        start[a + 1] += start[a];
    int *fill = cp_malloc((size_t)n_authorities * sizeof *fill);
    for (int a = 0; a < n_authorities; a++)
        fill[a] = start[a];
    for (int u = 0; u < n_users; u++)
        if (!isnan(check->user_km[u]))
            km[fill[instance->users[u].authority]++] = check->user_km[u];

    fputs("authority,people,placed,unplaced,weekly_cost,mean_km,median_km,p90_km,"
          "share_within_local_km,placed_outside_own_authority\n",
          out);
    for (int a = 0; a < n_authorities; a++) {
        int placed = start[a + 1] - start[a];
        cp_write_csv_field(out, instance->authorities[a].id);
        fprintf(out, ",%d,%d,%d,", people[a], placed, people[a] - placed);
        cp_write_csv_number(out, cost[a], 2);
        fputc(',', out);
        if (placed > 0) {
            qsort(km + start[a], (size_t)placed, sizeof *km, by_value);
            write_km_stats(out, km + start[a], placed, instance->settings.local_km);
        } else {
            fputs(",,,", out);
        }
        fprintf(out, ",%d\n", outside[a]);
    }
    free(start);
    free(people);
    free(outside);
    free(cost);
    free(km);
    free(fill);
}
