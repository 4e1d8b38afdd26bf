/*
** buffer.c -- growable byte buffer and a small JSON writer (see buffer.h).
*/
#include "buffer.h"

#include <stdio.h>
#include <string.h>

#include "memory.h"

void ibid_buffer_init(ibid_buffer *buffer) {
  memset(buffer, 0, sizeof(*buffer));
}

void ibid_buffer_free(ibid_buffer *buffer) {
  ibid_free(buffer->data);
  ibid_buffer_init(buffer);
}

char *ibid_buffer_take(ibid_buffer *buffer, size_t *length) {
  char *data = buffer->data;
  if (length) *length = buffer->length;
  if (buffer->failed) {
    ibid_free(data);
    data = NULL;
  } else if (!data) {
    data = ibid_malloc(1);
    if (data) data[0] = 0;
  }
  ibid_buffer_init(buffer);
  return data;
}

int ibid_buffer_adopt(ibid_buffer *buffer, char *data, size_t length) {
  if (buffer->data || buffer->failed) {
    ibid_free(data);
    return 0;
  }
  buffer->data = data;
  buffer->length = length;
  buffer->capacity = length + 1; /* (what the caller states was allocated, at least) */
  return 1;
}

int ibid_buffer_reserve(ibid_buffer *buffer, size_t extra) {
  if (buffer->failed) return 0;
  if (buffer->length + extra + 1 <= buffer->capacity) return 1;
  size_t capacity = buffer->capacity ? buffer->capacity : 64;
  while (capacity < buffer->length + extra + 1) {
    if (capacity > ((size_t)-1) / 2) {
      buffer->failed = 1;
      return 0;
    }
    capacity *= 2;
  }
  char *data = ibid_realloc(buffer->data, capacity);
  if (!data) {
    buffer->failed = 1;
    return 0;
  }
  buffer->data = data;
  buffer->capacity = capacity;
  return 1;
}

void ibid_buffer_append_slow(ibid_buffer *buffer, const char *bytes, size_t length) {
  if (!ibid_buffer_reserve(buffer, length)) return;
  if (length) memcpy(buffer->data + buffer->length, bytes, length);
  buffer->length += length;
  buffer->data[buffer->length] = 0;
}

void ibid_buffer_append_string(ibid_buffer *buffer, const char *string) {
  ibid_buffer_append(buffer, string, strlen(string));
}

void ibid_buffer_append_codepoint(ibid_buffer *buffer, uint32_t codepoint) {
  char bytes[4];
  size_t length;
  if (codepoint < 0x80) {
    bytes[0] = (char)codepoint;
    length = 1;
  } else if (codepoint < 0x800) {
    bytes[0] = (char)(0xC0 | (codepoint >> 6));
    bytes[1] = (char)(0x80 | (codepoint & 0x3F));
    length = 2;
  } else if (codepoint < 0x10000) {
    bytes[0] = (char)(0xE0 | (codepoint >> 12));
    bytes[1] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
    bytes[2] = (char)(0x80 | (codepoint & 0x3F));
    length = 3;
  } else {
    bytes[0] = (char)(0xF0 | (codepoint >> 18));
    bytes[1] = (char)(0x80 | ((codepoint >> 12) & 0x3F));
    bytes[2] = (char)(0x80 | ((codepoint >> 6) & 0x3F));
    bytes[3] = (char)(0x80 | (codepoint & 0x3F));
    length = 4;
  }
  ibid_buffer_append(buffer, bytes, length);
}

void ibid_buffer_append_int(ibid_buffer *buffer, long long value) {
  char digits[32];
  int length = snprintf(digits, sizeof(digits), "%lld", value);
  ibid_buffer_append(buffer, digits, (size_t)length);
}

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL
#define LOW7 0x7F7F7F7F7F7F7F7FULL

/* Nonzero when one of eight bytes is a control character, '"' or '\\'
** (each test marks bit 7 of a byte; no carry crosses a byte). */
static uint64_t needs_escape(uint64_t word) {
  uint64_t quote = word ^ (ONES * '"'), backslash = word ^ (ONES * '\\');
  uint64_t control = ~(((word & LOW7) + ONES * (0x80 - 0x20)) | word);
  uint64_t is_quote = ~(((quote & LOW7) + LOW7) | quote);
  uint64_t is_backslash = ~(((backslash & LOW7) + LOW7) | backslash);
  return (control | is_quote | is_backslash) & HIGH;
}

void ibid_json_string(ibid_buffer *buffer, const char *bytes, size_t length) {
  static const char hex[] = "0123456789abcdef";
  ibid_buffer_append_char(buffer, '"');
  size_t run = 0; /* start of the pending run of bytes that need no escape */
  for (size_t i = 0; i < length; i++) {
    /* to the next byte that needs an escape, eight bytes at a time */
    for (; i + 8 <= length; i += 8) {
      uint64_t word;
      memcpy(&word, bytes + i, 8);
      if (needs_escape(word)) break;
    }
    if (i >= length) break;
    unsigned char c = (unsigned char)bytes[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    ibid_buffer_append(buffer, bytes + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        ibid_buffer_append(buffer, "\\\"", 2);
        break;
      case '\\':
        ibid_buffer_append(buffer, "\\\\", 2);
        break;
      case '\n':
        ibid_buffer_append(buffer, "\\n", 2);
        break;
      case '\r':
        ibid_buffer_append(buffer, "\\r", 2);
        break;
      case '\t':
        ibid_buffer_append(buffer, "\\t", 2);
        break;
      default: {
        char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        ibid_buffer_append(buffer, escape, 6);
      }
    }
  }
  ibid_buffer_append(buffer, bytes + run, length - run);
  ibid_buffer_append_char(buffer, '"');
}

void ibid_json_object_begin(ibid_json_object *object, ibid_buffer *buffer) {
  object->buffer = buffer;
  object->members = 0;
  ibid_buffer_append_char(buffer, '{');
}

void ibid_json_object_key(ibid_json_object *object, const char *key) {
  if (object->members++) ibid_buffer_append_char(object->buffer, ',');
  ibid_json_string(object->buffer, key, strlen(key));
  ibid_buffer_append_char(object->buffer, ':');
}

void ibid_json_object_string(ibid_json_object *object, const char *key, const char *bytes,
                             size_t length) {
  ibid_json_object_key(object, key);
  ibid_json_string(object->buffer, bytes, length);
}

void ibid_json_object_int(ibid_json_object *object, const char *key, long long value) {
  ibid_json_object_key(object, key);
  ibid_buffer_append_int(object->buffer, value);
}

void ibid_json_object_end(ibid_json_object *object) {
  ibid_buffer_append_char(object->buffer, '}');
}
