/* test_pdf.c -- unit tests of ext/format/pdf_layout.c on glyphs placed by hand (no PDF, no
 * poppler). */
#include <math.h>
#include <string.h>

#include "check.h"
#include "document.h"
#include "memory.h"
#include "pdf_layout.h"
#include "utf8.h"

/* A page under construction: glyphs of a monospaced font, half an em wide. */
typedef struct page {
  ibid_pdf_glyph glyphs[4096];
  size_t count;
} page;

/* Places text's glyphs from (x, y), y growing downwards: along the baseline y, each glyph
 * half an em wide, or, upwards, stacked up from y (text turned by 90 degrees up the margin),
 * each glyph half an em high. Returns the x (along) or the y (upwards) after it. */
static double place(page *p, const char *text, double x, double y, double size, int bold,
                    int upwards) {
  size_t length = strlen(text);
  for (size_t at = 0; at < length && p->count < 4096;) {
    uint32_t c;
    at += ibid_utf8_decode(text, length, at, &c);
    ibid_pdf_glyph *g = &p->glyphs[p->count++];
    g->codepoint = c;
    g->x0 = x;
    g->x1 = x + (upwards ? 1.0 : 0.5) * size;
    g->y0 = upwards ? y - 0.5 * size : y - 0.8 * size;
    g->y1 = upwards ? y : y + 0.2 * size;
    g->size = size;
    g->bold = bold;
    if (upwards)
      y = g->y0;
    else
      x = g->x1;
  }
  return upwards ? y : x;
}

/* Writes text at (x, baseline) with y growing downwards; returns the x after it. */
static double put(page *p, const char *text, double x, double baseline, double size, int bold) {
  return place(p, text, x, baseline, size, bold, 0);
}

/* A line of body text at 10 pt, a space glyph after it (as readers report). */
static double line(page *p, const char *text, double x, double baseline) {
  double end = put(p, text, x, baseline, 10, 0);
  put(p, " ", end, baseline, 10, 0);
  return end;
}

/* A line of body text at its left edge x; a column lists them top down. */
typedef struct placed_line {
  const char *text;
  double x;
} placed_line;

/* Lines of body text 12 pt apart from the baseline on, until a NULL text. */
static void column(page *p, double baseline, const placed_line *lines) {
  for (size_t i = 0; lines[i].text; i++) line(p, lines[i].text, lines[i].x, baseline + 12.0 * i);
}

/* A line in the 8 pt type of notes, captions and running heads. */
static double small_line(page *p, const char *text, double x, double baseline) {
  return put(p, text, x, baseline, 8, 0);
}

/* A raised 6 pt marker glued at x on a 10 pt line. */
static double marker(page *p, const char *digits, double x, double baseline) {
  return put(p, digits, x, baseline - 3.5, 6, 0);
}

/* Lays out pages and returns the body (static buffer). */
static const char *layout_of(page *pages, size_t count) {
  static char out[16384];
  ibid_pdf_layout *layout = ibid_pdf_layout_new();
  ibid_document document;
  ibid_document_init(&document);
  out[0] = 0;
  for (size_t i = 0; i < count; i++)
    ibid_pdf_layout_add_page(layout, pages[i].glyphs, pages[i].count, 612, 792);
  if (ibid_pdf_layout_write(layout, &document) == 0 && document.body.data) {
    size_t n = document.body.length < sizeof(out) - 1 ? document.body.length : sizeof(out) - 1;
    memcpy(out, document.body.data, n);
    out[n] = 0;
  }
  ibid_document_free(&document);
  ibid_pdf_layout_free(layout);
  return out;
}

static page pages[3];

static void reset(void) {
  memset(pages, 0, sizeof(pages));
}

