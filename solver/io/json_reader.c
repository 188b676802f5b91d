/* The strict JSON parser of json_reader.h: recursive descent over a byte buffer, keeping the
 * line and column of the next byte for messages, and the path lookup used to pick values out
 * of carepool's summary files. */
#include "io/json_reader.h"

#include "util/alloc.h"
#include "util/status.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const unsigned char *text;
    size_t length, pos;
    long line, column; /* of the byte at pos */
    const char *file;
    cp_errors *errors;
    bool failed;
} parser;

/* A growing byte buffer for a string being decoded. */
typedef struct buffer {
    char *bytes;
    size_t length, capacity;
} buffer;

static void push(buffer *b, char c)
{
    cp_grow((void **)&b->bytes, 1, &b->capacity, b->length + 2);
    b->bytes[b->length++] = c;
    b->bytes[b->length] = '\0';
}

static void fail_at(parser *p, long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Records the first problem only: the parse stops there. */
static void fail_at(parser *p, long line, long column, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    char problem[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(problem, sizeof problem, fmt, ap);
    va_end(ap);
    cp_errors_add(p->errors, "%s:%ld:%ld: %s", p->file, line, column, problem);
}

#define FAIL(p, ...) fail_at((p), (p)->line, (p)->column, __VA_ARGS__)

static bool at_end(const parser *p)
{
    return p->pos >= p->length;
}

static int peek(const parser *p)
{
    return at_end(p) ? -1 : p->text[p->pos];
}

/* Moves past one byte; a column is one character, so UTF-8 continuation bytes add none. */
static void advance(parser *p)
{
    unsigned char c = p->text[p->pos++];
    if (c == '\n') {
        p->line++;
        p->column = 1;
    } else if ((c & 0xC0) != 0x80) {
        p->column++;
    }
}

static void skip_space(parser *p)
{
    int c;
    while ((c = peek(p)) == ' ' || c == '\t' || c == '\n' || c == '\r')
        advance(p);
}

/* Names the byte at the cursor for a message: 'x', or its code for control and non-ASCII
 * bytes, or "the end of the input". */
static const char *shown(const parser *p, char *out, size_t size)
{
    int c = peek(p);
    if (c < 0)
        snprintf(out, size, "the end of the input");
    else if (c >= 0x20 && c < 0x7F)
        snprintf(out, size, "'%c'", c);
    else
        snprintf(out, size, "byte 0x%02X", (unsigned)c);
    return out;
}

static void unexpected(parser *p, const char *wanted)
{
    char what[32];
    FAIL(p, "expected %s, found %s", wanted, shown(p, what, sizeof what));
}

/* The length of the valid UTF-8 sequence at the cursor (lead byte >= 0x80), or 0. Refuses
 * overlong forms, surrogates and code points above U+10FFFF. */
static size_t utf8_length(const parser *p)
{
    const unsigned char *s = p->text + p->pos;
    size_t left = p->length - p->pos, n;
    unsigned char low = 0x80, high = 0xBF;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4;
    else
        return 0;
    if (s[0] == 0xE0)
        low = 0xA0;
    else if (s[0] == 0xED)
        high = 0x9F;
    else if (s[0] == 0xF0)
        low = 0x90;
    else if (s[0] == 0xF4)
        high = 0x8F;
    if (left < n || s[1] < low || s[1] > high)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

static void put_utf8(buffer *b, unsigned long cp)
{
    if (cp < 0x80) {
        push(b, (char)cp);
    } else if (cp < 0x800) {
        push(b, (char)(0xC0 | cp >> 6));
        push(b, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        push(b, (char)(0xE0 | cp >> 12));
        push(b, (char)(0x80 | (cp >> 6 & 0x3F)));
        push(b, (char)(0x80 | (cp & 0x3F)));
    } else {
        push(b, (char)(0xF0 | cp >> 18));
        push(b, (char)(0x80 | (cp >> 12 & 0x3F)));
        push(b, (char)(0x80 | (cp >> 6 & 0x3F)));
        push(b, (char)(0x80 | (cp & 0x3F)));
    }
}

/* Reads the four hex digits after "\u" (the cursor is on the 'u'); -1 on a problem. */
static long hex4(parser *p)
{
    long line = p->line, column = p->column - 1;
    advance(p);
    long value = 0;
    for (int i = 0; i < 4; i++) {
        int c = peek(p);
        int digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
        if (digit < 0) {
            fail_at(p, line, column, "\\u must be followed by four hex digits");
            return -1;
        }
        value = value * 16 + digit;
        advance(p);
    }
    return value;
}

/* Decodes \uXXXX (and a following low surrogate) at the cursor, on the 'u'. */
static bool unicode_escape(parser *p, buffer *b)
{
    long line = p->line, column = p->column - 1;
    long cp = hex4(p);
    if (cp < 0)
        return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        fail_at(p, line, column, "unpaired surrogate \\u%04lX", cp);
        return false;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        long low = -1;
        if (peek(p) == '\\' && p->pos + 1 < p->length && p->text[p->pos + 1] == 'u') {
            advance(p);
            low = hex4(p);
        }
        if (p->failed)
            return false;
        if (low < 0xDC00 || low > 0xDFFF) {
            fail_at(p, line, column, "unpaired surrogate \\u%04lX", cp);
            return false;
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (cp == 0) {
        fail_at(p, line, column, "\\u0000 (NUL) is not accepted in a string");
        return false;
    }
    put_utf8(b, (unsigned long)cp);
    return true;
}

/* One escape sequence; the cursor is on the backslash. */
static bool escape(parser *p, buffer *b)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    long line = p->line, column = p->column;
    advance(p);
    int c = peek(p);
    if (c == 'u')
        return unicode_escape(p, b);
    const char *at = c > 0 ? strchr(from, c) : NULL;
    if (!at) {
        char what[32];
        fail_at(p, line, column, "invalid escape: '\\' followed by %s",
                shown(p, what, sizeof what));
        return false;
    }
    push(b, to[at - from]);
    advance(p);
    return true;
}

/* Decodes the string at the cursor (on its opening quote) into a new NUL-terminated text,
 * which the caller frees; NULL on a problem. */
static char *parse_string(parser *p)
{
    long line = p->line, column = p->column;
    buffer b = {cp_calloc(16, 1), 0, 16}; /* an empty string is "", not NULL */
    advance(p);
    for (;;) {
        int c = peek(p);
        if (c < 0) {
            fail_at(p, line, column, "unterminated string");
        } else if (c == '"') {
            advance(p);
            return b.bytes;
        } else if (c == '\\') {
            if (escape(p, &b))
                continue;
        } else if (c < 0x20) {
            FAIL(p, "control character U+%04X in a string (write it as an escape)", (unsigned)c);
        } else if (c < 0x80) {
            push(&b, (char)c);
            advance(p);
            continue;
        } else {
            size_t n = utf8_length(p);
            for (size_t i = 0; i < n; i++) {
                push(&b, (char)p->text[p->pos]);
                advance(p);
            }
            if (n > 0)
                continue;
            FAIL(p, "invalid UTF-8 (byte 0x%02X)", (unsigned)c);
        }
        free(b.bytes);
        return NULL;
    }
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Moves past a run of digits; false (with a message) when there is none. */
static bool digits(parser *p, const char *after)
{
    if (!is_digit(peek(p))) {
        char wanted[64];
        snprintf(wanted, sizeof wanted, "a digit after %s", after);
        unexpected(p, wanted);
        return false;
    }
    while (is_digit(peek(p)))
        advance(p);
    return true;
}

/* The value of a number as written, whatever the locale's decimal point. */
static double number_value(const char *text)
{
    char *copy = cp_strdup(text);
    const char *point = localeconv()->decimal_point;
    for (char *c = copy; *c; c++)
        if (*c == '.' && point && point[0])
            *c = point[0];
    double value = strtod(copy, NULL);
    free(copy);
    return value;
}

static bool parse_number(parser *p, cp_json_value *out)
{
    size_t start = p->pos;
    if (peek(p) == '-')
        advance(p);
    if (peek(p) == '0') {
        advance(p);
        if (is_digit(peek(p))) {
            FAIL(p, "invalid number: no digit may follow a leading 0");
            return false;
        }
    } else if (!digits(p, start == p->pos ? "the start of a number" : "'-'")) {
        return false;
    }
    if (peek(p) == '.') {
        advance(p);
        if (!digits(p, "'.'"))
            return false;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        advance(p);
        if (peek(p) == '+' || peek(p) == '-')
            advance(p);
        if (!digits(p, "the exponent's 'e'"))
            return false;
    }
    size_t n = p->pos - start;
    out->type = CP_JSON_NUMBER;
    out->text = cp_malloc(n + 1);
    memcpy(out->text, p->text + start, n);
    out->text[n] = '\0';
    out->number = number_value(out->text);
    if (!isfinite(out->number)) {
        fail_at(p, out->line, out->column, "number out of range for a double (value '%.40s')",
                out->text);
        return false;
    }
    return true;
}

static bool parse_literal(parser *p, cp_json_value *out)
{
    static const struct {
        const char *word;
        cp_json_type type;
    } words[] = {{"true", CP_JSON_TRUE}, {"false", CP_JSON_FALSE}, {"null", CP_JSON_NULL}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i].word);
        if (p->length - p->pos >= n && memcmp(p->text + p->pos, words[i].word, n) == 0) {
            for (size_t k = 0; k < n; k++)
                advance(p);
            out->type = words[i].type;
            return true;
        }
    }
    unexpected(p, "a value (true, false or null?)");
    return false;
}

static bool parse_value(parser *p, cp_json_value *out, int depth);

/* Makes room for one more element (and member name, for objects) and returns the new,
 * zeroed, element, already counted so that a failure frees what it holds. */
static cp_json_value *add_item(cp_json_value *v, size_t *capacity, size_t *name_capacity)
{
    cp_grow((void **)&v->items, sizeof *v->items, capacity, v->count + 1);
    if (name_capacity) {
        cp_grow((void **)&v->names, sizeof *v->names, name_capacity, v->count + 1);
        v->names[v->count] = NULL;
    }
    cp_json_value *item = &v->items[v->count++];
    *item = (cp_json_value){0};
    return item;
}

/* After an element or member: true when another follows (a comma was read), false at the
 * closing bracket (read) or on a problem (p->failed). */
static bool another(parser *p, char close, const char *what, long line, long column)
{
    skip_space(p);
    int c = peek(p);
    if (c == ',') {
        advance(p);
        skip_space(p);
        if (peek(p) == close) {
            FAIL(p, "trailing comma before '%c'", close);
            return false;
        }
        return true;
    }
    if (c == close) {
        advance(p);
        return false;
    }
    if (c < 0) {
        FAIL(p, "unexpected end of input in the %s opened at %ld:%ld", what, line, column);
    } else {
        char wanted[64];
        snprintf(wanted, sizeof wanted, "',' or '%c' after an %s %s", close, what,
                 close == ']' ? "element" : "member");
        unexpected(p, wanted);
    }
    return false;
}

static bool parse_array(parser *p, cp_json_value *out, int depth)
{
    size_t capacity = 0;
    out->type = CP_JSON_ARRAY;
    advance(p);
    skip_space(p);
    if (peek(p) == ']') {
        advance(p);
        return true;
    }
    do {
        if (!parse_value(p, add_item(out, &capacity, NULL), depth + 1))
            return false;
    } while (another(p, ']', "array", out->line, out->column));
    return !p->failed;
}

static bool parse_object(parser *p, cp_json_value *out, int depth)
{
    size_t capacity = 0, name_capacity = 0;
    out->type = CP_JSON_OBJECT;
    advance(p);
    skip_space(p);
    if (peek(p) == '}') {
        advance(p);
        return true;
    }
    do {
        skip_space(p);
        if (peek(p) != '"') {
            unexpected(p, "a member name in double quotes");
            return false;
        }
        long line = p->line, column = p->column;
        char *name = parse_string(p);
        if (!name)
            return false;
        if (cp_json_member(out, name)) {
            fail_at(p, line, column, "duplicate member name '%.100s'", name);
            free(name);
            return false;
        }
        cp_json_value *item = add_item(out, &capacity, &name_capacity);
        out->names[out->count - 1] = name;
        skip_space(p);
        if (peek(p) != ':') {
            unexpected(p, "':' after a member name");
            return false;
        }
        advance(p);
        if (!parse_value(p, item, depth + 1))
            return false;
    } while (another(p, '}', "object", out->line, out->column));
    return !p->failed;
}

static bool parse_value(parser *p, cp_json_value *out, int depth)
{
    skip_space(p);
    out->line = p->line;
    out->column = p->column;
    int c = peek(p);
    if ((c == '[' || c == '{') && depth >= CP_JSON_MAX_DEPTH) {
        FAIL(p, "arrays and objects nested more than %d deep", CP_JSON_MAX_DEPTH);
        return false;
    }
    switch (c) {
    case '{':
        return parse_object(p, out, depth);
    case '[':
        return parse_array(p, out, depth);
    case '"':
        out->type = CP_JSON_STRING;
        out->text = parse_string(p);
        return out->text != NULL;
    case 't':
    case 'f':
    case 'n':
        return parse_literal(p, out);
    default:
        if (c == '-' || is_digit(c))
            return parse_number(p, out);
        unexpected(p, "a value");
        return false;
    }
}

int cp_json_parse(const char *text, size_t length, const char *file_name, cp_json_value **root,
                  cp_errors *errors)
{
    parser p = {(const unsigned char *)text, length, 0, 1, 1, file_name, errors, false};
    *root = cp_calloc(1, sizeof **root);
    skip_space(&p);
    if (at_end(&p))
        FAIL(&p, "no value: the document is empty");
    else if (parse_value(&p, *root, 0)) {
        skip_space(&p);
        if (!at_end(&p))
            unexpected(&p, "the end of the input after the document's value");
    }
    if (p.failed) {
        cp_json_destroy(*root);
        *root = NULL;
        return CP_ERR_INPUT;
    }
    return CP_OK;
}

int cp_json_read_file(const char *path, cp_json_value **root, cp_errors *errors)
{
    *root = NULL;
    FILE *file = fopen(path, "rb");
    if (!file) {
        cp_errors_add(errors, "%s: cannot read: %s", path, strerror(errno));
        return CP_ERR_INPUT;
    }
    buffer b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, file)) > 0) {
        cp_grow((void **)&b.bytes, 1, &b.capacity, b.length + n);
        memcpy(b.bytes + b.length, chunk, n);
        b.length += n;
    }
    bool bad = ferror(file);
    int saved = errno;
    fclose(file);
    int status = CP_ERR_INPUT;
    if (bad)
        cp_errors_add(errors, "%s: cannot read: %s", path, strerror(saved));
    else
        status = cp_json_parse(b.bytes ? b.bytes : "", b.length, path, root, errors);
    free(b.bytes);
    return status;
}

