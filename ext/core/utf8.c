/*
** utf8.c -- UTF-8 validation and decoding (see utf8.h).
*/
#include "utf8.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define ASCII_MASK 0x8080808080808080ULL

/* Index of the first byte at or after i that is not ASCII (or length),
** reading eight bytes at a time: most text is ASCII between its accents. */
static size_t skip_ascii(const unsigned char *s, size_t i, size_t length) {
  while (i + 32 <= length) {
    uint64_t a, b, c, d;
    memcpy(&a, s + i, 8);
    memcpy(&b, s + i + 8, 8);
    memcpy(&c, s + i + 16, 8);
    memcpy(&d, s + i + 24, 8);
    if ((a | b | c | d) & ASCII_MASK) break;
    i += 32;
  }
  while (i + 8 <= length) {
    uint64_t word;
    memcpy(&word, s + i, 8);
    if (word & ASCII_MASK) break;
    i += 8;
  }
  while (i < length && s[i] < 0x80) i++;
  return i;
}

int ibid_utf8_valid(const char *text, size_t length, size_t *bad_offset) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  while (i < length) {
    unsigned char c = s[i];
    if (c < 0x80) {
      i = skip_ascii(s, i + 1, length);
      continue;
    }
    size_t need;
    uint32_t minimum, codepoint;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1, minimum = 0x80, codepoint = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2, minimum = 0x800, codepoint = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3, minimum = 0x10000, codepoint = c & 0x07;
    } else {
      goto bad;
    }
    if (length - i <= need) goto bad;
    for (size_t k = 1; k <= need; k++) {
      if ((s[i + k] & 0xC0) != 0x80) goto bad;
      codepoint = (codepoint << 6) | (s[i + k] & 0x3F);
    }
    if (codepoint < minimum || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
      goto bad;
    i += need + 1;
  }
  return 1;
bad:
  if (bad_offset) *bad_offset = i;
  return 0;
}

/* Decoding never trusts the position: a continuation byte (offset inside a
** character) or a sequence cut short by length decodes as U+FFFD, one byte.
** A caller that walks bytes one at a time therefore never sees a continuation
** byte as a code point of its own (0xA0 as a no-break space, 0x85 as NEL). */
size_t ibid_utf8_decode(const char *text, size_t length, size_t offset, uint32_t *codepoint) {
  const unsigned char *s = (const unsigned char *)text + offset;
  size_t available = length - offset;
  unsigned char c = s[0];
  if (c < 0x80) {
    *codepoint = c;
    return 1;
  }
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (need == 0 || available < need) {
    *codepoint = 0xFFFD;
    return 1;
  }
  if (need == 2) {
    *codepoint = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (need == 3) {
    *codepoint = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return 3;
  }
  *codepoint = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
  return 4;
}

size_t ibid_utf8_decode_before(const char *text, size_t offset, uint32_t *codepoint) {
  size_t start = offset - 1;
  while (start > 0 && offset - start < 4 && ((unsigned char)text[start] & 0xC0) == 0x80) start--;
  ibid_utf8_decode(text, offset, start, codepoint);
  return offset - start;
}

/* Continuation bytes (bit 7 set, bit 6 clear) of eight bytes: 1 in the low
** bit of each such byte, 0 elsewhere (no bit crosses a byte). */
static uint64_t continuation_bits(uint64_t word) {
  return (word & ~(word << 1) & ASCII_MASK) >> 7;
}

size_t ibid_utf8_count(const char *text, size_t length) {
  const unsigned char *s = (const unsigned char *)text;
  size_t continuations = 0, i = 0;
#ifdef __SSE2__
  if (length >= 16) {
    /* sixteen bytes at a time: a continuation byte (0x80-0xBF) is, as a
    ** signed byte, below -64; each lane counts its own (at most 255 blocks
    ** before the lanes are summed), the last bytes are the sixteen that end
    ** the text, without those already counted */
    const __m128i below = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
    while (i + 16 <= length) {
      size_t blocks = (length - i) / 16;
      if (blocks > 255) blocks = 255;
      __m128i lanes = zero;
      for (size_t b = 0; b < blocks; b++, i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(v, below));
      }
      __m128i sums = _mm_sad_epu8(lanes, zero);
      continuations += (size_t)_mm_extract_epi16(sums, 0) + (size_t)_mm_extract_epi16(sums, 4);
    }
    if (i < length) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + length - 16));
      unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, below));
      mask >>= 16 - (length - i);
      continuations += (size_t)__builtin_popcount(mask);
    }
    return length - continuations;
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (length >= 8 && length <= 255) {
    /* most calls: a short span, at most 255 continuation bytes, so one
    ** multiplication adds up the lanes; the last bytes are the eight that
    ** end the span, without those already counted */
    uint64_t lanes = 0, word;
    for (; i + 8 <= length; i += 8) {
      memcpy(&word, s + i, 8);
      lanes += continuation_bits(word);
    }
    if (i < length) {
      memcpy(&word, s + length - 8, 8);
      lanes += continuation_bits(word & (~0ULL << (8 * (8 - (length - i)))));
    }
    return length - (size_t)((lanes * 0x0101010101010101ULL) >> 56);
  }
#endif
  /* eight bytes at a time, the bytes' counts summed per byte lane (at most
  ** 255 words, so no lane overflows), then added up across the lanes */
  while (i + 8 <= length) {
    uint64_t lanes = 0;
    size_t words = (length - i) / 8;
    if (words > 255) words = 255;
    const unsigned char *at = s + i, *stop = at + 8 * words;
    for (; at + 32 <= stop; at += 32) {
      uint64_t a, b, c, d;
      memcpy(&a, at, 8);
      memcpy(&b, at + 8, 8);
      memcpy(&c, at + 16, 8);
      memcpy(&d, at + 24, 8);
      lanes +=
          continuation_bits(a) + continuation_bits(b) + continuation_bits(c) + continuation_bits(d);
    }
    for (; at < stop; at += 8) {
      uint64_t word;
      memcpy(&word, at, 8);
      lanes += continuation_bits(word);
    }
    i += 8 * words;
    uint64_t pairs = (lanes & 0x00FF00FF00FF00FFULL) + ((lanes >> 8) & 0x00FF00FF00FF00FFULL);
    continuations += (size_t)((pairs * 0x0001000100010001ULL) >> 48);
  }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (i < length && length >= 8) {
    /* the last bytes: the eight that end the text, without those counted */
    uint64_t word;
    memcpy(&word, s + length - 8, 8);
    word &= ~0ULL << (8 * (8 - (length - i)));
    uint64_t bits = continuation_bits(word);
    continuations += (size_t)((bits * 0x0101010101010101ULL) >> 56);
    i = length;
  }
#endif
  for (; i < length; i++) continuations += (s[i] & 0xC0) == 0x80;
  return length - continuations;
}
