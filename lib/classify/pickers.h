/* classify/pickers.h - the language-picker detector (classify/pickers.c). */
#ifndef NC_PICKERS_H
#define NC_PICKERS_H

#include "internal.h"

/* Labels language pickers ("English | Deutsch") foreign. */
void nc_mark_language_pickers(nc_doc *doc);

#endif
