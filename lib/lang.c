/* lang.c - STUB: replaced by the language stage. */
#include <string.h>
#include <unicode/uscript.h>
#include "internal.h"

nc_status nc_lang_init(void) { return NC_OK; }

nc_status nc_lang_analyse(nc_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        uint32_t w = 0;
        bool in = false;
        for (size_t k = 0; k < b->len; k++) {
            bool sp = b->text[k] == ' ';
            if (!sp && !in)
                w++;
            in = !sp;
        }
        b->words = w;
        b->letters = (uint32_t)b->len;
        b->script = USCRIPT_LATIN;
    }
    strcpy(doc->lang_code, "en");
    doc->script = USCRIPT_LATIN;
    return NC_OK;
}

const char *nc_script_code(uint32_t script)
{
    UErrorCode err = U_ZERO_ERROR;
    const char *s = uscript_getShortName((UScriptCode)script);
    (void)err;
    return s ? s : "Zyyy";
}
