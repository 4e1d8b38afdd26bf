/* fuzz_interrupt.c -- libFuzzer target for interrupts in ibid_convert_document
** (ext/format: libxml2 stopped by xmlStopParser from its SAX events, the HTML and
** XML tree walks, poppler between pages): the first two bytes choose the check
** that says stop (1 to 256) and how often checks come (every 1 to 256 units of
** work); the rest is the document. An interrupted conversion must return -1,
** make no check after the one that said stop, and leak nothing (ASan); one
** that finished first is checked as any document (fuzz_document.h). Plain text
** stops inside ibid_clean. The body of a finished conversion then goes through
** the sentence split under the same kind of check: stopped, it returns 1 with
** no sentences and no check after the stop. */
#include <stddef.h>
#include <stdint.h>

#include "convert.h"
#include "fuzz_document.h"
#include "memory.h"
#include "sentences.h"

typedef struct stopper {
  ibid_progress *progress;
  int calls, stop_at;
  size_t every;
} stopper;

static int stop_check(void *context) {
  stopper *s = context;
  s->calls++;
  s->progress->countdown = s->every;
  return s->calls >= s->stop_at;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  ibid_progress progress = {0};
  stopper s = {&progress, 0, 1 + data[0], 1 + (size_t)data[1]};
  progress.check = stop_check;
  progress.context = &s;
  progress.countdown = s.every;
  const char *bytes = (const char *)data + 2;
  ibid_document document;
  ibid_document_init(&document);
  document.progress = &progress;
  int rc = ibid_convert_document(bytes, size - 2, &document);
  if (progress.stopped) {
    if (rc != -1 || s.calls != s.stop_at) __builtin_trap();
  } else if (rc == 0) {
    fuzz_check_document(&document);
    ibid_sentence_splitter *splitter = ibid_sentence_splitter_new();
    if (splitter && document.body.data) {
      ibid_progress again = {0};
      stopper t = {&again, 0, 1 + data[0] / 16, 1 + (size_t)data[1] * 16};
      again.check = stop_check;
      again.context = &t;
      again.countdown = t.every;
      ibid_sentence *sentences = 0;
      size_t count = 0;
      int split = ibid_split_sentences_progress(splitter, document.body.data, document.body.length,
                                                &again, &sentences, &count);
      if (again.stopped && (split != 1 || sentences || count || t.calls != t.stop_at))
        __builtin_trap();
      ibid_free(sentences);
    }
    ibid_sentence_splitter_free(splitter);
  }
  ibid_document_free(&document);
  return 0;
}