/* One column of body text on one page (60 characters = 300 pt wide from
** x = 72; a line at 87 or 102 is indented), and the body it lays out to. */
static const struct {
  const char *name;
  placed_line lines[8];
  const char *body;
} column_cases[] = {
    {"paragraphs: a short line ends one, an indented line opens one",
     {{"The Court was created in 1998 and since then it has opened", 72},
      {"many investigations in Africa, which critics have called a", 72},
      {"sign of bias against the continent.", 72},
      {"Its supporters point to the referrals made by the states", 87},
      {"themselves.", 72}},
     "The Court was created in 1998 and since then it has opened many investigations in "
     "Africa, which critics have called a sign of bias against the continent.\n\n"
     "Its supporters point to the referrals made by the states themselves.\n"},
    {"hyphenation: rejoined unless a compound",
     {{"The international community argued about the anti-", 72},
      {"atrocity regime and whether inter-", 72},
      {"national courts help, or whether wars rage be-", 72},
      {"cause of them.", 72}},
     "The international community argued about the anti-atrocity regime and whether "
     "international courts help, or whether wars rage because of them.\n"},
    {"block quote: its lines joined, its own block",
     {{"The Court was created in 1998 and since then it has opened", 72},
      {"cases, and critics said:", 72},
      {"The Court is biased against the whole of", 102},
      {"the continent and its leaders.", 102},
      {"Others disagreed with the critics and praised the Court for", 72},
      {"its work.", 72}},
     "The Court was created in 1998 and since then it has opened cases, and critics "
     "said:\n\nThe Court is biased against the whole of the continent and its "
     "leaders.\n\nOthers disagreed with the critics and praised the Court for its "
     "work.\n"},
    {"URLs broken at a line end and em dashes go on without a blank",
     {{"The statement is online at https://www.icc-cpi.int/news/", 72},
      {"situations-and-cases and was issued by the Court in 2009 —", 72},
      {"a year after the warrant was sought by the prosecutor—", 72},
      {"twice.", 72}},
     "The statement is online at https://www.icc-cpi.int/news/situations-and-cases and "
     "was issued by the Court in 2009 — a year after the warrant was sought by the "
     "prosecutor—twice.\n"},
};

static void test_columns(void) {
  for (size_t i = 0; i < sizeof(column_cases) / sizeof(column_cases[0]); i++) {
    reset();
    column(&pages[0], 100, column_cases[i].lines);
    CHECK_STRING(column_cases[i].name, layout_of(pages, 1), column_cases[i].body);
  }
}

static void test_headings_and_gaps(void) {
  reset();
  put(&pages[0], "Introduction", 72, 80, 14, 1);
  column(&pages[0], 100,
         (const placed_line[]){{"The Court was created in 1998 and since then it has opened", 72},
                               {"many investigations.", 72},
                               {NULL, 0}});
  put(&pages[0], "Method", 72, 140, 10, 1);
  column(&pages[0], 160,
         (const placed_line[]){{"We read the cases in the order in which they were referred", 72},
                               {"to the Court.", 72},
                               {NULL, 0}});
  CHECK_STRING("headings: larger or bold type is a block of its own", layout_of(pages, 1),
               "Introduction\n\nThe Court was created in 1998 and since then it has opened many "
               "investigations.\n\nMethod\n\nWe read the cases in the order in which they were "
               "referred to the Court.\n");
}

static void test_markers(void) {
  reset();
  double x = line(&pages[0], "The Court was created in 1998 and since then it has opened", 72, 100);
  x = put(&pages[0], "many investigations in Africa.", 72, 112, 10, 0);
  x = marker(&pages[0], "12", x, 112);
  put(&pages[0], " Critics", x, 112, 10, 0);
  (void)x;
  CHECK_STRING("markers: raised small digits glued to the word before", layout_of(pages, 1),
               "The Court was created in 1998 and since then it has opened many investigations "
               "in Africa.¹² Critics\n");
}

/* Two sentences on the first page, with markers 1 and 2. */
static void two_marked_sentences(void) {
  double x = put(&pages[0], "The Court was created in 1998 and has opened cases.", 72, 100, 10, 0);
  marker(&pages[0], "1", x, 100);
  x = line(&pages[0], "Critics call it biased, while its supporters disagree.", 72, 112);
  marker(&pages[0], "2", x, 112);
}

