/* input/input.h - the input stage: raw bytes to UTF-8, and text or HTML. */
#ifndef NC_INPUT_H
#define NC_INPUT_H

#include "internal.h"

/* input/decode.c: doc->utf8 from the raw bytes; sets encoding, flags, repairs. */
nc_status nc_input_decode(nc_doc *doc, const char *input, size_t len);
/* input/charset.c: TEXT or HTML from the start of the UTF-8 text. */
nc_input_kind nc_input_detect_kind(const char *s, size_t len);
/* input/charset.c: the charset of bytes that are not valid UTF-8 (a <meta>
 * declaration, the XML declaration, then ICU's detector); never NULL. */
const char *nc_input_sniff_charset(const char *s, size_t len);

#endif
