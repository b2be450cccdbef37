#include "CAccel.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HEDGEROW_X86 1
#endif

/*
 * Where capitalised words start: the name prefilter looks each one up in the gazetteer,
 * so this pass decides how much of a file the name rules ever look at. Bit i is set where
 * p[i] is 'A'-'Z', p[i + 1] is 'a'-'z' or an apostrophe (O'Brien), and p[i - 1] is not a
 * letter, digit, underscore or non-ASCII byte (so "MacLeod" counts once and the "Leod"
 * of it, or of "fooBar", not at all).
 */

static inline int is_upper(uint8_t c) { return (uint8_t)(c - 'A') < 26; }
static inline int is_lower_or_apostrophe(uint8_t c) { return (uint8_t)(c - 'a') < 26 || c == '\''; }
static inline int is_wordish(uint8_t c) {
    return (uint8_t)(c - '0') < 10 || (uint8_t)((c | 0x20) - 'a') < 26 || c == '_' || c >= 0x80;
}

/* Masks of one 64-byte block (or fewer bytes at the end), plain. */
static void masks_scalar(const uint8_t *p, size_t count, uint64_t *upper, uint64_t *lower, uint64_t *word) {
    uint64_t u = 0, l = 0, w = 0;
    for (size_t k = 0; k < count; k++) {
        uint8_t c = p[k];
        u |= (uint64_t)is_upper(c) << k;
        l |= (uint64_t)is_lower_or_apostrophe(c) << k;
        w |= (uint64_t)is_wordish(c) << k;
    }
    *upper = u; *lower = l; *word = w;
}

#ifdef HEDGEROW_X86
__attribute__((target("avx2")))
static uint32_t range_mask_avx2(__m256i v, char low, char span) {
    __m256i d = _mm256_sub_epi8(v, _mm256_set1_epi8(low));
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(span)), d));
}

__attribute__((target("avx2")))
static void masks_avx2(const uint8_t *p, uint64_t *upper, uint64_t *lower, uint64_t *word) {
    uint64_t u = 0, l = 0, w = 0;
    for (int h = 0; h < 2; h++) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(p + 32 * h));
        __m256i folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
        uint32_t up = range_mask_avx2(v, 'A', 25);
        uint32_t lo = range_mask_avx2(v, 'a', 25) | (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\'')));
        uint32_t letters = range_mask_avx2(folded, 'a', 25);
        uint32_t digits = range_mask_avx2(v, '0', 9);
        uint32_t under = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('_')));
        uint32_t high = (uint32_t)_mm256_movemask_epi8(v);
        u |= (uint64_t)up << (32 * h);
        l |= (uint64_t)lo << (32 * h);
        w |= (uint64_t)(letters | digits | under | high) << (32 * h);
    }
    *upper = u; *lower = l; *word = w;
}

#endif

int hedgerow_capital_words_using(const uint8_t *p, size_t n, uint64_t *bits, int level) {
    int used = 0;
#ifdef HEDGEROW_X86
    if (level >= 2 && hedgerow_cpu_has_avx2()) used = 2;
#endif
    uint64_t previous_word_top = 0; /* whether the byte before the block is word-ish */
    for (size_t i = 0; i < n; i += 64) {
        size_t count = n - i < 64 ? n - i : 64;
        uint64_t u, l, w;
#ifdef HEDGEROW_X86
        if (used == 2 && count == 64) masks_avx2(p + i, &u, &l, &w);
        else
#endif
        masks_scalar(p + i, count, &u, &l, &w);
        /* The byte after the block: its "lower" bit feeds the block's last position. */
        uint64_t next_lower = (i + 64 < n && is_lower_or_apostrophe(p[i + 64])) ? 1 : 0;
        uint64_t lower_after = (l >> 1) | (next_lower << 63);
        uint64_t word_before = (w << 1) | previous_word_top;
        uint64_t starts = u & lower_after & ~word_before;
        if (count < 64) starts &= (~(uint64_t)0) >> (64 - count);
        bits[i / 64] = starts;
        previous_word_top = (w >> 63) & 1;
    }
    return used;
}