static void test_footnotes(void) {
  reset();
  two_marked_sentences();
  put(&pages[0], "1", 72, 697, 5, 0);
  small_line(&pages[0], " Kersten, Mark, Justice in Conflict (Oxford: Oxford University", 75, 700);
  small_line(&pages[0], "Press, 2016), p. 45.", 72, 710);
  put(&pages[0], "2", 72, 717, 5, 0);
  small_line(&pages[0], " Ibid., p. 52, and on the wider debate Schabas, William A., An", 75, 720);
  put(&pages[0], "12", 300, 770, 9, 0);
  /* page 2: the note continues, then note 3 */
  double x =
      put(&pages[1], "The African Union answered with a call for non-cooperation.", 72, 100, 10, 0);
  marker(&pages[1], "3", x, 100);
  small_line(&pages[1], "Introduction to the International Criminal Court (Cambridge, 2011).", 72,
             700);
  small_line(&pages[1], "3 Decision on the ICC, Assembly/AU/Dec.245(XIII), 3 July 2009.", 72, 710);
  put(&pages[1], "13", 300, 770, 9, 0);
  CHECK_STRING(
      "footnotes: smaller type at the foot, continued on the next page, page numbers "
      "dropped",
      layout_of(pages, 2),
      "The Court was created in 1998 and has opened cases.¹ Critics call it biased, "
      "while its supporters disagree.² The African Union answered with a call for "
      "non-cooperation.³\n\nFootnotes\n\n"
      "1 Kersten, Mark, Justice in Conflict (Oxford: Oxford University Press, 2016), "
      "p. 45.\n\n"
      "2 Ibid., p. 52, and on the wider debate Schabas, William A., An Introduction to "
      "the International Criminal Court (Cambridge, 2011).\n\n"
      "3 Decision on the ICC, Assembly/AU/Dec.245(XIII), 3 July 2009.\n");
}

static void test_endnotes_in_small_type(void) {
  reset();
  two_marked_sentences();
  put(&pages[0], "Notes", 72, 500, 12, 1);
  small_line(&pages[0], "1 Kersten, Mark, Justice in Conflict (Oxford: Oxford University", 72, 520);
  small_line(&pages[0], "Press, 2016), p. 45.", 72, 530);
  small_line(&pages[1], "2 Ibid., p. 52.", 72, 80);
  small_line(&pages[1], "3 Schabas, William A., An Introduction to the ICC (Cambridge, 2011).", 72,
             90);
  CHECK_STRING("endnotes in small type on the pages after the first one are notes too",
               layout_of(pages, 2),
               "The Court was created in 1998 and has opened cases.¹ Critics call it biased, "
               "while its supporters disagree.²\n\nNotes\n\nFootnotes\n\n"
               "1 Kersten, Mark, Justice in Conflict (Oxford: Oxford University Press, 2016), "
               "p. 45.\n\n2 Ibid., p. 52.\n\n"
               "3 Schabas, William A., An Introduction to the ICC (Cambridge, 2011).\n");
}

static void test_two_columns(void) {
  reset();
  put(&pages[0], "A Title Across The Page", 72, 60, 16, 1);
  const char *left[] = {"Left column text that", "goes on for a while,", "line after line, and",
                        "ends here."};
  const char *right[] = {"Right column text that", "starts only after the", "left one has all",
                         "ended."};
  for (int i = 0; i < 4; i++) {
    line(&pages[0], left[i], 72, 100 + 12.0 * i);
    line(&pages[0], right[i], 320, 100 + 12.0 * i);
  }
  CHECK_STRING("two columns: the left column is read before the right one", layout_of(pages, 1),
               "A Title Across The Page\n\nLeft column text that goes on for a while, line after "
               "line, and ends here.\n\nRight column text that starts only after the left one "
               "has all ended.\n");
}

static void test_running_heads(void) {
  reset();
  for (int p = 0; p < 3; p++) {
    small_line(&pages[p], "Journal of Things, Vol. 3", 72, 40);
    put(&pages[p], p == 0 ? "Text of page one." : (p == 1 ? "Text of page two." : "Page three."),
        72, 300, 10, 0);
    put(&pages[p], p == 0 ? "101" : (p == 1 ? "102" : "103"), 300, 770, 9, 0);
  }
  CHECK_STRING("running heads and page numbers are dropped", layout_of(pages, 3),
               "Text of page one.\n\nText of page two.\n\nPage three.\n");
}

/* A "References" heading and two entries with a hanging indent on the first page, and the
 * text the layout reads from them: one block per entry. */
