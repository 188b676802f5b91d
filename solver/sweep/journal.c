/* The journal file: a header line "carepool-sweep-journal 1 PLAN_FINGERPRINT", then one line
 * "ID<TAB>EXIT_STATUS" per finished scenario. A line is complete only with its newline, so a
 * kill in the middle of a write loses at most that scenario's record, which is then redone. */
#define _POSIX_C_SOURCE 200809L
#include "sweep/journal.h"

#include "util/alloc.h"
#include "util/status.h"
#include "util/strmap.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HEADER "carepool-sweep-journal 1 "

struct cp_sweep_journal {
    FILE *file;      /* appends */
    cp_strmap *done; /* id -> index in exits */
    int *exits;
    char **ids;
    size_t n_done, capacity, id_capacity;
    char **discarded; /* restart: the ids the journal held */
    int n_discarded;
};

/* The file's bytes, NUL-terminated, in *text (caller frees); false when it does not exist. */
static bool read_all(const char *path, char **text, size_t *length)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return false;
    size_t capacity = 4096, n = 0;
    char *buffer = cp_malloc(capacity);
    size_t got;
    while ((got = fread(buffer + n, 1, capacity - n - 1, file)) > 0) {
        n += got;
        if (capacity - n - 1 == 0)
            cp_grow((void **)&buffer, 1, &capacity, capacity * 2);
    }
    fclose(file);
    buffer[n] = '\0';
    *text = buffer;
    *length = n;
    return true;
}

static void remember(cp_sweep_journal *journal, const char *id, int exit_status)
{
    int known = cp_strmap_get(journal->done, id);
    if (known >= 0) { /* a scenario redone after its record: the last one counts */
        journal->exits[known] = exit_status;
        return;
    }
    cp_grow((void **)&journal->exits, sizeof(int), &journal->capacity, journal->n_done + 1);
    cp_grow((void **)&journal->ids, sizeof(char *), &journal->id_capacity, journal->n_done + 1);
    journal->exits[journal->n_done] = exit_status;
    journal->ids[journal->n_done] = cp_strdup(id);
    cp_strmap_put(journal->done, id, (int)journal->n_done++);
}

/* Reads the records of text (after its header); returns the length of its complete lines. */
static size_t read_records(cp_sweep_journal *journal, char *text, size_t length)
{
    char *line = strchr(text, '\n') + 1;
    char *end;
    while ((end = memchr(line, '\n', length - (size_t)(line - text))) != NULL) {
        *end = '\0';
        char *tab = strchr(line, '\t');
        if (tab) {
            *tab = '\0';
            remember(journal, line, atoi(tab + 1));
        }
        line = end + 1;
    }
    return (size_t)(line - text);
}

/* Restart: the records read become the ids to discard, and the journal starts empty. */
static void discard_records(cp_sweep_journal *journal)
{
    journal->discarded = journal->ids;
    journal->n_discarded = (int)journal->n_done;
    journal->ids = NULL;
    journal->n_done = journal->capacity = journal->id_capacity = 0;
    free(journal->exits);
    journal->exits = NULL;
    cp_strmap_destroy(journal->done);
    journal->done = cp_strmap_create();
}

static int write_header(const char *path, uint64_t fingerprint, cp_errors *errors)
{
    FILE *file = fopen(path, "wb");
    if (!file || fprintf(file, HEADER "%016" PRIx64 "\n", fingerprint) < 0 || fflush(file) != 0 ||
        fsync(fileno(file)) != 0) {
        cp_errors_add(errors, "%s: cannot write the sweep's journal: %s", path, strerror(errno));
        if (file)
            fclose(file);
        return CP_ERR_INTERNAL;
    }
    fclose(file);
    return CP_OK;
}

/* Reads an existing journal into journal. Returns CP_OK with *fresh set when a new header is
 * to be written, or CP_ERR_INPUT for a journal of another plan (without restart) or a file
 * that is not a journal. */
static int load(cp_sweep_journal *journal, const char *path, uint64_t fingerprint, bool restart,
                bool *fresh, cp_errors *errors)
{
    char *text;
    size_t length;
    *fresh = true;
    if (!read_all(path, &text, &length))
        return CP_OK;
    char header[64];
    snprintf(header, sizeof header, HEADER "%016" PRIx64 "\n", fingerprint);
    int status = CP_OK;
    char *newline = strchr(text, '\n');
    if (newline && strncmp(text, HEADER, strlen(HEADER)) == 0) {
        bool same = strncmp(text, header, strlen(header)) == 0;
        size_t complete = read_records(journal, text, length);
        if (restart) {
            discard_records(journal);
        } else if (!same) {
            cp_errors_add(errors,
                          "%s: these results were made by a different PLAN.csv; give --restart to "
                          "discard them and start again, or choose another -o",
                          path);
            status = CP_ERR_INPUT;
        } else {
            *fresh = false;
            if (complete < length && truncate(path, (off_t)complete) != 0) {
                cp_errors_add(errors, "%s: cannot drop its cut-short last line: %s", path,
                              strerror(errno));
                status = CP_ERR_INTERNAL;
            }
        }
    } else if (newline) {
        cp_errors_add(errors, "%s: not a carepool sweep journal; choose another -o", path);
        status = CP_ERR_INPUT;
    }
    free(text);
    return status;
}

int cp_sweep_journal_open(const char *path, uint64_t fingerprint, bool restart,
                          cp_sweep_journal **out, cp_errors *errors)
{
    cp_sweep_journal *journal = cp_calloc(1, sizeof *journal);
    journal->done = cp_strmap_create();
    bool fresh;
    int status = load(journal, path, fingerprint, restart, &fresh, errors);
    if (status == CP_OK && fresh)
        status = write_header(path, fingerprint, errors);
    if (status == CP_OK && !(journal->file = fopen(path, "ab"))) {
        cp_errors_add(errors, "%s: cannot open the sweep's journal: %s", path, strerror(errno));
        status = CP_ERR_INTERNAL;
    }
    if (status != CP_OK) {
        cp_sweep_journal_close(journal);
        journal = NULL;
    }
    *out = journal;
    return status;
}

bool cp_sweep_journal_done(const cp_sweep_journal *journal, const char *id, int *exit_status)
{
    int known = cp_strmap_get(journal->done, id);
    if (known >= 0 && exit_status)
        *exit_status = journal->exits[known];
    return known >= 0;
}

int cp_sweep_journal_count_discarded(const cp_sweep_journal *journal)
{
    return journal->n_discarded;
}

const char *cp_sweep_journal_discarded(const cp_sweep_journal *journal, int i)
{
    return journal->discarded[i];
}

int cp_sweep_journal_record(cp_sweep_journal *journal, const char *id, int exit_status,
                            cp_errors *errors)
{
    if (fprintf(journal->file, "%s\t%d\n", id, exit_status) < 0 || fflush(journal->file) != 0 ||
        fsync(fileno(journal->file)) != 0) {
        cp_errors_add(errors, "cannot record scenario '%s' in the sweep's journal: %s", id,
                      strerror(errno));
        return CP_ERR_INTERNAL;
    }
    remember(journal, id, exit_status);
    return CP_OK;
}

void cp_sweep_journal_close(cp_sweep_journal *journal)
{
    if (!journal)
        return;
    if (journal->file)
        fclose(journal->file);
    for (size_t i = 0; i < journal->n_done; i++)
        free(journal->ids[i]);
    for (int i = 0; i < journal->n_discarded; i++)
        free(journal->discarded[i]);
    free(journal->ids);
    free(journal->discarded);
    free(journal->exits);
    cp_strmap_destroy(journal->done);
    free(journal);
}
