/* lang/lang.h - the language stage: words, stopwords, the document's
 * language and script, each block's evidence of another language. */
#ifndef NC_LANG_H
#define NC_LANG_H

#include "internal.h"

/* lang/detect.c */
nc_status nc_lang_init(void);                /* once, thread-safe */
/* Words, stopwords, language, script (doc->script_code too). */
nc_status nc_lang_analyse(nc_doc *doc);
const char *nc_script_code(uint32_t script); /* ISO 15924 */
/* The BCP-47 code of table language lang ("und" when out of range). */
const char *nc_lang_code_at(int lang);
/* Whether word[0..len) is in the document language's stoplist. */
bool nc_is_stopword(const nc_doc *doc, const char *word, size_t len);

#endif