/* Frees what value holds, not value itself. */
static void free_contents(cp_json_value *value)
{
    free(value->text);
    for (size_t i = 0; i < value->count; i++) {
        free_contents(&value->items[i]);
        if (value->names)
            free(value->names[i]);
    }
    free(value->items);
    free(value->names);
}

void cp_json_destroy(cp_json_value *root)
{
    if (!root)
        return;
    free_contents(root);
    free(root);
}

const cp_json_value *cp_json_member(const cp_json_value *value, const char *name)
{
    if (!value || value->type != CP_JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < value->count; i++)
        if (value->names[i] && strcmp(value->names[i], name) == 0)
            return &value->items[i];
    return NULL;
}

bool cp_json_is_scalar(const cp_json_value *value)
{
    return value->type != CP_JSON_ARRAY && value->type != CP_JSON_OBJECT;
}

static const char *type_name(cp_json_type type)
{
    static const char *const names[] = {"null",     "false",    "true",     "a number",
                                        "a string", "an array", "an object"};
    return names[type];
}

/* The element of an array whose index is written in step[0..n), or NULL with why. */
static const cp_json_value *element_at(const cp_json_value *array, const char *step, size_t n,
                                       char *why, size_t why_size)
{
    size_t index = 0;
    bool ok = n > 0 && n < 20;
    for (size_t i = 0; ok && i < n; i++) {
        ok = step[i] >= '0' && step[i] <= '9';
        index = index * 10 + (size_t)(step[i] - '0');
    }
    if (ok && index < array->count)
        return &array->items[index];
    if (array->count == 0)
        snprintf(why, why_size, "'%.*s': the array is empty", (int)n, step);
    else
        snprintf(why, why_size, "'%.*s' is not an index from 0 to %zu, nor [NAME]", (int)n, step,
                 array->count - 1);
    return NULL;
}

