/*
** pdf.c -- PDF in: ibid_pdf_convert() reads a PDF with poppler-glib (see
** convert.h) and hands every page's glyphs, with their boxes and fonts, to
** the layout of pdf_layout.c, which writes the body.
**
** ibid_pdf_convert_limited() runs the same reading in a forked child process
** under a wall-clock and a memory limit (see "the child process" below and
** docs/pdf.md): a decompression bomb or a poppler crash becomes the
** document's error, never the caller's end.
**
** Compiled with poppler only when the Makefile defines IBID_HAVE_POPPLER
** (pkg-config found poppler-glib); otherwise ibid_pdf_convert() sets an error.
**
** Limits: at most IBID_PDF_MAX_PAGES pages are read (a page-count bomb
** claims millions); the document's "error" then says how many. An encrypted
** PDF that needs a password, one with no text layer (scanned images: ibid
** does no OCR) and one poppler cannot open get an error and an empty body.
** poppler prints its syntax warnings on stderr: poppler-glib has no call to
** silence them (the C++ core's setErrorCallback is not part of its API).
*/
#define _GNU_SOURCE /* pipe2 */
#include "convert.h"

#ifndef IBID_HAVE_POPPLER

int ibid_pdf_available(void) {
  return 0;
}

int ibid_pdf_convert(const char *bytes, size_t length, ibid_document *document) {
  (void)bytes;
  (void)length;
  document->format = IBID_FORMAT_PDF;
  ibid_document_fail(document,
                     "PDF support is not built in: install libpoppler-glib-dev and rebuild");
  return 0;
}

int ibid_pdf_convert_limited(const char *bytes, size_t length, const ibid_pdf_limits *limits,
                             ibid_document *document) {
  (void)limits;
  return ibid_pdf_convert(bytes, length, document);
}

#else

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <poppler.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "memory.h"
#include "pdf_layout.h"
#include "utf8.h"

/* Pages read at most; the error says so when a document has more. */
#define IBID_PDF_MAX_PAGES 2000

/* Every error this file sets: a child process sends its index to the parent. */
static const char *const pdf_errors[] = {
#define PDF_ENCRYPTED 0
    "PDF is encrypted: it needs a password, which ibid does not take",
#define PDF_UNREADABLE 1
    "PDF could not be read: damaged, truncated or not a PDF",
#define PDF_NO_TEXT 2
    "PDF has no text layer (scanned images?): ibid does no OCR",
#define PDF_NO_PAGES 3
    "PDF has no pages that could be read",
#define PDF_TOO_LONG 4
    "PDF has more than 2000 pages: only the first 2000 were read",
#define PDF_TIME_LIMIT 5
    "PDF reading stopped at the time limit (ibid_pdf_limits): a decompression bomb, or a PDF "
    "too slow to read",
#define PDF_MEMORY_LIMIT 6
    "PDF reading stopped: out of memory at the memory limit (ibid_pdf_limits), or the reader "
    "aborted (a decompression bomb, or a PDF too large to read)",
#define PDF_CRASHED 7
    "PDF reader crashed on this PDF (poppler ended on a signal): nothing could be read",
#define PDF_INTERRUPTED 8
    "PDF reading interrupted (the reader was stopped by a signal from outside)",
#define PDF_NOT_STARTED 9
    "PDF reader could not be started (fork or pipe failed): the PDF was not read",
#define PDF_LOST 10
    "PDF reader ended without its result: the PDF was not read",
};
#define PDF_ERROR_COUNT (sizeof(pdf_errors) / sizeof(pdf_errors[0]))

int ibid_pdf_available(void) {
  return 1;
}

/* Font names say the weight: "Times-Bold", "ABCDEF+MinionPro-Semibold". */
static int is_bold_font(const char *name) {
  static const char *const weights[] = {"Bold", "bold", "Black", "Heavy", "Semibold", "Demi"};
  if (!name) return 0;
  for (size_t i = 0; i < sizeof(weights) / sizeof(weights[0]); i++)
    if (strstr(name, weights[i])) return 1;
  return 0;
}