static void hanging_list(void) {
  put(&pages[0], "References", 72, 80, 12, 1);
  column(&pages[0], 100,
         (const placed_line[]){{"Bellamy, Alex J. (2016) The Responsibility to Protect Turn", 72},
                               {"Ten. Ethics and International Affairs 29: 135-156.", 87},
                               {"Rudolph, Christopher (2001) Constructing an atrocities reg", 72},
                               {"International Organization 55: 655-691.", 87},
                               {NULL, 0}});
}

static const char HANGING_LIST_TEXT[] =
    "References\n\nBellamy, Alex J. (2016) The Responsibility to Protect Turn Ten. "
    "Ethics and International Affairs 29: 135-156.\n\nRudolph, Christopher (2001) "
    "Constructing an atrocities reg International Organization 55: 655-691.\n";

static void test_hanging_indent(void) {
  reset();
  hanging_list();
  CHECK_STRING("hanging indent: one block per reference", layout_of(pages, 1), HANGING_LIST_TEXT);
}

static void test_small_type_is_not_always_a_note(void) {
  reset();
  column(&pages[0], 100,
         (const placed_line[]){{"The Court was created in 1998 and since then it has opened", 72},
                               {"many investigations.", 72},
                               {NULL, 0}});
  small_line(&pages[0], "Source: Coalition for the International Criminal Court, 2020.", 72, 300);
  CHECK_STRING("small type without a note number is not a note", layout_of(pages, 1),
               "The Court was created in 1998 and since then it has opened many "
               "investigations.\n\nSource: Coalition for the International Criminal Court, "
               "2020.\n");
}

static void test_bad_input(void) {
  reset();
  CHECK_STRING("no glyphs: empty body", layout_of(pages, 1), "");
  ibid_pdf_layout *layout = ibid_pdf_layout_new();
  CHECK("no glyphs: counted as no text layer",
        ibid_pdf_layout_add_page(layout, NULL, 0, 612, 792) == 0 &&
            ibid_pdf_layout_glyphs(layout) == 0);
  ibid_pdf_layout_free(layout);
  /* NaN boxes, zero and negative sizes, huge coordinates, control characters */
  put(&pages[0], "odd", 72, 100, 0, 0);
  put(&pages[0], "glyphs\x01", 1e300, -1e300, -5, 1);
  put(&pages[0], "here", NAN, NAN, NAN, 0);
  put(&pages[0], "\xEF\xAC\x81nal", 72, 200, 10, 0); /* the "fi" ligature */
  const char *body = layout_of(pages, 1);
  CHECK("odd glyphs: no crash, ligature spelled out", strstr(body, "final") != NULL);
}

/* Glyphs stacked upwards from (x, y): text turned by 90 degrees up the margin. */
static void put_turned(page *p, const char *text, double x, double y, double size) {
  place(p, text, x, y, size, 0, 1);
}

static void test_turned_text(void) {
  reset();
  put_turned(&pages[0], "Downloaded from the publisher on 4 May 2020", 30, 600, 6);
  hanging_list();
  CHECK_STRING("text turned up the margin is left out, the list keeps its left edge",
               layout_of(pages, 1), HANGING_LIST_TEXT);
}

