/*
** scan.h -- byte classes of eight (or sixteen) bytes at a time, for the
** scanning loops of the text, citations, references and format layers.
**
** HOW IT WORKS. Eight bytes are loaded as one little-endian 64-bit word
** (memcpy, so any alignment), and each helper returns a mask with the high
** bit of byte k set exactly when byte k is in the class (no carry crosses a
** byte: every sum is taken on the low seven bits, which cannot overflow
** into the next byte). The lowest set bit is the first byte in text order
** (ibid_scan_first). Callers handle the last bytes (fewer than eight) one
** at a time, so the result is the same as the plain loop's.
** Where SSE2 is there (every x86-64), the ibid_scan16_* helpers look at
** sixteen bytes at once first: each returns a 16-bit mask, bit k set when
** byte k is in the class; the rest is taken word at a time or, in most
** callers, byte by byte.
*/
#ifndef IBID_SCAN_H
#define IBID_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A word of a word list with its length, so that a lookup compares lengths
** before bytes and calls no strlen per entry (text.c, sentences.c). */
typedef struct ibid_sized_word {
  const char *bytes;
  size_t length;
} ibid_sized_word;
#define IBID_SIZED_WORD(literal) \
  { literal, sizeof(literal) - 1 }

#define IBID_SCAN_ONES 0x0101010101010101ULL
#define IBID_SCAN_HIGH 0x8080808080808080ULL
#define IBID_SCAN_LOW7 0x7F7F7F7F7F7F7F7FULL

static inline uint64_t ibid_scan_load(const char *p) {
  uint64_t word;
  memcpy(&word, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  word = __builtin_bswap64(word);
#endif
  return word;
}

/* The first min(n, 8) bytes at p as one word, the bytes past them zero, in
** memory order (a word list's key of a word's head: findings.c, entities.c).
** Where 8 bytes are readable at p (readable >= 8) and the machine is
** little-endian, one load and a mask; else a copy of the bytes themselves,
** which gives the same word. */
static inline uint64_t ibid_scan_head(const char *p, size_t n, size_t readable) {
  uint64_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (readable >= 8) {
    memcpy(&x, p, 8);
    return n >= 8 ? x : x & ((1ull << (8 * n)) - 1);
  }
#endif
  (void)readable;
  memcpy(&x, p, n < 8 ? n : 8);
  return x;
}

static inline void ibid_scan_store(char *p, uint64_t word) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  word = __builtin_bswap64(word);
#endif
  memcpy(p, &word, 8);
}

/* Bytes equal to b. */
static inline uint64_t ibid_scan_eq(uint64_t word, unsigned char b) {
  uint64_t t = word ^ (IBID_SCAN_ONES * b);
  return ~(((t & IBID_SCAN_LOW7) + IBID_SCAN_LOW7) | t) & IBID_SCAN_HIGH;
}

/* Bytes below n (n <= 128). */
static inline uint64_t ibid_scan_below(uint64_t word, unsigned char n) {
  return ~(((word & IBID_SCAN_LOW7) + IBID_SCAN_ONES * (unsigned char)(128 - n)) | word) &
         IBID_SCAN_HIGH;
}

/* Bytes first to last (1 <= first <= last < 128). */
static inline uint64_t ibid_scan_range(uint64_t word, unsigned char first, unsigned char last) {
  return ibid_scan_below(word, (unsigned char)(last + 1)) & ~ibid_scan_below(word, first);
}

/* The word with the bytes A-Z lower-cased and every other byte kept: a
** capital's 0x20 bit is clear, and its mask bit 0x80 shifted right by two
** is 0x20. */
static inline uint64_t ibid_scan_lower(uint64_t word) {
  return word | ibid_scan_range(word, 'A', 'Z') >> 2;
}

/* Index (0-7) of the first byte a nonzero mask marks. */
static inline size_t ibid_scan_first(uint64_t mask) {
  return (size_t)__builtin_ctzll(mask) >> 3;
}

/* The set bits of a 16-bit mask (an ibid_scan16_* result): what
** __builtin_popcount gives, without the libgcc call it becomes where the
** target has no popcnt instruction (x86-64's baseline has none). */
static inline unsigned ibid_scan_count16(unsigned mask) {
  mask = mask - ((mask >> 1) & 0x5555u);
  mask = (mask & 0x3333u) + ((mask >> 2) & 0x3333u);
  mask = (mask + (mask >> 4)) & 0x0F0Fu;
  return (mask + (mask >> 8)) & 0x1Fu;
}

#ifdef __SSE2__
static inline __m128i ibid_scan16_load(const char *p) {
  return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* 0xFF in each byte first to last, 0 elsewhere (ASCII, 0x00 to 0x7F: signed
** compares, so bytes 0x80 and above are in no range). "Not above last" rather
** than "below last + 1", which would wrap for last = 0x7F. */
static inline __m128i ibid_scan16_range_bytes(__m128i v, char first, char last) {
  return _mm_andnot_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(last)),
                          _mm_cmpgt_epi8(v, _mm_set1_epi8((char)(first - 1))));
}

/* Bytes first to last (ASCII), as ibid_scan16_range_bytes. */
static inline unsigned ibid_scan16_range(__m128i v, char first, char last) {
  return (unsigned)_mm_movemask_epi8(ibid_scan16_range_bytes(v, first, last));
}

/* Bytes '0' to '9'. */
static inline unsigned ibid_scan16_digits(__m128i v) {
  return ibid_scan16_range(v, '0', '9');
}

/* The sixteen bytes with A-Z lower-cased and every other byte kept. */
static inline __m128i ibid_scan16_lower(__m128i v) {
  return _mm_add_epi8(v, _mm_and_si128(ibid_scan16_range_bytes(v, 'A', 'Z'), _mm_set1_epi8(32)));
}

/* Bytes equal to b. */
static inline unsigned ibid_scan16_eq(__m128i v, unsigned char b) {
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)b)));
}

/* Bytes below 0x20, DEL (0x7F) or 0x80 and above: all but printable ASCII. */
static inline unsigned ibid_scan16_not_printable(__m128i v) {
  /* signed: bytes 0x80 and above are negative, so below 0x20 too */
  __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(low, del));
}

/* Sentence terminals: '.', '!' and '?'. */
static inline unsigned ibid_scan16_terminal(__m128i v) {
  __m128i t = _mm_or_si128(
      _mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))));
  return (unsigned)_mm_movemask_epi8(t);
}

/* Bytes 0x80 and above. */
static inline unsigned ibid_scan16_high(__m128i v) {
  return (unsigned)_mm_movemask_epi8(v);
}

/* Bytes n and above (unsigned). */
static inline unsigned ibid_scan16_at_least(__m128i v, unsigned char n) {
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)n)), v));
}
#endif

#endif
