#ifndef HEDGEROW_CPCRE2_SHIM_H
#define HEDGEROW_CPCRE2_SHIM_H
/* The 8-bit library only: hedgerow matches raw bytes, never UTF-16/32. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2_UNSET is a cast expression Swift cannot import; expose it as a function. */
static inline PCRE2_SIZE hedgerow_pcre2_unset(void) { return PCRE2_UNSET; }
#endif