/* Reads one page's glyphs (poppler's text, one box per character, font
** attributes per character range) into the layout. */
static int add_page(PopplerPage *page, ibid_pdf_layout *layout) {
  double width = 0, height = 0;
  poppler_page_get_size(page, &width, &height);
  PopplerRectangle *boxes = NULL;
  guint box_count = 0;
  char *text = poppler_page_get_text(page);
  if (!text || !poppler_page_get_text_layout(page, &boxes, &box_count)) {
    g_free(text);
    return ibid_pdf_layout_add_page(layout, NULL, 0, width, height);
  }
  size_t length = strlen(text);
  size_t characters =
      g_utf8_validate(text, (gssize)length, NULL) ? ibid_utf8_count(text, length) : 0;
  size_t count = characters < box_count ? characters : box_count;
  ibid_pdf_glyph *glyphs = ibid_malloc((count ? count : 1) * sizeof(ibid_pdf_glyph));
  if (!glyphs) {
    g_free(boxes);
    g_free(text);
    return -1;
  }
  size_t at = 0;
  for (size_t i = 0; i < count; i++) {
    uint32_t codepoint;
    at += ibid_utf8_decode(text, length, at, &codepoint);
    ibid_pdf_glyph *g = &glyphs[i];
    g->codepoint = codepoint;
    g->x0 = boxes[i].x1 < boxes[i].x2 ? boxes[i].x1 : boxes[i].x2;
    g->x1 = boxes[i].x1 < boxes[i].x2 ? boxes[i].x2 : boxes[i].x1;
    g->y0 = boxes[i].y1 < boxes[i].y2 ? boxes[i].y1 : boxes[i].y2;
    g->y1 = boxes[i].y1 < boxes[i].y2 ? boxes[i].y2 : boxes[i].y1;
    g->size = g->y1 - g->y0; /* until the attributes say */
    g->bold = 0;
  }
  GList *attributes = poppler_page_get_text_attributes(page);
  for (GList *item = attributes; item; item = item->next) {
    const PopplerTextAttributes *a = item->data;
    if (!a || a->start_index < 0) continue;
    int bold = is_bold_font(a->font_name);
    for (size_t i = (size_t)a->start_index; i <= (size_t)a->end_index && i < count; i++) {
      glyphs[i].size = a->font_size;
      glyphs[i].bold = bold;
    }
  }
  poppler_page_free_text_attributes(attributes);
  int rc = ibid_pdf_layout_add_page(layout, glyphs, count, width, height);
  ibid_free(glyphs);
  g_free(boxes);
  g_free(text);
  return rc;
}

/* Titles that name a file, not a work ("Microsoft Word - draft.docx", "untitled"). */
static int plausible_title(const char *title) {
  static const char *const makers[] = {
      "Microsoft Word - ", "Microsoft PowerPoint - ", "untitled", "Untitled", "Document", "Title"};
  static const char *const extensions[] = {".doc", ".docx", ".pdf", ".tex", ".dvi", ".indd",
                                           ".rtf", ".odt",  ".qxd", ".ps",  ".txt"};
  size_t length = strlen(title);
  if (length < 4 || length > 500) return 0;
  for (size_t i = 0; i < sizeof(makers) / sizeof(makers[0]); i++)
    if (strncmp(title, makers[i], strlen(makers[i])) == 0) return 0;
  for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++) {
    size_t n = strlen(extensions[i]);
    if (length > n && g_ascii_strcasecmp(title + length - n, extensions[i]) == 0) return 0;
  }
  int letters = 0;
  for (const char *c = title; *c; c++) letters += g_ascii_isalpha(*c) != 0;
  return letters >= 3;
}

/* One author name as CSL: "Mills, Kurt" or "Kurt Mills" -> family and given. */
static void append_author(ibid_buffer *out, const char *name, size_t length) {
  while (length && name[0] == ' ') {
    name++;
    length--;
  }
  while (length && name[length - 1] == ' ') length--;
  if (length == 0) return;
  if (out->length > 1) ibid_buffer_append_char(out, ',');
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  const char *comma = memchr(name, ',', length);
  const char *space = NULL;
  for (size_t i = length; i-- > 0;)
    if (name[i] == ' ') {
      space = name + i;
      break;
    }
  if (comma) {
    size_t given = length - (size_t)(comma + 1 - name);
    const char *g = comma + 1;
    while (given && *g == ' ') {
      g++;
      given--;
    }
    ibid_json_object_string(&object, "family", name, (size_t)(comma - name));
    if (given) ibid_json_object_string(&object, "given", g, given);
  } else if (space) {
    ibid_json_object_string(&object, "family", space + 1, length - (size_t)(space + 1 - name));
    ibid_json_object_string(&object, "given", name, (size_t)(space - name));
  } else {
    ibid_json_object_string(&object, "literal", name, length);
  }
  ibid_json_object_end(&object);
}

