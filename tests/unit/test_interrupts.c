/* Unit tests of interrupts in the converters (issue #12 item 7): a progress
** whose check says stop at its K-th call, for many K, stops ibid_convert_document
** at that call (-1, nothing kept past it), on HTML, JATS and TEI whose work is in
** the libxml2 parse, and without a leak on any of those paths (make sanitize runs
** this under ASan). Counted: checks and units of work, never time. Also the
** note-number limit (ibid_document_check_note_limit). */
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "check.h"
#include "convert.h"
#include "document.h"
#include "memory.h"
#include "sentences.h"
#include "text.h"

typedef struct counter {
  ibid_progress *progress;
  int calls, stop_at;
  size_t every; /* units between checks after the first: small, to stop anywhere */
} counter;

static int count_check(void *context) {
  counter *c = context;
  c->calls++;
  c->progress->countdown = c->every;
  return c->stop_at > 0 && c->calls >= c->stop_at;
}

/* Converts with a check every `every` units that stops at call stop_at (0:
** never); returns the converter's result, *calls the checks made. */
static int convert_counted(const char *bytes, size_t length, size_t every, int stop_at, int *calls,
                           uint64_t *work, char *format_name, size_t name_size) {
  ibid_document document;
  ibid_document_init(&document);
  ibid_progress progress = {0};
  counter c = {&progress, 0, stop_at, every};
  progress.check = count_check;
  progress.context = &c;
  progress.countdown = every;
  document.progress = &progress;
  int rc = ibid_convert_document(bytes, length, &document);
  if (rc == 0 && progress.stopped) rc = 99; /* stopped but reported success: a bug */
  *calls = c.calls;
  *work = progress.work;
  const char *name = ibid_format_name(document.format);
  snprintf(format_name, name_size, "%s", name ? name : "?");
  ibid_document_free(&document);
  return rc;
}

static char *repeat(const char *head, const char *unit, size_t times, const char *tail,
                    size_t *length) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_append_string(&out, head);
  for (size_t i = 0; i < times; i++) ibid_buffer_append_string(&out, unit);
  ibid_buffer_append_string(&out, tail);
  return ibid_buffer_take(&out, length);
}

static void check_format(const char *label, const char *head, const char *unit, const char *tail,
                         const char *want) {
  size_t length;
  /* about 400 KB: the work is the parse of one long text and many small elements */
  char *bytes = repeat(head, unit, 400000 / strlen(unit), tail, &length);
  char name[64], format[16];
  int calls = 0;
  uint64_t work = 0;
  int rc = convert_counted(bytes, length, 4096, 0, &calls, &work, format, sizeof(format));
  snprintf(name, sizeof(name), "%s: converts whole", label);
  CHECK(name, rc == 0 && strcmp(format, want) == 0);
  /* the parse counts the bytes it reads, event by event (an element, a text run:
  ** libxml2 hands text over in runs of 300 to 1000 bytes; only a run of pure
  ** ASCII, scanned at memory speed, comes whole): a check per 4096 bytes or so */
  snprintf(name, sizeof(name), "%s: checks while parsing", label);
  CHECK(name, calls >= (int)(length / 8192) && work >= length);
  int total = calls, wrong = 0;
  for (int k = 1; k <= total; k += 1 + total / 40) {
    int stopped_calls = 0;
    rc = convert_counted(bytes, length, 4096, k, &stopped_calls, &work, format, sizeof(format));
    /* stopped at that very check: -1, no check after it, work bounded by it */
    if (rc != -1 || stopped_calls != k || work > (uint64_t)k * 8192 + 65536) {
      printf("# %s: stop at check %d: result %d after %d checks, %llu units\n", label, k, rc,
             stopped_calls, (unsigned long long)work);
      wrong++;
    }
  }
  snprintf(name, sizeof(name), "%s: stops at any check", label);
  CHECK(name, wrong == 0);
  ibid_free(bytes);
}

