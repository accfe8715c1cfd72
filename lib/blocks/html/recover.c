/* blocks/html/recover.c - end tags libxml2 2.9's HTML parser ignores
 * (HTML4 end priorities) but browsers honour: the walk closes the element
 * itself when the parser reports the mismatch. */
#include <string.h>

#include "blocks/html/walk.h"

/* libxml2 2.9's end priorities (HTMLparser.c): an end tag cannot close
 * past an open element of higher priority. */
static int end_priority(const char *name)
{
    static const struct { const char *name; int priority; } table[] = {
        {"div", 150}, {"td", 160}, {"th", 160}, {"tr", 170}, {"thead", 180},
        {"tbody", 180}, {"tfoot", 180}, {"table", 190}, {"head", 200},
        {"body", 200}, {"html", 220}};
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(name, table[i].name) == 0)
            return table[i].priority;
    return 100;
}

/* libxml2 2.9 ignores "</nav>" when a <div> opened inside it is still
 * open (HTML4 priorities), so the rest of the page would stay "in" the
 * nav (or the <a>, or a skipped <template>). Browsers close it. The
 * parser reports the mismatch: when its own stack shows the end tag was
 * ignored, close the element here. Its frames stay (libxml2 will still
 * end them, for depth), but carry the parent's evidence from now on. */
static void end_tag_ignored(walk *w, const char *name)
{
    htmlParserCtxtPtr ctxt = w->ctxt;
    xmlParserInputPtr in = ctxt->input;
    unsigned long at = in ? in->consumed + (unsigned long)(in->cur - in->base) + 1 : 0;
    int i;
    if (at && at == w->mismatch.at && ctxt->nameNr <= w->mismatch.nr &&
        w->mismatch.found < ctxt->nameNr) {
        i = w->mismatch.found; /* the same end tag, only elements above i closed */
    } else {
        int prio = end_priority(name);
        for (i = ctxt->nameNr - 1; i >= 0; i--) {
            if (strcmp((const char *)ctxt->nameTab[i], name) == 0)
                break;
            if (end_priority((const char *)ctxt->nameTab[i]) > prio)
                break;
        }
    }
    w->mismatch.at = at;
    w->mismatch.nr = ctxt->nameNr;
    w->mismatch.found = i;
    if (i < 0 || strcmp((const char *)ctxt->nameTab[i], name) == 0)
        return; /* not open, or closed normally */
    if (w->skip_depth) {
        if (w->skip_name && strcmp((const char *)w->skip_name, name) == 0)
            w->skip_depth = 0; /* e.g. a <template> whose div was left open */
        return;
    }
    size_t k = w->nframes;
    while (k > 0 && strcmp((const char *)w->frames[k - 1].name, name) != 0)
        k--;
    if (k == 0)
        return; /* past max_depth, or never kept */
    k--;
    nc_walk_flush(w);
    if (w->hide_depth && w->hide_depth >= w->frames[k].depth)
        nc_walk_end_hidden(w);
    for (size_t j = w->nframes; j-- > k;) {
        if (w->frames[j].close_rec != NC_HTML_NONE)
            nc_html_rec_close(w->recs, w->frames[j].close_rec, w->nrecs);
        w->frames[j].close_rec = NC_HTML_NONE;
    }
    const frame *parent = k ? &w->frames[k - 1] : &nc_walk_root_frame;
    for (size_t j = k; j < w->nframes; j++) {
        frame *f = &w->frames[j];
        uint32_t depth = f->depth;
        const xmlChar *fname = f->name;
        *f = *parent;
        f->depth = depth;
        f->name = fname;
        f->close_rec = NC_HTML_NONE;
    }
}

void nc_walk_on_error(void *ctx, xmlErrorPtr err)
{
    walk *w = ctx;
    if (err && err->code == XML_ERR_TAG_NAME_MISMATCH && err->str1 && err->str2 &&
        w->ctxt && w->status == NC_OK)
        end_tag_ignored(w, err->str1);
}
