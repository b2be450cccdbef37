#include "CAccel.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HEDGEROW_X86 1
#endif

/* The plain version: also finishes the last partial block of the vector versions. */
static void classify_scalar(const uint8_t *p, size_t n, size_t from, uint64_t *newlines, uint64_t *colons, uint64_t *digits) {
    for (size_t i = from; i < n; i += 64) {
        uint64_t nl = 0, co = 0, di = 0;
        size_t end = n - i < 64 ? n - i : 64;
        for (size_t k = 0; k < end; k++) {
            uint8_t c = p[i + k];
            nl |= (uint64_t)(c == '\n') << k;
            co |= (uint64_t)(c == ':') << k;
            di |= (uint64_t)((uint8_t)(c - '0') < 10) << k;
        }
        newlines[i / 64] = nl;
        colons[i / 64] = co;
        digits[i / 64] = di;
    }
}

#ifdef HEDGEROW_X86
/* 32 bytes at a time: equality by compare, digits by an unsigned range test (c - '0' <= 9). */
__attribute__((target("avx2")))
static size_t classify_avx2(const uint8_t *p, size_t n, uint64_t *newlines, uint64_t *colons, uint64_t *digits) {
    const __m256i nl = _mm256_set1_epi8('\n'), co = _mm256_set1_epi8(':');
    const __m256i zero = _mm256_set1_epi8('0'), nine = _mm256_set1_epi8(9);
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(p + i));
        __m256i b = _mm256_loadu_si256((const __m256i *)(p + i + 32));
        __m256i da = _mm256_sub_epi8(a, zero), db = _mm256_sub_epi8(b, zero);
        uint32_t nla = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, nl));
        uint32_t nlb = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, nl));
        uint32_t coa = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, co));
        uint32_t cob = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, co));
        uint32_t dia = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(da, nine), da));
        uint32_t dib = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(db, nine), db));
        newlines[i / 64] = (uint64_t)nla | (uint64_t)nlb << 32;
        colons[i / 64] = (uint64_t)coa | (uint64_t)cob << 32;
        digits[i / 64] = (uint64_t)dia | (uint64_t)dib << 32;
    }
    return i;
}

/* The same with SSE2, which every x86-64 processor has. */
static size_t classify_sse2(const uint8_t *p, size_t n, uint64_t *newlines, uint64_t *colons, uint64_t *digits) {
    const __m128i nl = _mm_set1_epi8('\n'), co = _mm_set1_epi8(':');
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        uint64_t m[3] = {0, 0, 0};
        for (int k = 0; k < 4; k++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + i + 16 * k));
            __m128i d = _mm_sub_epi8(v, zero);
            m[0] |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)) << (16 * k);
            m[1] |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, co)) << (16 * k);
            m[2] |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d)) << (16 * k);
        }
        newlines[i / 64] = m[0];
        colons[i / 64] = m[1];
        digits[i / 64] = m[2];
    }
    return i;
}

/* Worked out once; scanning threads may ask at the same time, hence the atomics. */
int hedgerow_cpu_has_avx2(void) {
    static int known = -1;
    int answer = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (answer < 0) {
        __builtin_cpu_init();
        answer = __builtin_cpu_supports("avx2") ? 1 : 0;
        __atomic_store_n(&known, answer, __ATOMIC_RELAXED);
    }
    return answer;
}
#endif

int hedgerow_classify_using(const uint8_t *p, size_t n, uint64_t *newlines, uint64_t *colons, uint64_t *digits, int level) {
    size_t done = 0;
    int used = 0;
#ifdef HEDGEROW_X86
    if (level >= 2 && hedgerow_cpu_has_avx2()) { done = classify_avx2(p, n, newlines, colons, digits); used = 2; }
    else if (level >= 1) { done = classify_sse2(p, n, newlines, colons, digits); used = 1; }
#endif
    classify_scalar(p, n, done, newlines, colons, digits);
    return used;
}

#ifdef HEDGEROW_X86
__attribute__((target("avx2,popcnt")))
static size_t count_avx2(const uint8_t *p, size_t n, uint8_t byte, size_t *count) {
    const __m256i b = _mm256_set1_epi8((char)byte);
    size_t i = 0, total = 0;
    for (; i + 32 <= n; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(p + i));
        total += (size_t)__builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, b)));
    }
    *count = total;
    return i;
}
#endif

size_t hedgerow_count_byte(const uint8_t *p, size_t n, uint8_t byte) {
    size_t i = 0, total = 0;
#ifdef HEDGEROW_X86
    if (hedgerow_cpu_has_avx2()) i = count_avx2(p, n, byte, &total);
#endif
    for (; i < n; i++) total += p[i] == byte;
    return total;
}
