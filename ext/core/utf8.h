/*
** utf8.h -- UTF-8 validation, decoding and byte/character offset conversion.
**
** Every pure ibid parser takes (const char *text, size_t length) of valid
** UTF-8 (the SQL layer validates first) and reports spans as byte offsets;
** the SQL layer turns them into 1-based character positions.
*/
#ifndef IBID_UTF8_H
#define IBID_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Returns 1 if text is valid UTF-8 (shortest form, no surrogates, <= U+10FFFF);
** else 0 with *bad_offset set to the byte offset of the first bad byte. */
int ibid_utf8_valid(const char *text, size_t length, size_t *bad_offset);

/* Decodes the code point at text[offset] (text valid UTF-8, offset < length)
** and returns its length in bytes (1-4). An offset inside a character (a
** continuation byte) or a sequence cut short by length gives U+FFFD and 1, so
** no byte of a character is ever taken for a character of its own. */
size_t ibid_utf8_decode(const char *text, size_t length, size_t offset, uint32_t *codepoint);

/* Decodes the code point that ends just before text[offset] (offset > 0) and
** returns its length in bytes. */
size_t ibid_utf8_decode_before(const char *text, size_t offset, uint32_t *codepoint);

/* Number of code points in text[0..length). */
size_t ibid_utf8_count(const char *text, size_t length);

#endif
