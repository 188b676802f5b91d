/* Parallel jobs for compare: a pool of POSIX threads taking job indices in order, how many
 * fit in memory, and whole-line notes while solves run side by side. Each job's result
 * depends only on its own inputs, so the number of threads changes the pace, not the answer. */
#include "engine/compare.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "mip/thread.h"
#include "util/alloc.h"
#include "util/log.h"

typedef struct runner {
    pthread_mutex_t lock;
    int next, n_jobs;
    void (*job)(void *context, int j);
    void *context;
} runner;

static void take_jobs(runner *r)
{
    for (;;) {
        pthread_mutex_lock(&r->lock);
        int j = r->next < r->n_jobs ? r->next++ : -1;
        pthread_mutex_unlock(&r->lock);
        if (j < 0)
            return;
        r->job(r->context, j);
    }
}

static void *worker(void *argument)
{
    take_jobs(argument);
    cp_mip_thread_release();
    return NULL;
}

void cp_compare_run(int n_jobs, int workers, void (*job)(void *context, int j), void *context)
{
    runner r = {.next = 0, .n_jobs = n_jobs, .job = job, .context = context};
    pthread_mutex_init(&r.lock, NULL);
    int extra = (workers < n_jobs ? workers : n_jobs) - 1;
    pthread_t *threads = cp_malloc(((size_t)(extra > 0 ? extra : 0) + 1) * sizeof *threads);
    int started = 0;
    for (; started < extra; started++)
        if (pthread_create(&threads[started], NULL, worker, &r) != 0)
            break; /* fewer threads: the same jobs, later */
    take_jobs(&r);
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    pthread_mutex_destroy(&r.lock);
}

/* MemAvailable from /proc/meminfo in bytes; the free pages where it is absent. */
static double available_bytes(void)
{
    FILE *meminfo = fopen("/proc/meminfo", "r");
    char line[256];
    double kb = -1;
    while (meminfo && fgets(line, sizeof line, meminfo))
        if (sscanf(line, "MemAvailable: %lf kB", &kb) == 1)
            break;
    if (meminfo)
        fclose(meminfo);
    if (kb >= 0)
        return kb * 1024;
    return (double)sysconf(_SC_AVPHYS_PAGES) * (double)sysconf(_SC_PAGESIZE);
}

int cp_compare_fit_memory(double bytes, int max)
{
    double fit = 0.75 * available_bytes() / (bytes > 1 ? bytes : 1);
    int n = fit < max ? (int)fit : max;
    return n < 1 ? 1 : n;
}

static bool hushed;
static enum cp_verbosity asked; /* the level asked for, while hushed */
static pthread_mutex_t note_lock = PTHREAD_MUTEX_INITIALIZER;

void cp_compare_hush(void)
{
    asked = cp_log_verbosity();
    hushed = true;
    if (asked == CP_NORMAL)
        cp_log_set_verbosity(CP_QUIET);
}

void cp_compare_unhush(void)
{
    cp_log_set_verbosity(asked);
    hushed = false;
}

void cp_compare_note(const char *fmt, ...)
{
    if ((hushed ? asked : cp_log_verbosity()) < CP_NORMAL)
        return;
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&note_lock);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    pthread_mutex_unlock(&note_lock);
    va_end(ap);
}
