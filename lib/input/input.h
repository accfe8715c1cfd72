/* input/input.h - the input stage: raw bytes to UTF-8, and text or HTML. */
#ifndef NC_INPUT_H
#define NC_INPUT_H

#include "internal.h"

/* input/decode.c: doc->utf8 from the raw bytes; sets encoding, flags, repairs. */
nc_status nc_input_decode(nc_doc *doc, const char *input, size_t len);
/* input/decode.c: ICU's to-Unicode callback (a UConverterToUCallback,
 * context an nc_unmapped): counts each byte sequence the charset has no
 * character for (invalid, unassigned, a lone surrogate in UTF-16) and,
 * with replace, writes one U+FFFD for it, else nothing. */
typedef struct nc_unmapped {
    size_t count;
    bool replace;
} nc_unmapped;
#ifdef UCNV_H /* for the files that include <unicode/ucnv.h> first */
void nc_input_count_unmapped(const void *context, UConverterToUnicodeArgs *args,
                             const char *bytes, int32_t length,
                             UConverterCallbackReason reason, UErrorCode *err);
#endif
/* input/charset.c: TEXT or HTML from the start of the UTF-8 text. */
nc_input_kind nc_input_detect_kind(const char *s, size_t len);
/* input/charset.c: the charset a page declares (<meta>, the XML
 * declaration) with a WHATWG label, as the HTML prescan takes it (utf-16
 * means utf-8); NULL when none or not a WHATWG label. */
const char *nc_input_declared_charset(const char *s, size_t len);
/* input/charset.c: the charset of bytes that are not valid UTF-8, guessed
 * by ICU's detector from the text the page shows (not its tags, scripts
 * and styles); *confidence 0..1 (windows-1252 at 0 when nothing fits);
 * *garbled_risk when the confidence is below NC_CHARSET_SURE and the
 * bytes in doubt are 1% of the shown text or more. */
#define NC_CHARSET_SURE 0.5
const char *nc_input_detect_charset(const char *s, size_t len, double *confidence,
                                    bool *garbled_risk);
/* input/charset.c: the declared charset (*confidence 1), else the
 * detected one; never NULL. */
const char *nc_input_sniff_charset(const char *s, size_t len, double *confidence,
                                   bool *garbled_risk);
/* input/labels.c: the WHATWG encoding a label names ("latin1" ->
 * "windows-1252", "utf-16" -> "utf-16le", "iso-2022-kr" ->
 * "replacement"), ASCII case and white space around ignored; NULL for
 * any other name. */
const char *nc_input_label_encoding(const char *label);
/* input/labels.c: the WHATWG encodings by their names, for tests. */
size_t nc_input_encoding_count(void);
const char *nc_input_encoding_at(size_t i);

#endif
