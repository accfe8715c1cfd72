/* util/json.c - a small, tolerant JSON reader for the JSON-LD pages carry
 * (blocks/html/page.c reads articleBody with its string unescaper,
 * meta/jsonld.c the whole tree): a tree in the arena, bounded depth, no
 * recursion. Pages wrap their JSON-LD in HTML comments or CDATA and leave
 * trailing commas or semicolons; those are read past. */
#include <string.h>
#include <strings.h>

#include "internal.h"

enum { JSON_MAX_DEPTH = 64 };

typedef struct reader {
    const char *p, *end;
    nc_arena *arena;
    bool nomem;
} reader;

static void skip_space(reader *r)
{
    while (r->p < r->end) {
        char c = *r->p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',')
            r->p++;
        else
            break;
    }
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static long hex4(const char *s, const char *end)
{
    if (end - s < 4)
        return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_digit(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

char *nc_json_string(nc_arena *arena, const char *s, const char *end, const char **after,
                     bool *nomem)
{
    const char *close = s;
    while (close < end && *close != '"')
        close += *close == '\\' ? 2 : 1;
    if (close >= end)
        return NULL; /* unterminated */
    /* Every escape is at least as long as what it stands for. */
    char *out = nc_arena_alloc(arena, (size_t)(close - s) + 1);
    if (!out) {
        *nomem = true;
        return NULL;
    }
    size_t o = 0;
    for (const char *p = s; p < close;) {
        if (*p != '\\') {
            out[o++] = *p++;
            continue;
        }
        char e = p[1];
        p += 2;
        switch (e) {
        case 'n': out[o++] = '\n'; break;
        case 't': out[o++] = '\t'; break;
        case 'r': out[o++] = '\n'; break;
        case 'b': case 'f': out[o++] = ' '; break;
        case 'u': {
            long cp = hex4(p, close);
            if (cp < 0) {
                out[o++] = '?';
                break;
            }
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && close - p >= 6 && p[0] == '\\' &&
                p[1] == 'u') {
                long lo = hex4(p + 2, close);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
            }
            if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
                cp = 0xFFFD; /* a lone surrogate or NUL is no text */
            o += nc_utf8_put(out + o, (uint32_t)cp);
            break;
        }
        default: out[o++] = e; break; /* \" \\ \/ */
        }
    }
    out[o] = '\0';
    if (after)
        *after = close + 1;
    return out;
}

/* A string after its opening quote; NULL at its end or on no memory. */
static char *read_string(reader *r)
{
    return nc_json_string(r->arena, r->p, r->end, &r->p, &r->nomem);
}

static nc_json *new_node(reader *r, nc_json_type type)
{
    nc_json *n = nc_arena_alloc(r->arena, sizeof *n);
    if (!n) {
        r->nomem = true;
        return NULL;
    }
    memset(n, 0, sizeof *n);
    n->type = type;
    return n;
}

/* A scalar: string, number, true, false, null. */
static nc_json *read_scalar(reader *r)
{
    if (*r->p == '"') {
        r->p++;
        char *s = read_string(r);
        nc_json *n = s ? new_node(r, NC_JSON_STRING) : NULL;
        if (n)
            n->str = s;
        return n;
    }
    const char *s = r->p;
    while (r->p < r->end && !strchr(",]}: \t\r\n", *r->p))
        r->p++;
    size_t len = (size_t)(r->p - s);
    if (!len)
        return NULL;
    if ((len == 4 && memcmp(s, "null", 4) == 0))
        return new_node(r, NC_JSON_NULL);
    if ((len == 4 && memcmp(s, "true", 4) == 0) || (len == 5 && memcmp(s, "false", 5) == 0))
        return new_node(r, NC_JSON_BOOL);
    if (!((*s >= '0' && *s <= '9') || *s == '-'))
        return NULL;
    nc_json *n = new_node(r, NC_JSON_NUMBER);
    if (n && !(n->str = nc_arena_strndup(r->arena, s, len))) {
        r->nomem = true;
        return NULL;
    }
    return n;
}

/* Values are read with an explicit stack of open containers. */
static nc_json *read_value(reader *r)
{
    nc_json *stack[JSON_MAX_DEPTH], *last[JSON_MAX_DEPTH];
    size_t depth = 0;
    nc_json *root = NULL;
    for (;;) {
        skip_space(r);
        if (r->p >= r->end)
            return NULL;
        char c = *r->p;
        if (depth && (c == '}' || c == ']')) {
            r->p++;
            if (--depth == 0)
                return root;
            continue;
        }
        const char *key = NULL;
        if (depth && stack[depth - 1]->type == NC_JSON_OBJECT) {
            if (c != '"')
                return NULL;
            r->p++;
            if (!(key = read_string(r)))
                return NULL;
            skip_space(r);
            if (r->p >= r->end || *r->p != ':')
                return NULL;
            r->p++;
            skip_space(r);
            if (r->p >= r->end)
                return NULL;
            c = *r->p;
        }
        nc_json *n;
        if (c == '{' || c == '[') {
            if (depth == JSON_MAX_DEPTH)
                return NULL;
            r->p++;
            n = new_node(r, c == '{' ? NC_JSON_OBJECT : NC_JSON_ARRAY);
        } else {
            n = read_scalar(r);
        }
        if (!n)
            return NULL;
        n->key = key;
        if (!depth) {
            root = n;
        } else {
            if (last[depth - 1])
                last[depth - 1]->next = n;
            else
                stack[depth - 1]->child = n;
            last[depth - 1] = n;
        }
        if (n->type == NC_JSON_OBJECT || n->type == NC_JSON_ARRAY) {
            stack[depth] = n;
            last[depth] = NULL;
            depth++;
        } else if (!depth) {
            return root;
        }
    }
}

nc_json *nc_json_parse(nc_arena *arena, const char *text, size_t len, bool *nomem)
{
    reader r = {text, text + len, arena, false};
    /* <!-- ... -->, <![CDATA[ ... ]]>, stray text before the value. */
    while (r.p < r.end && *r.p != '{' && *r.p != '[')
        r.p++;
    nc_json *root = read_value(&r);
    if (nomem)
        *nomem = r.nomem;
    return r.nomem ? NULL : root;
}

const nc_json *nc_json_get(const nc_json *o, const char *key)
{
    if (!o || o->type != NC_JSON_OBJECT)
        return NULL;
    for (const nc_json *m = o->child; m; m = m->next)
        if (m->key && strcasecmp(m->key, key) == 0)
            return m;
    return NULL;
}
