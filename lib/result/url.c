/* result/url.c - resolving a link's href against the page's URL (RFC 3986
 * section 5.2: reference resolution, dot segments removed). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "result.h"

/* Length of the scheme and its ':' at the start of s, 0 without one. */
static size_t scheme_len(const char *s)
{
    if (!((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
        return 0;
    size_t i = 1;
    for (;; i++) {
        char c = (char)(s[i] | 0x20);
        if (!((c >= 'a' && c <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
              s[i] == '-' || s[i] == '.'))
            break;
    }
    return s[i] == ':' ? i + 1 : 0;
}

/* Appends path[0..n) to out with "." and ".." segments removed. */
static void remove_dots(nc_buf *out, const char *path, size_t n)
{
    size_t root = out->len; /* the path starts here; ".." never climbs past it */
    size_t i = 0;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && path[j] != '/')
            j++;
        /* path[i..j) is "/seg" (or "seg" at the very start) */
        const char *seg = path + i + (path[i] == '/');
        size_t len = (size_t)(path + j - seg);
        bool last = j >= n;
        if (len == 1 && seg[0] == '.') {
            if (last)
                nc_buf_append_char(out, '/');
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out->len > root && out->data[out->len - 1] != '/')
                out->len--;
            if (out->len > root)
                out->len--;
            if (last)
                nc_buf_append_char(out, '/');
        } else {
            nc_buf_append(out, path + i, (size_t)(j - i));
        }
        i = j;
    }
}

char *nc_url_resolve(const char *base, const char *href)
{
    nc_buf out = {0};
    size_t hs = scheme_len(href);
    size_t bs = base ? scheme_len(base) : 0;
    if (hs || !bs) {
        nc_buf_append(&out, href, strlen(href)); /* absolute, or nothing to resolve against */
    } else if (href[0] == '/' && href[1] == '/') {
        nc_buf_append(&out, base, bs);
        nc_buf_append(&out, href, strlen(href));
    } else {
        /* base: scheme ":" ["//" authority] path ["?" query] ["#" fragment] */
        const char *auth = base + bs, *path = auth;
        if (auth[0] == '/' && auth[1] == '/')
            path = auth + 2 + strcspn(auth + 2, "/?#");
        size_t path_len = strcspn(path, "?#");
        size_t query_len = path[path_len] == '?' ? strcspn(path + path_len, "#") : 0;
        nc_buf_append(&out, base, (size_t)(path - base));
        size_t ref_path = strcspn(href, "?#");
        if (href[0] == '\0' || href[0] == '#' || href[0] == '?') {
            nc_buf_append(&out, path, path_len);
            if (href[0] != '?')
                nc_buf_append(&out, path + path_len, query_len);
            nc_buf_append(&out, href, strlen(href));
        } else {
            nc_buf merged = {0};
            if (href[0] == '/') {
                nc_buf_append(&merged, href, ref_path);
            } else {
                size_t dir = path_len;
                while (dir && path[dir - 1] != '/')
                    dir--;
                if (dir == 0)
                    nc_buf_append_char(&merged, '/');
                nc_buf_append(&merged, path, dir);
                nc_buf_append(&merged, href, ref_path);
            }
            if (merged.failed)
                out.failed = true;
            else
                remove_dots(&out, merged.data, merged.len);
            nc_buf_free(&merged);
            nc_buf_append(&out, href + ref_path, strlen(href + ref_path));
        }
    }
    if (out.failed || !nc_buf_reserve(&out, 1)) {
        nc_buf_free(&out);
        return NULL;
    }
    out.data[out.len] = '\0';
    return out.data;
}
