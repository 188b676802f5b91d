/* A sweep's own worker: solves scenarios one after another into OUT/runs/ID. */
#define _POSIX_C_SOURCE 200809L
#include "sweep/distribute.h"

#include "util/alloc.h"
#include "util/interrupt.h"
#include "util/status.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *cp_sweep_run_directory(const char *output, const char *id)
{
    size_t n = strlen(output) + strlen(id) + sizeof "/runs/";
    char *path = cp_malloc(n);
    snprintf(path, n, "%s/runs/%s", output, id);
    return path;
}

int cp_sweep_remove_directory(const char *directory)
{
    DIR *dir = opendir(directory);
    if (!dir)
        return -1;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        char *path = cp_malloc(strlen(directory) + strlen(entry->d_name) + 2);
        sprintf(path, "%s/%s", directory, entry->d_name);
        unlink(path);
        free(path);
    }
    closedir(dir);
    return rmdir(directory);
}

int cp_sweep_work_here(cp_sweep_queue *queue, const cp_sweep_request *request, cp_errors *errors)
{
    int s;
    while ((s = cp_sweep_queue_take(queue)) >= 0) {
        const cp_sweep_scenario *scenario = &request->plan->scenarios[s];
        char *directory = cp_sweep_run_directory(request->output, scenario->id);
        int exit_status = request->solve(scenario, directory, request->context);
        free(directory);
        if (cp_interrupt_requested()) {
            cp_sweep_queue_stop(queue);
            break;
        }
        if (cp_sweep_queue_finish(queue, s, exit_status, errors) != CP_OK)
            return CP_ERR_INTERNAL;
    }
    return CP_OK;
}
