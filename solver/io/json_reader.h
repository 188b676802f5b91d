/* Reading JSON back: a small, strict parser (RFC 8259) that turns a document into a tree of
 * values, for the tools that read carepool's own results (summary.json of solve and compare):
 * `carepool summary` today, `carepool report` later. Strict means: one value per document,
 * no comments, no trailing commas, no duplicate member names, UTF-8 input only, strings
 * without control characters or NUL, numbers in JSON's grammar that fit a double, nesting
 * at most CP_JSON_MAX_DEPTH deep. The first problem stops the parse and is reported as
 * "FILE:LINE:COLUMN: problem", LINE and COLUMN 1-based, COLUMN counting characters. */
#ifndef CAREPOOL_IO_JSON_READER_H
#define CAREPOOL_IO_JSON_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "util/errors.h"

/* Arrays and objects nested deeper than this are refused (a guard against runaway input;
 * carepool's own files nest three deep). */
#define CP_JSON_MAX_DEPTH 64

typedef enum cp_json_type {
    CP_JSON_NULL,
    CP_JSON_FALSE,
    CP_JSON_TRUE,
    CP_JSON_NUMBER,
    CP_JSON_STRING,
    CP_JSON_ARRAY,
    CP_JSON_OBJECT
} cp_json_type;

/* One value of the tree. Every pointer in it is owned by the tree; cp_json_destroy on the
 * root frees them all. */
typedef struct cp_json_value {
    cp_json_type type;
    long line, column; /* where the value starts in the document */
    /* NUMBER: the number as written (e.g. "0.003733", "-1e5"); STRING: the decoded UTF-8
     * text; both NUL-terminated. NULL for the other types. */
    char *text;
    double number;               /* NUMBER: the value of text */
    size_t count;                /* ARRAY: elements; OBJECT: members */
    struct cp_json_value *items; /* ARRAY, OBJECT: the count values, in document order */
    char **names;                /* OBJECT: the count member names (decoded UTF-8) */
} cp_json_value;

/* Parses length bytes of text (no NUL needed). On success returns CP_OK and sets *root to a
 * tree the caller frees with cp_json_destroy. On a problem returns CP_ERR_INPUT, sets *root
 * to NULL and adds one line to errors: "FILE:LINE:COLUMN: problem" with FILE = file_name. */
int cp_json_parse(const char *text, size_t length, const char *file_name, cp_json_value **root,
                  cp_errors *errors);

/* Reads and parses the file at path, as cp_json_parse. A file that cannot be read is
 * CP_ERR_INPUT with "PATH: cannot read: REASON". */
int cp_json_read_file(const char *path, cp_json_value **root, cp_errors *errors);

/* Frees a tree returned by the functions above; NULL is accepted. */
void cp_json_destroy(cp_json_value *root);

/* The member called name of an object, or NULL (also when value is not an object). */
const cp_json_value *cp_json_member(const cp_json_value *value, const char *name);

/* Follows path from value and returns what it reaches, or NULL after adding
 * "FILE: key 'PATH': problem" to errors. A path is steps separated by '.': a member name in
 * an object, an index from 0 in an array ("configurations.2.objective"); a step may end in
 * one or more "[NAME]", which select from an array the object whose "name" member is the
 * string NAME ("configurations[pooled].gap"). The empty path reaches value itself. Member
 * names holding '.', '[' or ']' cannot be reached this way. */
const cp_json_value *cp_json_find(const cp_json_value *value, const char *path,
                                  const char *file_name, cp_errors *errors);

/* True for null, false, true, numbers and strings. */
bool cp_json_is_scalar(const cp_json_value *value);

#endif