/* Authors separated by ";" or " and " (a lone comma may be "Family, Given"). */
static void add_authors(ibid_document *document, const char *authors) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_append_char(&out, '[');
  const char *at = authors;
  while (*at) {
    const char *end = at;
    while (*end && *end != ';' && strncmp(end, " and ", 5) != 0 && strncmp(end, " & ", 3) != 0)
      end++;
    append_author(&out, at, (size_t)(end - at));
    if (!*end) break;
    at = end + (*end == ';' ? 1 : (end[1] == '&' ? 3 : 5));
  }
  ibid_buffer_append_char(&out, ']');
  if (!out.failed && out.length > 2) ibid_document_meta(document, "author", out.data, out.length);
  ibid_buffer_free(&out);
}

/* Title, author, subject (as "abstract", only when it is a dozen words or
** more) and creation date (as "issued") from the info dictionary, each only
** when present and plausible. */
static void add_metadata(PopplerDocument *pdf, ibid_document *document) {
  char *title = poppler_document_get_title(pdf);
  if (title && g_utf8_validate(title, -1, NULL)) {
    g_strstrip(title);
    if (plausible_title(title)) ibid_document_meta_string(document, "title", title, strlen(title));
  }
  g_free(title);
  char *author = poppler_document_get_author(pdf);
  if (author && g_utf8_validate(author, -1, NULL) && strlen(author) < 1000) {
    g_strstrip(author);
    int letters = 0;
    for (const char *c = author; *c; c++) letters += g_ascii_isalpha(*c) != 0;
    if (letters >= 2) add_authors(document, author);
  }
  g_free(author);
  char *subject = poppler_document_get_subject(pdf);
  if (subject && g_utf8_validate(subject, -1, NULL)) {
    g_strstrip(subject);
    /* a description of a dozen words or more is an abstract; shorter, a label */
    int words = 0;
    for (const char *c = subject; *c; c++) words += *c == ' ';
    if (words >= 11) ibid_document_meta_string(document, "abstract", subject, strlen(subject));
  }
  g_free(subject);
  GDateTime *created = poppler_document_get_creation_date_time(pdf);
  if (created) {
    int year = g_date_time_get_year(created);
    if (year >= 1990 && year <= 2100) {
      char date[64];
      int n = snprintf(date, sizeof(date), "{\"date-parts\":[[%d,%d,%d]]}", year,
                       g_date_time_get_month(created), g_date_time_get_day_of_month(created));
      if (n > 0 && (size_t)n < sizeof(date))
        ibid_document_meta(document, "issued", date, (size_t)n);
    }
    g_date_time_unref(created);
  }
}

static void fail_open(ibid_document *document, const GError *error) {
  if (error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED)
    ibid_document_fail(document, pdf_errors[PDF_ENCRYPTED]);
  else
    ibid_document_fail(document, pdf_errors[PDF_UNREADABLE]);
}

int ibid_pdf_convert(const char *bytes, size_t length, ibid_document *document) {
  document->format = IBID_FORMAT_PDF;
  /* poppler reads the caller's bytes in place: they outlive the document */
  GBytes *data = g_bytes_new_static(bytes, length);
  GError *error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_bytes(data, NULL, &error);
  if (!pdf) {
    fail_open(document, error);
    if (error) g_error_free(error);
    g_bytes_unref(data);
    return 0;
  }
  int pages = poppler_document_get_n_pages(pdf);
  document->pages = pages > 0 ? pages : 0;
  add_metadata(pdf, document);
  ibid_pdf_layout *layout = ibid_pdf_layout_new();
  int rc = layout ? 0 : -1;
  int read = pages < IBID_PDF_MAX_PAGES ? pages : IBID_PDF_MAX_PAGES;
  for (int i = 0; i < read && rc == 0; i++) {
    /* a page is the unit poppler cannot be stopped inside of */
    if (ibid_progress_step(document->progress, IBID_PROGRESS_INTERVAL / 16)) {
      rc = -1; /* interrupted */
      break;
    }
    PopplerPage *page = poppler_document_get_page(pdf, i);
    if (!page) continue;
    rc = add_page(page, layout);
    g_object_unref(page);
  }
  if (rc == 0) {
    if (ibid_pdf_layout_glyphs(layout) == 0)
      ibid_document_fail(document, pdf_errors[pages > 0 ? PDF_NO_TEXT : PDF_NO_PAGES]);
    else
      rc = ibid_pdf_layout_write(layout, document);
    if (pages > IBID_PDF_MAX_PAGES) ibid_document_fail(document, pdf_errors[PDF_TOO_LONG]);
  }
  ibid_pdf_layout_free(layout);
  g_object_unref(pdf);
  g_bytes_unref(data);
  return rc;
}