static void test_list_above_notes(void) {
  /* a list in 9 pt over notes in 8 pt, after a page with notes: the list is text */
  reset();
  two_marked_sentences();
  put(&pages[0], "1", 72, 697, 5, 0);
  small_line(&pages[0], " Kersten 2016, p. 45.", 75, 700);
  put(&pages[0], "2", 72, 707, 5, 0);
  small_line(&pages[0], " Ibid., p. 52.", 75, 710);
  double x = put(&pages[1], "The African Union answered with a call.", 72, 100, 10, 0);
  marker(&pages[1], "3", x, 100);
  put(&pages[1], "References", 72, 130, 12, 1);
  put(&pages[1], "Kersten, Mark (2016) Justice in Conflict. Oxford: Oxford UP.", 72, 150, 9, 0);
  put(&pages[1], "Schabas, William A. (2011) An Introduction to the ICC.", 72, 161, 9, 0);
  put(&pages[1], "3", 72, 697, 5, 0);
  small_line(&pages[1], " Decision on the ICC, 3 July 2009.", 75, 700);
  const char *body = layout_of(pages, 2);
  CHECK("a list in a larger small type above the notes stays text",
        strstr(body, "References\n\nKersten, Mark (2016)") != NULL &&
            strstr(body, "\n\n3 Decision on the ICC, 3 July 2009.") != NULL &&
            strstr(body, "Footnotes\n\n1 Kersten 2016, p. 45.") != NULL);
  /* the same list in the notes' own 8 pt: it ends at the gap above the raised label */
  reset();
  column(&pages[0], 64,
         (const placed_line[]){{"The Court was created in 1998 and since then it has opened", 72},
                               {"many investigations in Africa, which critics have called a", 72},
                               {"sign of bias against the continent.", 72},
                               {NULL, 0}});
  x = put(&pages[0], "The African Union answered with a call.", 72, 100, 10, 0);
  marker(&pages[0], "1", x, 100);
  put(&pages[0], "References", 72, 130, 12, 1);
  small_line(&pages[0], "Kersten, Mark (2016) Justice in Conflict. Oxford: Oxford UP.", 72, 150);
  small_line(&pages[0], "Schabas, William A. (2011) An Introduction to the ICC.", 72, 160);
  put(&pages[0], "1", 72, 697, 5, 0);
  small_line(&pages[0], " Decision on the ICC, 3 July 2009.", 75, 700);
  body = layout_of(pages, 1);
  CHECK("a list in the notes' type above them: the notes start at the raised label",
        strstr(body, "Kersten, Mark (2016)") != NULL &&
            strstr(body, "Footnotes\n\n1 Decision on the ICC, 3 July 2009.") != NULL &&
            strstr(body, "Footnotes\n\n1 Kersten") == NULL);
}

static void test_band_under_one_column(void) {
  /* a list set in two columns under the one-column text of the same page */
  reset();
  column(&pages[0], 100,
         (const placed_line[]){{"The Court was created in 1998 and since then it has opened", 72},
                               {"many investigations in Africa, which critics have called a", 72},
                               {"sign of bias against the continent, while its supporters", 72},
                               {"point to the referrals made by the states themselves, and", 72},
                               {"to the cases the Court has opened elsewhere in the world in", 72},
                               {"the years since the first arrest warrants were issued by it", 72},
                               {"and the judges heard the first cases against the leaders of", 72},
                               {"the armed groups in the east of the Congo and in Uganda.", 72},
                               {NULL, 0}});
  put(&pages[0], "References", 72, 210, 12, 1);
  static const char *const left[] = {"Alter, Karen (2014) The",   "New Terrain of Internation",
                                     "al Law. Princeton UP.",     "Bellamy, Alex (2016) The",
                                     "Responsibility to Protect", "Turn Ten. Ethics 29: 135."};
  static const char *const right[] = {"Rudolph, C. (2001) Const",   "ructing an Atrocities Reg",
                                      "ime. IO 55: 655-691.",       "Schabas, W. (2011) An Int",
                                      "roduction to the ICC. Camb", "ridge UP, Cambridge."};
  for (int i = 0; i < 6; i++) {
    put(&pages[0], left[i], i % 3 ? 82 : 72, 230 + 12.0 * i, 10, 0);
    put(&pages[0], right[i], i % 3 ? 252 : 242, 230 + 12.0 * i, 10, 0);
  }
  const char *body = layout_of(pages, 1);
  const char *a = strstr(body, "Alter"), *b = strstr(body, "Bellamy"), *r = strstr(body, "Rudolph");
  CHECK("a band of two columns under one-column text: read column by column",
        a && b && r && a < b && b < r && strstr(body, "Turn Ten. Ethics 29: 135.") != NULL);
}

int main(void) {
  test_columns();
  test_headings_and_gaps();
  test_markers();
  test_footnotes();
  test_endnotes_in_small_type();
  test_two_columns();
  test_running_heads();
  test_hanging_indent();
  test_small_type_is_not_always_a_note();
  test_turned_text();
  test_list_above_notes();
  test_band_under_one_column();
  test_bad_input();
  return check_finish();
}
