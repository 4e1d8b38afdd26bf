/*
** buffer.h -- a growable byte buffer, and JSON writing on top of it.
**
** Errors are sticky: after an allocation failure `failed` is set, later appends
** do nothing, and the caller checks once at the end. Contents are always
** NUL-terminated when `data` is non-NULL.
*/
#ifndef IBID_BUFFER_H
#define IBID_BUFFER_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct ibid_buffer {
  char *data;
  size_t length;
  size_t capacity;
  int failed; /* 1 after an allocation failure */
} ibid_buffer;

void ibid_buffer_init(ibid_buffer *buffer);
void ibid_buffer_free(ibid_buffer *buffer);
/* Hands the contents to the caller (free with ibid_free); the buffer is reset. */
char *ibid_buffer_take(ibid_buffer *buffer, size_t *length);
int ibid_buffer_reserve(ibid_buffer *buffer, size_t extra);
/* Makes `data` (from ibid_malloc, NUL-terminated at `length`: at least
** length + 1 bytes allocated) the contents of an empty buffer, without a
** copy; the buffer owns it from then on. Returns 0, and frees `data`, when
** the buffer is not empty or has failed (nothing is appended then). */
int ibid_buffer_adopt(ibid_buffer *buffer, char *data, size_t length);
/* The append that grows the buffer (the inline functions below call it
** when the bytes do not fit). */
void ibid_buffer_append_slow(ibid_buffer *buffer, const char *bytes, size_t length);
void ibid_buffer_append_string(ibid_buffer *buffer, const char *string);

/* Appends bytes; inline, so that an append that fits costs a copy. */
static inline void ibid_buffer_append(ibid_buffer *buffer, const char *bytes, size_t length) {
  if (!buffer->failed && buffer->length + length < buffer->capacity) {
    if (length) memcpy(buffer->data + buffer->length, bytes, length);
    buffer->length += length;
    buffer->data[buffer->length] = 0;
    return;
  }
  ibid_buffer_append_slow(buffer, bytes, length);
}

static inline void ibid_buffer_append_char(ibid_buffer *buffer, char c) {
  if (!buffer->failed && buffer->length + 1 < buffer->capacity) {
    buffer->data[buffer->length++] = c;
    buffer->data[buffer->length] = 0;
    return;
  }
  ibid_buffer_append_slow(buffer, &c, 1);
}
void ibid_buffer_append_codepoint(ibid_buffer *buffer, uint32_t codepoint);
void ibid_buffer_append_int(ibid_buffer *buffer, long long value);

/* JSON: a quoted, escaped string value (the bytes must be valid UTF-8). */
void ibid_json_string(ibid_buffer *buffer, const char *bytes, size_t length);

/*
** JSON object writer: ibid_json_object_begin writes '{', each member call
** writes a separating comma when needed, the key and the value.
*/
typedef struct ibid_json_object {
  ibid_buffer *buffer;
  int members;
} ibid_json_object;
void ibid_json_object_begin(ibid_json_object *object, ibid_buffer *buffer);
/* Writes `"key":` (with a comma before it when it is not the first member). */
void ibid_json_object_key(ibid_json_object *object, const char *key);
void ibid_json_object_string(ibid_json_object *object, const char *key, const char *bytes,
                             size_t length);
void ibid_json_object_int(ibid_json_object *object, const char *key, long long value);
void ibid_json_object_end(ibid_json_object *object);

#endif
