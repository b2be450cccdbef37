#ifndef HEDGEROW_CBYTESCAN_H
#define HEDGEROW_CBYTESCAN_H
/*
 * Byte classification with vector instructions, for the scanner's per-byte passes.
 *
 * Swift has no portable way to turn a vector comparison into a bit mask (x86's
 * movemask), and its SIMD types compile to element-by-element code here; these few
 * loops are written in C so the compiler's intrinsics do the work. Everything else
 * stays in Swift. Each function has a plain C version for machines without SSE2.
 */
#include <stddef.h>
#include <stdint.h>

/*
 * One pass over p[0..n): bit (i % 64) of word i / 64 is set in `newlines` where p[i] is
 * '\n', in `colons` where it is ':', in `digits` where it is an ASCII digit. Each array
 * holds (n + 63) / 64 words; bits past n are zero.
 */
void hedgerow_classify(const uint8_t *p, size_t n, uint64_t *newlines, uint64_t *colons, uint64_t *digits);

/* How many bytes of p[0..n) equal `byte`. */
size_t hedgerow_count_byte(const uint8_t *p, size_t n, uint8_t byte);

#endif
