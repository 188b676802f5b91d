/* The command line: one table of options drives parsing, defaults, range checks and --help. */
#ifndef CAREPOOL_APP_OPTIONS_H
#define CAREPOOL_APP_OPTIONS_H

#include <stdbool.h>

#include "util/errors.h"

/* Commands, as bits so an option can name the commands that accept it. */
enum cp_command {
    CP_CMD_SOLVE = 1 << 0,
    CP_CMD_VALIDATE = 1 << 1,
    CP_CMD_CHECK = 1 << 2,
    CP_CMD_EXPORT = 1 << 3,
    CP_CMD_IMPORT = 1 << 4,
    CP_CMD_GENERATE = 1 << 5,
    CP_CMD_COMPARE = 1 << 6,
    CP_CMD_SUMMARY = 1 << 7,
    CP_CMD_TRANSFORM = 1 << 8,
    CP_CMD_SWEEP = 1 << 9
};

/* Most positional arguments a command takes (summary: PATH and its KEYs). */
#define CP_MAX_POSITIONAL 64

/* Most values of a repeatable option (--set). */
#define CP_MAX_REPEATS 64

/* The values of a repeatable option, in the order given. */
typedef struct cp_repeated {
    const char *values[CP_MAX_REPEATS];
    int count;
} cp_repeated;

typedef struct cp_options {
    enum cp_command command;
    /* e.g. DIR and ASSIGNMENTS.csv, or "gap" and FILE, or PATH and KEYs */
    const char *positional[CP_MAX_POSITIONAL];
    int n_positional;

    const char *output;
    const char *config;
    double time_limit;
    double work; /* the heuristic's moves per candidate pair; 0: no limit */
    double gap;
    const char *method;
    const char *formulation;
    const char *cuts;
    const char *branching;
    const char *format;
    const char *preset;
    double scale;
    const char *size; /* generate: the benchmark presets' AxB, or NULL */
    long seed;
    long threads;
    bool quiet;
    bool verbose;
    bool glpk_output;
    bool version;             /* --version: print the version and stop */
    bool header;              /* summary: print the keys first */
    const char *configs;      /* compare: comma-separated configuration names, or NULL */
    long shapley_samples;     /* compare: orders sampled for pools above 10 members */
    long shapley_max_members; /* compare: larger pools get proportional shares only */
    double coalition_work;    /* compare: moves per candidate pair of each coalition solve */
    bool restart;             /* sweep: discard OUT's results of another plan */

    /* the what-ifs (app/what_if.c) */
    cp_repeated set;           /* --set KEY=VALUE */
    const char *demand_growth; /* --demand-growth SPEC, or NULL */
    const char *uplift;        /* --uplift PCT|FILE, or NULL */
} cp_options;

/* Parses argv (argv[1] is the command). Returns CP_OK, or CP_ERR_INPUT with the problems in
 * errors. Strings point into argv. Sets *help when --help or no command was given, and
 * options->version for --version. */
int cp_options_parse(int argc, char **argv, cp_options *options, bool *help, cp_errors *errors);

/* Prints usage, every option with its default and range, and the exit statuses. */
void cp_options_print_help(void);

#endif