/* The array element (an object) whose "name" member is the string step[0..n). */
static const cp_json_value *element_named(const cp_json_value *array, const char *step, size_t n,
                                          char *why, size_t why_size)
{
    if (array->type != CP_JSON_ARRAY) {
        snprintf(why, why_size, "[%.*s] needs an array, found %s", (int)n, step,
                 type_name(array->type));
        return NULL;
    }
    for (size_t i = 0; i < array->count; i++) {
        const cp_json_value *name = cp_json_member(&array->items[i], "name");
        if (name && name->type == CP_JSON_STRING && strlen(name->text) == n &&
            memcmp(name->text, step, n) == 0)
            return &array->items[i];
    }
    snprintf(why, why_size, "no element named '%.*s'", (int)n, step);
    return NULL;
}

/* The member of an object, or the element of an array, that step[0..n) names. */
static const cp_json_value *step_into(const cp_json_value *value, const char *step, size_t n,
                                      char *why, size_t why_size)
{
    if (value->type == CP_JSON_ARRAY)
        return element_at(value, step, n, why, why_size);
    if (value->type != CP_JSON_OBJECT) {
        snprintf(why, why_size, "'%.*s' cannot be looked up in %s", (int)n, step,
                 type_name(value->type));
        return NULL;
    }
    for (size_t i = 0; i < value->count; i++)
        if (strlen(value->names[i]) == n && memcmp(value->names[i], step, n) == 0)
            return &value->items[i];
    snprintf(why, why_size, "no member '%.*s'", (int)n, step);
    return NULL;
}