static void test_converters(void) {
  check_format("html", "<html><body><article>", "<p>One <b>short</b> paragraph, (Smith 2001).</p>",
               "</article></body></html>", "html");
  check_format("html script", "<html><body><p>A page.</p><script>", "var a = 'text text text';\n",
               "</script></body></html>", "html");
  check_format(
      "jats",
      "<?xml version=\"1.0\"?><article><front><article-meta><title-group><article-title>"
      "T</article-title></title-group></article-meta></front><body><sec>",
      "<p>One <italic>short</italic> paragraph.<xref ref-type=\"fn\" rid=\"f1\">1</xref></p>",
      "</sec></body><back><fn-group><fn id=\"f1\"><p>A note.</p></fn></fn-group></back>"
      "</article>",
      "jats");
  check_format("jats one text", "<?xml version=\"1.0\"?><article><body><p>",
               "words and more words in one paragraph, caf\u00e9 ", "</p></body></article>",
               "jats");
  check_format(
      "tei",
      "<?xml version=\"1.0\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
      "<titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body>",
      "<p>One <hi>short</hi> paragraph.<note place=\"foot\">A note.</note></p>",
      "</body></text></TEI>", "tei");
  /* plain text: the work is ibid_clean's, pass by pass (characters, NFC chunks
     with a decomposed "e\u0301" to normalize, lines, blocks) */
  check_format("text", "A Title\n\n",
               "One wrapped line of a long paragraph, cafe\xcc\x81 and more, that goes on\n"
               "to the next line.\n\n",
               "The end.\n", "text");
}

/* The sentence split of the layers counts each block: with a check per
** 4096 bytes, the checks grow with the text, and a stop at check k ends the
** split there (1, no sentences, nothing leaked). */
static void test_sentences(void) {
  size_t length;
  char *text =
      repeat("", "One sentence here. Another one, cf. p. 3, follows it.\n\n", 8000, "", &length);
  ibid_sentence_splitter *splitter = ibid_sentence_splitter_new();
  CHECK("sentences: splitter", splitter != NULL);
  if (!splitter) {
    ibid_free(text);
    return;
  }
  ibid_progress progress = {0};
  counter c = {&progress, 0, 0, 4096};
  progress.check = count_check;
  progress.context = &c;
  progress.countdown = 4096;
  ibid_sentence *sentences = 0;
  size_t count = 0;
  int rc = ibid_split_sentences_progress(splitter, text, length, &progress, &sentences, &count);
  CHECK("sentences: split whole", rc == 0 && count == 16000);
  CHECK("sentences: checks while splitting",
        c.calls >= (int)(length / 8192) && progress.work >= length / 2);
  ibid_free(sentences);
  int total = c.calls, wrong = 0;
  for (int k = 1; k <= total; k += 1 + total / 20) {
    ibid_progress stop = {0};
    counter d = {&stop, 0, k, 4096};
    stop.check = count_check;
    stop.context = &d;
    stop.countdown = 4096;
    sentences = 0;
    count = 0;
    rc = ibid_split_sentences_progress(splitter, text, length, &stop, &sentences, &count);
    if (rc != 1 || sentences || count || d.calls != k || stop.work > (uint64_t)k * 8192 + 65536)
      wrong++;
    ibid_free(sentences);
  }
  CHECK("sentences: stops at any check", wrong == 0);
  /* ibid_clean alone stops too, and says so */
  ibid_progress stop = {0};
  counter e = {&stop, 0, 3, 4096};
  stop.check = count_check;
  stop.context = &e;
  stop.countdown = 4096;
  size_t clean_length = 0;
  char *clean = ibid_clean_text_progress(text, length, &stop, &clean_length);
  CHECK("ibid_clean: stops", clean == NULL && stop.stopped && e.calls == 3);
  ibid_free(clean);
  ibid_sentence_splitter_free(splitter);
  ibid_free(text);
}

static const char *limit_error(const char *body) {
  ibid_document document;
  ibid_document_init(&document);
  ibid_buffer_append_string(&document.body, body);
  ibid_document_check_note_limit(&document);
  const char *error = document.error;
  ibid_document_free(&document);
  return error;
}

static void test_note_limit(void) {
  CHECK("no limit below 9999", limit_error("Text.[9998]\n\n9998 A note.\n\n9999 A note.\n") == 0);
  CHECK("plain labels past 9999",
        limit_error("Text.\n\n9999 A note.\n\n10000 A note.\n") == ibid_note_limit_error);
  CHECK("bracket markers past 9999",
        limit_error("Text.[9999] More.[10000]\n") == ibid_note_limit_error);
  CHECK("superscripts past 9999",
        limit_error("Text.\u2079\u2079\u2079\u2079 More.\u00b9\u2070\u2070\u2070\u2070\n") ==
            ibid_note_limit_error);
  CHECK("10000 without 9999 is no note", limit_error("10000 people came.\n") == 0);
  CHECK("9999 inside a line is no label", limit_error("In 9999 BC.\n10000 people.\n") == 0);
  CHECK("a number before 9999 is not past it", limit_error("10000 A.\n\n9999 B.\n") == 0);
}

int main(void) {
  test_converters();
  test_sentences();
  test_note_limit();
  return check_finish();
}