/* ----- the child process ------------------------------------------------------

The reading runs in a child forked from the caller (Apache Tika's ForkParser
pattern, without exec: the child already holds the bytes and the code). The
child resets the signals a crash raises to their default action, closes every
file descriptor but its pipe, sets its limits (no core file; address space:
what the parent had mapped plus `megabytes`; CPU: `seconds` plus two, a
second line behind the parent's wall clock), switches to the C library's allocator (no
SQLite call in the child), reads the PDF in process, writes the document to
the pipe as one message (below) and leaves with _exit (no atexit handler, no
stdio flush of the parent's buffers).

The parent polls the pipe until the message is whole or the wall-clock
deadline passes; then it kills the child (SIGKILL) if it has not ended, and
always reaps it (wait4, EINTR retried), so no zombie stays. A message that
is not whole, or a child that ended on a signal, gives the document an error
(time limit, memory limit, crash, interrupted) and an empty body.

The message: "IBIDPDF1", 11 64-bit words (pages, recoded, meta members,
reference count, body characters, error index or ~0, pending space, pending
break, body bytes, meta bytes, reference bytes), then those three byte runs.
*/

#define MESSAGE_MAGIC "IBIDPDF1"
#define MESSAGE_WORDS 11

static int write_all(int fd, const char *data, size_t length) {
  while (length) {
    ssize_t n = write(fd, data, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    data += n;
    length -= (size_t)n;
  }
  return 0;
}

static int child_send(int fd, const ibid_document *document) {
  uint64_t words[MESSAGE_WORDS];
  uint64_t error = UINT64_MAX;
  for (size_t i = 0; i < PDF_ERROR_COUNT; i++)
    if (document->error == pdf_errors[i]) error = i;
  if (document->error && error == UINT64_MAX) error = PDF_UNREADABLE;
  words[0] = (uint64_t)document->pages;
  words[1] = (uint64_t)document->recoded;
  words[2] = (uint64_t)document->meta_members;
  words[3] = (uint64_t)document->reference_count;
  words[4] = document->body_characters;
  words[5] = error;
  words[6] = (uint64_t)document->pending_space;
  words[7] = (uint64_t)document->pending_break;
  words[8] = document->body.length;
  words[9] = document->meta.length;
  words[10] = document->references.length;
  if (write_all(fd, MESSAGE_MAGIC, 8) || write_all(fd, (const char *)words, sizeof(words)) ||
      write_all(fd, document->body.data ? document->body.data : "", document->body.length) ||
      write_all(fd, document->meta.data ? document->meta.data : "", document->meta.length) ||
      write_all(fd, document->references.data ? document->references.data : "",
                document->references.length))
    return -1;
  return 0;
}

#ifndef __SANITIZE_ADDRESS__
/* Bytes of address space this process has mapped (/proc/self/statm), 0 when unknown. */
static uint64_t mapped_bytes(void) {
  int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[64];
  ssize_t n = read(fd, text, sizeof(text) - 1);
  close(fd);
  if (n <= 0) return 0;
  text[n] = 0;
  long page = sysconf(_SC_PAGESIZE);
  return strtoull(text, NULL, 10) * (uint64_t)(page > 0 ? page : 4096);
}
#endif

static void child_limit(int resource, uint64_t soft, uint64_t hard) {
  struct rlimit limit;
  if (getrlimit(resource, &limit) != 0) return;
  /* never above a hard limit already set: an unprivileged process cannot raise it */
  if (limit.rlim_max != RLIM_INFINITY && hard > limit.rlim_max) hard = limit.rlim_max;
  if (soft > hard) soft = hard;
  limit.rlim_cur = (rlim_t)soft;
  limit.rlim_max = (rlim_t)hard;
  setrlimit(resource, &limit);
}

static void child_close_descriptors(int keep) {
#ifdef SYS_close_range
  if (keep > 3) syscall(SYS_close_range, 3u, (unsigned)keep - 1, 0u);
  syscall(SYS_close_range, (unsigned)keep + 1, ~0u, 0u);
#else
  (void)keep;
#endif
}

static void child_run(const char *bytes, size_t length, const ibid_pdf_limits *limits, int fd) {
  static const int crash_signals[] = {SIGSEGV, SIGBUS,  SIGABRT, SIGFPE, SIGILL,
                                      SIGTRAP, SIGXCPU, SIGTERM, SIGPIPE};
  for (size_t i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++)
    signal(crash_signals[i], SIG_DFL);
  /* Ctrl-C at a terminal reaches every process of the foreground group, this
  ** reader too: the caller decides (`ibid load` finishes the document, a shell
  ** interrupts the statement, and the parent then kills the reader), so the
  ** reader ignores it rather than leave a loaded document with an error. */
  signal(SIGINT, SIG_IGN);
  signal(SIGQUIT, SIG_IGN);
#ifdef PR_SET_PDEATHSIG
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlives the thread that waits for it */
#endif
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, NULL);
  child_close_descriptors(fd);
  child_limit(RLIMIT_CORE, 0, 0);
#ifndef __SANITIZE_ADDRESS__ /* AddressSanitizer maps terabytes of shadow memory */
  if (limits->megabytes > 0) {
    uint64_t bytes_allowed = mapped_bytes() + (uint64_t)(limits->megabytes * 1048576.0);
    child_limit(RLIMIT_AS, bytes_allowed, bytes_allowed);
  }
#endif
  if (limits->seconds > 0) {
    uint64_t cpu = (uint64_t)limits->seconds + 2;
    child_limit(RLIMIT_CPU, cpu, cpu + 1);
  }
  ibid_memory_use_libc();
  /* Test hook (docs/pdf.md): the reader ends on this signal, as on a crash. */
  const char *hook = getenv("IBID_PDF_TEST_SIGNAL");
  if (hook && atoi(hook) > 0) raise(atoi(hook));
  ibid_document document;
  ibid_document_init(&document);
  int rc = ibid_pdf_convert(bytes, length, &document);
  if (rc != 0) _exit(3); /* out of memory */
  _exit(child_send(fd, &document) == 0 ? 0 : 4);
}

