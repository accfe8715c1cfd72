/* classify/pickers.c - language pickers ("English | Deutsch | Français"): a
 * block made only of languages' own names, or a run of blocks of one name
 * each (an HTML picker is a list of links). They are UI in several
 * languages at once, so they are labelled foreign and dropped whatever
 * the model said (the model drops most of them already, as navigation;
 * the label is what a caller filtering foreign strings looks at). The
 * names and their matching are rules/words.c's. */
#include "internal.h"
#include "classify/pickers.h"
#include "rules/rules.h"

void nc_mark_language_pickers(nc_doc *doc)
{
    size_t n = doc->nblocks;
    unsigned prev = 0, here = n ? nc_endonym_count(doc->blocks[0].text, doc->blocks[0].len) : 0;
    for (size_t i = 0; i < n; i++) {
        unsigned next = i + 1 < n ? nc_endonym_count(doc->blocks[i + 1].text,
                                                  doc->blocks[i + 1].len)
                                  : 0;
        /* Two names in one block, or a name between names. */
        if (here >= 2 || (here == 1 && (prev >= 1 || next >= 1))) {
            doc->blocks[i].label = NC_LABEL_FOREIGN;
            doc->blocks[i].reason = NC_REASON_FOREIGN_WORDS;
        }
        prev = here;
        here = next;
    }
}