/* Follows one step of path and its [NAME] selectors from *at; moves *at past them and the
 * '.' that follows. NULL with why on a problem (*at then shows where). */
static const cp_json_value *follow(const cp_json_value *value, const char **at, char *why,
                                   size_t why_size)
{
    size_t n = strcspn(*at, ".[]");
    if (n > 0) {
        value = step_into(value, *at, n, why, why_size);
    } else if (**at != '[') {
        snprintf(why, why_size, "%s", **at == ']' ? "']' without its '['" : "an empty step");
        return NULL;
    }
    if (value)
        *at += n;
    while (value && **at == '[') {
        size_t m = strcspn(*at + 1, "[]");
        if ((*at)[1 + m] != ']') {
            snprintf(why, why_size, "'[' without its ']'");
            return NULL;
        }
        value = element_named(value, *at + 1, m, why, why_size);
        if (value)
            *at += m + 2;
    }
    if (value && **at && (**at != '.' || !(*at)[1])) {
        snprintf(why, why_size, "%s", **at == '.' ? "an empty step" : "'[' or '.' expected");
        return NULL;
    }
    if (value && **at)
        (*at)++;
    return value;
}

const cp_json_value *cp_json_find(const cp_json_value *value, const char *path,
                                  const char *file_name, cp_errors *errors)
{
    char why[320] = "";
    const char *at = path;
    while (value && *at)
        value = follow(value, &at, why, sizeof why);
    if (!value) {
        int prefix = (int)(at - path);
        if (prefix > 0 && path[prefix - 1] == '.')
            prefix--;
        if (prefix > 0)
            cp_errors_add(errors, "%s: key '%s': %s in '%.*s'", file_name, path, why, prefix, path);
        else
            cp_errors_add(errors, "%s: key '%s': %s", file_name, path, why);
    }
    return value;
}