/* ----- the parent --------------------------------------------------------------- */

static double monotonic_seconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* How often the parent asks whether the caller was interrupted while it
** waits for the child (ibid_progress_poll), in milliseconds. */
#define INTERRUPT_POLL_MS 50

typedef struct reader {
  int fd;
  double deadline; /* 0: none */
  int timed_out;
  ibid_progress *progress; /* the caller's, or NULL */
  int interrupted;         /* progress said stop: the child is killed */
} reader;

/* Reads exactly `length` bytes (into `out`, or `into` when given); 0, or -1
** on end of file, error or deadline (then timed_out is set). */
static int read_exactly(reader *r, ibid_buffer *out, char *into, uint64_t length) {
  char chunk[65536];
  while (length) {
    int wait_ms = -1;
    if (r->deadline > 0) {
      double left = r->deadline - monotonic_seconds();
      if (left <= 0) {
        r->timed_out = 1;
        return -1;
      }
      wait_ms = left > 1e6 ? 1000000000 : (int)(left * 1000.0) + 1;
    }
    int watched = r->progress && r->progress->check;
    if (watched && (wait_ms < 0 || wait_ms > INTERRUPT_POLL_MS)) wait_ms = INTERRUPT_POLL_MS;
    struct pollfd p = {.fd = r->fd, .events = POLLIN, .revents = 0};
    int ready = poll(&p, 1, wait_ms);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (ready == 0) { /* the deadline check above decides; an interrupt, here */
      if (watched && ibid_progress_poll(r->progress)) {
        r->interrupted = 1;
        return -1;
      }
      continue;
    }
    size_t want = length < sizeof(chunk) ? (size_t)length : sizeof(chunk);
    ssize_t n = read(r->fd, into ? into : chunk, want);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return -1;
    if (into)
      into += n;
    else {
      ibid_buffer_append(out, chunk, (size_t)n);
      if (out->failed) return -1;
    }
    length -= (uint64_t)n;
    if (ibid_progress_step(r->progress, (size_t)n)) {
      r->interrupted = 1;
      return -1;
    }
  }
  return 0;
}

