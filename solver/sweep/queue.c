/* The work queue of a sweep. The estimate of time left assumes a scenario's time grows with
 * its size (people), from the scenarios this run has finished. */
#include "sweep/queue.h"

#include "util/alloc.h"
#include "util/status.h"
#include "util/timer.h"

#include <stdio.h>
#include <stdlib.h>

static const cp_sweep_plan *sorting_plan; /* qsort's comparison has no context argument */

static int larger_first(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    double sx = sorting_plan->scenarios[x].size, sy = sorting_plan->scenarios[y].size;
    if (sx != sy)
        return sx > sy ? -1 : 1;
    return x - y;
}

void cp_sweep_queue_init(cp_sweep_queue *queue, const cp_sweep_plan *plan,
                         cp_sweep_journal *journal, bool progress)
{
    *queue = (cp_sweep_queue){.plan = plan,
                              .journal = journal,
                              .total = plan->n_scenarios,
                              .start = cp_wall_seconds(),
                              .progress = progress};
    pthread_mutex_init(&queue->lock, NULL);
    queue->pending = cp_malloc(sizeof(int) * (size_t)(plan->n_scenarios + 1));
    for (int s = 0; s < plan->n_scenarios; s++) {
        if (cp_sweep_journal_done(journal, plan->scenarios[s].id, NULL)) {
            queue->finished++;
        } else {
            queue->pending[queue->n_pending++] = s;
            queue->size_left += plan->scenarios[s].size;
        }
    }
    sorting_plan = plan;
    qsort(queue->pending, (size_t)queue->n_pending, sizeof(int), larger_first);
}

void cp_sweep_queue_free(cp_sweep_queue *queue)
{
    free(queue->pending);
    pthread_mutex_destroy(&queue->lock);
}

int cp_sweep_queue_take(cp_sweep_queue *queue)
{
    pthread_mutex_lock(&queue->lock);
    int s = queue->stopped || queue->next == queue->n_pending ? -1 : queue->pending[queue->next++];
    pthread_mutex_unlock(&queue->lock);
    return s;
}

static void format_duration(char *text, size_t size, double seconds)
{
    long s = (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(text, size, "%ldh%02ldm", s / 3600, s % 3600 / 60);
    else if (s >= 60)
        snprintf(text, size, "%ldm%02lds", s / 60, s % 60);
    else
        snprintf(text, size, "%lds", s);
}

static void print_progress(const cp_sweep_queue *queue)
{
    double elapsed = cp_wall_seconds() - queue->start;
    char spent[32], left[48] = "";
    format_duration(spent, sizeof spent, elapsed);
    if (queue->finished < queue->total && queue->size_done_now > 0) {
        char estimate[32];
        format_duration(estimate, sizeof estimate,
                        elapsed * queue->size_left / queue->size_done_now);
        snprintf(left, sizeof left, ", about %s left", estimate);
    }
    fprintf(stderr, "sweep: %d/%d scenarios done, %s elapsed%s\n", queue->finished, queue->total,
            spent, left);
}

int cp_sweep_queue_finish(cp_sweep_queue *queue, int s, int exit_status, cp_errors *errors)
{
    pthread_mutex_lock(&queue->lock);
    int status =
        cp_sweep_journal_record(queue->journal, queue->plan->scenarios[s].id, exit_status, errors);
    if (status == CP_OK) {
        queue->finished++;
        queue->size_left -= queue->plan->scenarios[s].size;
        queue->size_done_now += queue->plan->scenarios[s].size;
        if (queue->progress)
            print_progress(queue);
    } else {
        queue->stopped = true;
    }
    pthread_mutex_unlock(&queue->lock);
    return status;
}

void cp_sweep_queue_stop(cp_sweep_queue *queue)
{
    pthread_mutex_lock(&queue->lock);
    queue->stopped = true;
    pthread_mutex_unlock(&queue->lock);
}
