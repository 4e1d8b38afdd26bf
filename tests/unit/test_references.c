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
  CHECK_STRING("references_author_list_semicolons",
               split("Simmons, Beth A.; Radtke, Mitchell; and Jo, Hyeran, \"Assessing the Court\" "
                     "(2018). All Faculty Scholarship."),
               "0|Simmons, Beth A.; Radtke, Mitchell; and Jo, Hyeran, \"Assessing the Court\" "
               "(2018). All Faculty Scholarship.");
  CHECK_STRING("references_author_list_and_kept",
               split("Jalloh, Charles C., Akande, Dapo, and du Plessis, Max, ‘Assessing concerns’, "
                     "African Journal of Legal Studies, 4:1 (2011), p. 14."),
               "0|Jalloh, Charles C., Akande, Dapo, and du Plessis, Max, ‘Assessing concerns’, "
               "African Journal of Legal Studies, 4:1 (2011), p. 14.");
  CHECK_STRING("references_parallel_case_reports",
               split("Alliance v Minister (83145/2016) [2017] ZAGPPHC 53; 2017 (3) SA 212 (GP); "
                     "[2017] 2 All SA 123 (GP)."),
               "0|Alliance v Minister (83145/2016) [2017] ZAGPPHC 53; 2017 (3) SA 212 (GP); "
               "[2017] 2 All SA 123 (GP).");
  CHECK_STRING(
      "references_prose_between_citations",
      split("Smith, John, ‘A title’, Daily News (2015), available at: {}. At a later hearing "
            "before the court, it changed the reasons that it had given. Jane Roe, ‘Another "
            "title’ (18 April 2017), available at: {}."),
      "0|Smith, John, ‘A title’, Daily News (2015), available at: {}. // 0|Jane Roe, "
      "‘Another title’ (18 April 2017), available at: {}.");
  CHECK_STRING("references_prose_then_citation",
               split("The leader was forced to accept that he had to face the court. ‘Commander in "
                     "custody’, BBC News (14 January 2015), available at: {}."),
               "0|‘Commander in custody’, BBC News (14 January 2015), available at: {}.");
  CHECK_STRING(
      "references_dash_see_lead_in",
      split("For a typology of norms – as ‘proscribing’ and ‘permissive’ – see Wayne Smith, "
            "‘Paths’, paper presented at a workshop (Atlanta, 15 March 2016), p. 11."),
      "0|Wayne Smith, ‘Paths’, paper presented at a workshop (Atlanta, 15 March 2016), p. 11.");
  CHECK_STRING("references_quoted_in",
               split("Rashid Abdi, quoted in Pilling, David, ‘Cases’, Day (2016)."),
               "0|Pilling, David, ‘Cases’, Day (2016).");
  CHECK_STRING("references_title_only_short_form", split("‘African Union Moves’."),
               "3|‘African Union Moves’.");
  CHECK_STRING("references_name_quote_short_form", split("Vilmer ‘The African Union’, p. 1320."),
               "3|Vilmer ‘The African Union’, p. 1320.");
  CHECK_STRING("references_web_site", split("Bashir Watch (undated), available at: {}."),
               "0|Bashir Watch (undated), available at: {}.");
  CHECK_STRING(
      "references_and_short_form_after_semicolon",
      split("Weldes, Jutta, ‘Interests’, EJIR, 2:3 (1996), pp. 275–318; and Hoffmann, "
            "‘Norms’, pp. 1–3."),
      "0|Weldes, Jutta, ‘Interests’, EJIR, 2:3 (1996), pp. 275–318 // 3|Hoffmann, ‘Norms’, "
      "pp. 1–3.");

  CHECK_STRING(
      "references_book_then_commentary",
      split("Smith, John, The Rise and Fall of the Court that was Never Built (Oxford: OUP, "
            "2001). It is the best account that has been written of the Court."),
      "0|Smith, John, The Rise and Fall of the Court that was Never Built (Oxford: OUP, "
      "2001).");
  CHECK_STRING("references_see_generally",
               split("See generally Cassese, Antonio, Criminal Law (Oxford: OUP, 2003), 12–15."),
               "0|Cassese, Antonio, Criminal Law (Oxford: OUP, 2003), 12–15.");
  CHECK_STRING("references_interview",
               split("Interview with a UN official, New York, 12 May 2014."),
               "0|Interview with a UN official, New York, 12 May 2014.");

  unsigned long long short_keys[IBID_TITLE_KEYS], full_keys[IBID_TITLE_KEYS];
  const char *short_form = "Hoffmann, ‘Norms and Social constructivism’, pp. 1–3.";
  const char *full = "Hoffman, M., ‘Norms and social constructivism in IR’, 2014.";
  int short_words = ibid_title_keys(short_form, 0, strlen(short_form), short_keys);
  int full_words = ibid_title_keys(full, 0, strlen(full), full_keys);
  CHECK("title_keys_words", short_words == 4 && full_words == 4);
  CHECK("title_keys_prefix_match", short_keys[3] == full_keys[3] && short_keys[0] == full_keys[0]);
  CHECK("title_keys_none", ibid_title_keys("Simmons, 15.", 0, 12, short_keys) == 0);

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

  /* PDF text: form feed before the heading, numbered heading, hanging
     indents, a page number and a running head inside, an appendix after */
  const char *thesis =
      "Some conclusion.\n\f1.3 References\n\nAbbas, H. F. and W. Daud (2010). \"Hydrogen\n"
      "    production by methane.\" Journal of Energy 35: 1160-1190.\nAcar, C. (2014). "
      "Comparative\n    assessment. Energy 39: 1-12.\n\n                 62\n\fCHAPTER 1. "
      "INTRODUCTION    63\nBall, M. (2009). The future of hydrogen. Energy 34: 615-627.\n\n"
      "Appendix A\n\nA table (2019) of values.\n";
  CHECK("bibliography_thesis_runs",
        ibid_find_bibliography(thesis, strlen(thesis), &entries, &count) == 0);
  CHECK("bibliography_thesis_three_entries", count == 3);
  if (count == 3) {
    CHECK("bibliography_thesis_wrapped",
          strncmp(thesis + entries[0].start + entries[0].length - 10, "1160-1190.", 10) == 0);
    CHECK("bibliography_thesis_after_page_break",
          strncmp(thesis + entries[2].start, "Ball", 4) == 0);
  }
  ibid_free(entries);
  return check_finish();
}
