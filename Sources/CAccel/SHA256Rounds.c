#include "CAccel.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

/* SHA (leaf 7, EBX bit 29) and SSE4.1 (leaf 1, ECX bit 19), which the shuffles need. */
/* Worked out once; scanning threads may ask at the same time, hence the atomics. */
static int has_sha(void) {
    static int known = -1;
    int answer = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (answer < 0) {
        unsigned a, b, c, d;
        int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b >> 29 & 1);
        int sse41 = __get_cpuid(1, &a, &b, &c, &d) && (c >> 19 & 1);
        answer = sha && sse41;
        __atomic_store_n(&known, answer, __ATOMIC_RELAXED);
    }
    return answer;
}

/*
 * The instructions keep the state as two registers, (a, b, e, f) and (c, d, g, h), high
 * lane first; each sha256rnds2 does two rounds, taking the message words plus constants
 * from the low half of its third operand. The message schedule advances a group of four
 * words at a time: group g + 4 is msg1(group g, g + 1) plus words 9-12 after group g's
 * first (the middle of groups g + 2 and g + 3), then msg2 with group g + 3.
 */
__attribute__((target("sha,sse4.1,ssse3")))
static void rounds_sha(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    /* Register names list lanes from the highest. */
    __m128i cdab = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)state), 0xB1);
    __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(state + 4)), 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    for (; blocks > 0; blocks--, data += 64) {
        __m128i abef_before = abef, cdgh_before = cdgh;
        __m128i msg[4];
        for (int i = 0; i < 4; i++) msg[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byte_swap);
        for (int g = 0; g < 16; g++) {
            __m128i wk = _mm_add_epi32(msg[g & 3], _mm_loadu_si128((const __m128i *)(k + 4 * g)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
            if (g < 12) {
                __m128i next = _mm_sha256msg1_epu32(msg[g & 3], msg[(g + 1) & 3]);
                next = _mm_add_epi32(next, _mm_alignr_epi8(msg[(g + 3) & 3], msg[(g + 2) & 3], 4));
                msg[g & 3] = _mm_sha256msg2_epu32(next, msg[(g + 3) & 3]);
            }
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)state, _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}
#endif

int hedgerow_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]) {
#if defined(__x86_64__) || defined(__i386__)
    if (has_sha()) {
        rounds_sha(state, data, blocks, k);
        return 1;
    }
#endif
    (void)state; (void)data; (void)blocks; (void)k;
    return 0;
}

int hedgerow_cpu_has_sha(void) {
#if defined(__x86_64__) || defined(__i386__)
    return has_sha();
#else
    return 0;
#endif
}
