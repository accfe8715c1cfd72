/* stopwords.h - the stopword table tools/gen_stopwords.py generates
 * (stopwords.c). lang/detect.c builds its hash table from it once. */
#ifndef NC_DATA_STOPWORDS_H
#define NC_DATA_STOPWORDS_H

#include <unicode/uscript.h>

typedef struct nc_stoplang {
    const char *code;          /* BCP-47 primary subtag: "de" */
    const char *name;          /* English name, for tools */
    UScriptCode script;        /* the script its words are in (Jpan for ja) */
    int count;                 /* words */
    const char *const *chunks; /* space-separated lower-case words, 0-ended */
    const char *const *strong; /* the same for function words that tell
                                  close languages apart (vote thrice) */
    const char *const *ui;     /* the same for news pages' UI words
                                  ("teilen"): alone they still tell */
} nc_stoplang;

extern const nc_stoplang nc_stoplangs[];
extern const int nc_nstoplangs;

/* A letter that tells close languages apart, and who writes it. */
typedef struct nc_letter_langs {
    unsigned letter;           /* lower-case code point */
    const char *codes;         /* space-separated codes of nc_stoplangs */
} nc_letter_langs;

extern const nc_letter_langs nc_distinctive[];
extern const int nc_ndistinctive;

#endif /* NC_DATA_STOPWORDS_H */