/* Reads the child's message into the document: 1 when whole, 0 when not,
** -1 when out of memory. */
static int receive(reader *r, ibid_document *document) {
  char magic[8];
  uint64_t words[MESSAGE_WORDS];
  if (read_exactly(r, NULL, magic, sizeof(magic)) || memcmp(magic, MESSAGE_MAGIC, 8) != 0 ||
      read_exactly(r, NULL, (char *)words, sizeof(words)))
    return 0;
  ibid_buffer *parts[3] = {&document->body, &document->meta, &document->references};
  for (int i = 0; i < 3; i++) {
    if (words[8 + i] > (uint64_t)SIZE_MAX / 2) return 0;
    if (!ibid_buffer_reserve(parts[i], (size_t)words[8 + i])) return -1;
    if (read_exactly(r, parts[i], NULL, words[8 + i])) return parts[i]->failed ? -1 : 0;
  }
  document->pages = (long)words[0];
  document->recoded = (int)words[1];
  document->meta_members = (int)words[2];
  document->reference_count = (int)words[3];
  document->body_characters = (size_t)words[4];
  if (words[5] < PDF_ERROR_COUNT) document->error = pdf_errors[words[5]];
  document->pending_space = (int)words[6];
  document->pending_break = (int)words[7];
  return 1;
}

/* Why the child ended without its whole message: an index into pdf_errors. */
static int child_failure(int status, const struct rusage *usage, const ibid_pdf_limits *limits,
                         int killed) {
  if (killed) return PDF_TIME_LIMIT;
  if (WIFEXITED(status)) return WEXITSTATUS(status) == 3 ? PDF_MEMORY_LIMIT : PDF_LOST;
  if (!WIFSIGNALED(status)) return PDF_LOST;
  int sig = WTERMSIG(status);
  double cpu = (double)usage->ru_utime.tv_sec + (double)usage->ru_stime.tv_sec +
               ((double)usage->ru_utime.tv_usec + (double)usage->ru_stime.tv_usec) / 1e6;
  if (sig == SIGXCPU) return PDF_TIME_LIMIT;
  if (sig == SIGKILL) /* the CPU hard limit, or the kernel out of memory */
    return limits->seconds > 0 && cpu >= limits->seconds ? PDF_TIME_LIMIT : PDF_MEMORY_LIMIT;
  if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGQUIT) return PDF_INTERRUPTED;
  /* GLib's g_malloc and C++'s operator new abort when an allocation fails */
  if ((sig == SIGABRT || sig == SIGTRAP) && limits->megabytes > 0) return PDF_MEMORY_LIMIT;
  return PDF_CRASHED;
}

int ibid_pdf_convert_limited(const char *bytes, size_t length, const ibid_pdf_limits *limits,
                             ibid_document *document) {
  if (!limits || (limits->seconds <= 0 && limits->megabytes <= 0))
    return ibid_pdf_convert(bytes, length, document);
  document->format = IBID_FORMAT_PDF;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    ibid_document_fail(document, pdf_errors[PDF_NOT_STARTED]);
    return 0;
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    ibid_document_fail(document, pdf_errors[PDF_NOT_STARTED]);
    return 0;
  }
  if (pid == 0) {
    close(fds[0]);
    child_run(bytes, length, limits, fds[1]);
    _exit(5); /* not reached */
  }
  close(fds[1]);
  reader r = {.fd = fds[0],
              .deadline = limits->seconds > 0 ? monotonic_seconds() + limits->seconds : 0,
              .timed_out = 0,
              .progress = document->progress,
              .interrupted = 0};
  int received = receive(&r, document);
  close(fds[0]);
  int killed = 0;
  if (received != 1 && r.timed_out) {
    kill(pid, SIGKILL);
    killed = 1;
  } else if (received != 1) {
    /* the pipe closed early or broke: the child is ending or must */
    kill(pid, SIGKILL);
  }
  int status = 0;
  struct rusage usage;
  memset(&usage, 0, sizeof(usage));
  pid_t waited;
  do waited = wait4(pid, &status, 0, &usage);
  while (waited < 0 && errno == EINTR);
  if (received == 1) return 0;
  /* a message cut short leaves nothing half written in the document */
  document->body.length = 0;
  document->meta.length = 0;
  document->references.length = 0;
  document->body_characters = 0;
  document->meta_members = 0;
  document->reference_count = 0;
  document->pending_space = document->pending_break = 0;
  if (received < 0 || r.interrupted) return -1; /* out of memory, or interrupted */
  if (waited < 0) { /* reaped elsewhere (SIGCHLD ignored): the status is lost */
    ibid_document_fail(document, pdf_errors[killed ? PDF_TIME_LIMIT : PDF_LOST]);
    return 0;
  }
  ibid_document_fail(document, pdf_errors[child_failure(status, &usage, limits, killed)]);
  return 0;
}

#endif
