/* test_blocks.c -- unit tests of ibid_find_blocks (ext/text/blocks.h). */
#include <string.h>

#include "blocks.h"
#include "check.h"
#include "memory.h"

/* The kinds of the blocks of text, as "kind kind ..." (level after ':' if any). */
static const char *kinds(const char *text) {
  static char out[1024];
  ibid_block *blocks = NULL;
  size_t count = 0;
  out[0] = 0;
  if (ibid_find_blocks(text, strlen(text), &blocks, &count)) return "(out of memory)";
  for (size_t i = 0; i < count; i++) {
    if (i) strcat(out, " ");
    strcat(out, ibid_block_kind_name(blocks[i].kind));
    if (blocks[i].level) {
      char level[8];
      snprintf(level, sizeof(level), ":%d", blocks[i].level);
      strcat(out, level);
    }
    /* spans: no blank at either end, inside the text */
    if (blocks[i].start + blocks[i].length > strlen(text) || blocks[i].length == 0 ||
        text[blocks[i].start] == ' ' || text[blocks[i].start + blocks[i].length - 1] == ' ')
      strcat(out, "(bad span)");
  }
  ibid_free(blocks);
  return out;
}

int main(void) {
  ibid_block *blocks = (ibid_block *)1;
  size_t count = 9;
  CHECK("empty", ibid_find_blocks("", 0, &blocks, &count) == 0 && count == 0 && !blocks);
  CHECK_STRING("blank", kinds("  \n\n \t "), "");
  CHECK_STRING("kind names", ibid_block_kind_name(IBID_BLOCK_TABLE_ROW), "table_row");
  CHECK_STRING("heading and paragraph",
               kinds("A Study of Things\n\nIntroduction\n\nThis paragraph is the body of the "
                     "text, and it ends with a period."),
               "heading:1 heading:2 paragraph");
  CHECK_STRING("question heading",
               kinds("Intro text here.\n\nHow successful is the court?\n\nIt is a long answer."),
               "paragraph heading:2 paragraph");
  CHECK_STRING("labelled question", kinds("Text.\n\nQ1: What was the rationale?\n\nBody."),
               "paragraph heading:2 paragraph");
  CHECK_STRING("numbered section", kinds("Text.\n\n2.1 Methods and data\n\nBody."),
               "paragraph heading:3 paragraph");
  CHECK_STRING("bullets", kinds("Text.\n\xE2\x80\xA2 one\n\xE2\x80\xA2 two\n  \xE2\x97\xA6 sub"),
               "paragraph list_item:1 list_item:1 list_item:2");
  CHECK_STRING("Wingdings bullets", kinds("\xC2\xA7 End impunity\n\xC3\xBC Deter crimes"),
               "list_item:1 list_item:2");
  CHECK_STRING("numbered list", kinds("Text.\n\n1. Apples\n2. Pears\n3. Plums"),
               "paragraph list_item:1 list_item:1 list_item:1");
  CHECK_STRING("captions", kinds("Figure 2. Findings\n\nTable 1: Cases\n\nFig. 3 Map"),
               "caption caption caption");
  CHECK_STRING("bracketed notes",
               kinds("[1] Smith, A Book (Oxford, 2001), p. 4.\n\n[2] Ibid., p. 5."), "note note");
  CHECK_STRING("numbered notes",
               kinds("Body text.\n\n1 Smith, John, A Book about Things (Oxford: OUP, 2001).\n\n"
                     "2 Jones, Ann, Another Book about Things (London, 2002).\n\n"
                     "3 Ibid., p. 12."),
               "paragraph note note note");
  CHECK_STRING("a lone number is no note", kinds("Text.\n\n18 September was the date of it."),
               "paragraph paragraph");
  CHECK_STRING("table rows", kinds("Case\tYear\tVotes\nDarfur   2005   11"), "table_row table_row");
  CHECK_STRING("boilerplate", kinds("Skip to main content\n\nTitle of It\n\nBody text here."),
               "boilerplate heading:1 paragraph");
  CHECK_STRING("metadata lines are not headings",
               kinds("Title\n\nBody text.\n\nPages 101-127\n\nIssue number 1\n\nJournal name x\n\n"
                     "More body text."),
               "heading:1 paragraph paragraph paragraph paragraph paragraph");
  CHECK_STRING("last line is no heading", kinds("Body text.\n\nImage by someone"),
               "paragraph paragraph");
  CHECK_STRING("a lower-case line is no heading", kinds("a"), "paragraph");
  return check_finish();
}
