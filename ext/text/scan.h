/*
** scan.h -- byte classes of eight bytes at a time, for the scanning loops of
** the text layer (text.c) and the citations layer (markers.c).
**
** HOW IT WORKS. Eight bytes are loaded as one little-endian 64-bit word
** (memcpy, so any alignment), and each helper returns a mask with the high
** bit of byte k set exactly when byte k is in the class (no carry crosses a
** byte: every sum is taken on the low seven bits, which cannot overflow
** into the next byte). The lowest set bit is the first byte in text order
** (ibid_scan_first). Callers handle the last bytes (fewer than eight) one
** at a time, so the result is the same as the plain loop's.
*/
#ifndef IBID_SCAN_H
#define IBID_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* Index (0-7) of the first byte a nonzero mask marks. */
static inline size_t ibid_scan_first(uint64_t mask) {
  return (size_t)__builtin_ctzll(mask) >> 3;
}

#endif
