/* test_references.c -- splitting notes into citations; bibliography sections. */
#include <string.h>

#include "check.h"
#include "memory.h"
#include "references.h"

/* Splits text and returns "form|item" joined by " // " (static buffer). */
static const char *split(const char *text) {
  static char out[2048];
  ibid_citation_item *items = 0;
  size_t count = 0;
  out[0] = 0;
  if (ibid_split_citations(text, 0, strlen(text), &items, &count)) return "(oom)";
  for (size_t i = 0; i < count; i++) {
    size_t used = strlen(out);
    snprintf(out + used, sizeof(out) - used, "%s%d|%.*s", i ? " // " : "", (int)items[i].form,
             (int)items[i].length, text + items[i].start);
  }
  ibid_free(items);
  return out;
}

int main(void) {
  CHECK_STRING("references_ibid", split("Ibid., p. 312."), "1|Ibid., p. 312.");
  CHECK_STRING("references_two_by_semicolon",
               split("Legro, Jeffrey W., ‘Ideas’, AJPS, 44:3 (2000), pp. 426–9; Mahoney, James, "
                     "‘Path dependence’, Theory and Society, 29:4 (2000), pp. 507–48."),
               "0|Legro, Jeffrey W., ‘Ideas’, AJPS, 44:3 (2000), pp. 426–9 // 0|Mahoney, James, "
               "‘Path dependence’, Theory and Society, 29:4 (2000), pp. 507–48.");
  CHECK_STRING(
      "references_semicolon_in_parentheses_kept",
      split("Giddens, Anthony, The Constitution of Society (Cambridge: Polity Press; 1984)."),
      "0|Giddens, Anthony, The Constitution of Society (Cambridge: Polity Press; 1984).");
  CHECK_STRING(
      "references_ibid_and_full",
      split("Ibid., p. 313, and Acharya, Amitav, ‘Norm circulation’, Global R2P, 5:1 (2013), "
            "pp. 466–79."),
      "1|Ibid., p. 313 // 0|Acharya, Amitav, ‘Norm circulation’, Global R2P, 5:1 (2013), "
      "pp. 466–79.");
  CHECK_STRING(
      "references_lead_in_trimmed",
      split("For the general theory, see Giddens, Anthony, Society (Cambridge: Polity, 1984). "
            "Also see Weldes, Jutta, ‘Interests’, EJIR, 2:3 (1996), pp. 275–318."),
      "0|Giddens, Anthony, Society (Cambridge: Polity, 1984). // 0|Weldes, Jutta, "
      "‘Interests’, EJIR, 2:3 (1996), pp. 275–318.");
  CHECK_STRING("references_short_form", split("Bloomfield, ‘Norm antipreneurs’, p. 326."),
               "3|Bloomfield, ‘Norm antipreneurs’, p. 326.");
  CHECK_STRING("references_short_form_page", split("Simmons, 15."), "3|Simmons, 15.");
  CHECK_STRING("references_particle_name", split("du Plessis, ‘At hearings’."),
               "3|du Plessis, ‘At hearings’.");
  CHECK_STRING("references_supra", split("Smith, supra note 3, at 45."),
               "2|Smith, supra note 3, at 45.");
  CHECK_STRING("references_prose_dropped", split("Thirty others had signed but not ratified."), "");
  CHECK_STRING("references_list_is_not_short_form",
               split("Afghanistan, Columbia, Iraq, and Ukraine."), "");
  CHECK_STRING(
      "references_prose_with_year_dropped",
      split("By 1 January 2017, 124 states had ratified the Statute and more were to follow."), "");
  CHECK_STRING(
      "references_citation_then_commentary",
      split("Rome Statute of the International Criminal Court (1998) UNTS vol. 2187 no. 38544. "
            "Article 25 establishes that the Court has jurisdiction over natural persons "
            "who have committed crimes."),
      "0|Rome Statute of the International Criminal Court (1998) UNTS vol. 2187 no. 38544.");
  CHECK_STRING("references_empty", split(""), "");

  const char *paper =
      "Conclusion\n\nIt works.\n\nReferences\n\nAdams, S. (2015) A title. Journal, 1, 2-3.\n"
      "Bellamy, A. (2016) Another title. Press.\n\nAppendix\n\nNot a reference.\n";
  ibid_bibliography_entry *entries = 0;
  size_t count = 0;
  CHECK("bibliography_runs", ibid_find_bibliography(paper, strlen(paper), &entries, &count) == 0);
  CHECK("bibliography_two_entries", count == 2);
  if (count == 2) {
    CHECK("bibliography_first", strncmp(paper + entries[0].start, "Adams, S.", 9) == 0 &&
                                    paper[entries[0].start + entries[0].length - 1] == '.');
    CHECK("bibliography_second", strncmp(paper + entries[1].start, "Bellamy", 7) == 0);
  }
  ibid_free(entries);
  CHECK("bibliography_none",
        ibid_find_bibliography("No heading here.\n", 17, &entries, &count) == 0 && count == 0);
  ibid_free(entries);
  return check_finish();
}
