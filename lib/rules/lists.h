/* rules/lists.h - the lists two rule files share (rules/ only): a phrase
 * stands in one list, which each file indexes with its own. */
#ifndef NC_RULES_LISTS_H
#define NC_RULES_LISTS_H

#include "rules/rules.h"

/* rules/labels.c: the names of advertising ("advertisement", "anzeige"),
 * and the rights notices ("all rights reserved") the legal lexicon counts
 * too. Tags are the caller's (set by copying the list). */
extern const nc_phrase_list nc_ad_names, nc_rights_notices;

#endif
