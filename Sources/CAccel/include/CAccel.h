#ifndef HEDGEROW_CACCEL_H
#define HEDGEROW_CACCEL_H
/*
 * Small C routines for processor instructions Swift cannot reach: byte classification
 * with vector compares (Swift has no portable way to turn a vector comparison into a bit
 * mask, x86's movemask, and its SIMD types compile to element-by-element code here), and
 * the SHA-256 rounds in hardware for fingerprints. Everything else stays in Swift. Each
 * routine checks the processor at run time and has a plain version (or says it has none).
 */
#include <stddef.h>
#include <stdint.h>

/*
 * One pass over p[0..n): bit (i % 64) of word i / 64 is set in `newlines` where p[i] is
 * '\n', in `colons` where it is ':', in `digits` where it is an ASCII digit. Each array
 * holds (n + 63) / 64 words; bits past n are zero. The vector instructions are capped at
 * `level` (0 none, 1 SSE2, 2 AVX2; the scanner asks for 2, tests hold every version to
 * the plain one); returns the level used.
 */
int hedgerow_classify_using(const uint8_t *p, size_t n, uint64_t *newlines, uint64_t *colons, uint64_t *digits, int level);

/*
 * Bit (i % 64) of word i / 64 of `bits` ((n + 63) / 64 words) is set where a capitalised
 * word starts at p[i] (see CapitalWords.c). `level` caps the vector instructions as for
 * classification; returns the level used.
 */
int hedgerow_capital_words_using(const uint8_t *p, size_t n, uint64_t *bits, int level);

/* Whether the processor has AVX2, asked once (x86 builds only). */
int hedgerow_cpu_has_avx2(void);

/* How many bytes of p[0..n) equal `byte`. */
size_t hedgerow_count_byte(const uint8_t *p, size_t n, uint8_t byte);

/*
 * Absorbs `blocks` 64-byte blocks into the SHA-256 state (eight words, a first) with the
 * processor's SHA instructions; `k` is the 64 round constants (the caller's table, so
 * there is one). Returns 0, having done nothing, where the instructions are missing: the
 * caller then runs its own rounds.
 */
int hedgerow_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]);
/* 1 when hedgerow_sha256_blocks uses the processor's SHA instructions, 0 when it declines. */
int hedgerow_cpu_has_sha(void);

#endif
