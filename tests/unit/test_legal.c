/* test_legal.c -- unit tests of ext/citations/legal.c (legal citations field by field)
** and of the German/French short forms and Ibid. rules of ext/citations/shortform.c. */
#include <string.h>

#include "check.h"
#include "legal.h"
#include "memory.h"
#include "notes.h"

static char buffer[8][256];

/* The span as a string (one of 8 rotating buffers; tests only). */
static const char *field(const char *text, ibid_legal_span s) {
  static int next;
  char *b = buffer[next++ % 8];
  size_t n = s.length < 255 ? s.length : 255;
  memcpy(b, text + s.start, n);
  b[n] = 0;
  return b;
}

static ibid_legal parsed(const char *text, int *found) {
  ibid_legal l;
  *found = ibid_parse_legal(text, strlen(text), &l);
  return l;
}

static void test_oscola_article(void) {
  const char *t = "Ann Roe, ‘Complementarity in Practice’ (2009) 7 JICJ 315, 320.";
  int found;
  ibid_legal l = parsed(t, &found);
  CHECK("legal oscola article found", found);
  if (!found) return;
  CHECK_STRING("legal oscola article type", l.type, "article-journal");
  CHECK("legal oscola article year", l.year == 2009);
  CHECK_STRING("legal oscola article volume", field(t, l.volume), "7");
  CHECK_STRING("legal oscola article journal", field(t, l.container), "JICJ");
  CHECK_STRING("legal oscola article page", field(t, l.page), "315");
  CHECK_STRING("legal oscola article pinpoint", field(t, l.locator), "320");
  CHECK_STRING("legal oscola article title", field(t, l.title), "Complementarity in Practice");
  CHECK_STRING("legal oscola article author", field(t, l.authors), "Ann Roe");
}

static void test_bluebook(void) {
  const char *t = "Sosa v. Alvarez-Machain, 542 U.S. 692, 732 (2004).";
  int found;
  ibid_legal l = parsed(t, &found);
  CHECK("legal bluebook case found", found);
  if (found) {
    CHECK_STRING("legal bluebook case type", l.type, "legal_case");
    CHECK_STRING("legal bluebook case reporter", field(t, l.container), "U.S.");
    CHECK_STRING("legal bluebook case volume", field(t, l.volume), "542");
    CHECK_STRING("legal bluebook case page", field(t, l.page), "692");
    CHECK_STRING("legal bluebook case pinpoint", field(t, l.locator), "732");
    CHECK("legal bluebook case year", l.year == 2004);
    CHECK_STRING("legal bluebook case name", field(t, l.title), "Sosa v. Alvarez-Machain");
  }
  t = "Filartiga v. Pena-Irala, 630 F.2d 876, 880 (2d Cir. 1980).";
  l = parsed(t, &found);
  CHECK("legal bluebook court found", found && l.year == 1980);
  if (found) CHECK_STRING("legal bluebook court", field(t, l.authority), "2d Cir.");
  t = "Ann Roe, Complementarity and Its Discontents, 50 Harv. Int'l L.J. 101, 115 (2009).";
  l = parsed(t, &found);
  CHECK("legal bluebook article found", found);
  if (found) {
    CHECK_STRING("legal bluebook article type", l.type, "article-journal");
    CHECK_STRING("legal bluebook article journal", field(t, l.container), "Harv. Int'l L.J.");
    CHECK_STRING("legal bluebook article title", field(t, l.title),
                 "Complementarity and Its Discontents");
  }
}

static void test_cases_and_treaties(void) {
  int found;
  const char *t = "R v Governor of Brixton Prison, ex p Levin [1997] 1 AC 741 (HL).";
  ibid_legal l = parsed(t, &found);
  CHECK("legal oscola case found", found);
  if (found) {
    CHECK_STRING("legal oscola case type", l.type, "legal_case");
    CHECK_STRING("legal oscola case court", field(t, l.authority), "HL");
    CHECK_STRING("legal oscola case name", field(t, l.title),
                 "R v Governor of Brixton Prison, ex p Levin");
    CHECK("legal oscola case year", l.year == 1997);
  }
  t = "Arrest Warrant of 11 April 2000 (Congo v Belgium) [2002] ICJ Rep 3, para 58.";
  l = parsed(t, &found);
  CHECK("legal icj found", found);
  if (found) {
    CHECK("legal icj year from the brackets", l.year == 2002);
    CHECK_STRING("legal icj reports", field(t, l.container), "ICJ Rep");
    CHECK_STRING("legal icj page", field(t, l.page), "3");
    CHECK_STRING("legal icj pinpoint", field(t, l.locator), "para 58");
  }
  t = "Rome Statute (adopted 17 July 1998, entered into force 1 July 2002) 2187 UNTS 90, art 17.";
  l = parsed(t, &found);
  CHECK("legal treaty found", found);
  if (found) {
    CHECK_STRING("legal treaty type", l.type, "treaty");
    CHECK_STRING("legal treaty volume", field(t, l.volume), "2187");
    CHECK_STRING("legal treaty page", field(t, l.page), "90");
    CHECK("legal treaty date", l.year == 1998 && l.month == 7 && l.day == 17);
    CHECK_STRING("legal treaty title", field(t, l.title), "Rome Statute");
  }
  t = "BVerfGE 123, 267, Rn. 12.";
  l = parsed(t, &found);
  CHECK("legal german reporter", found && l.type && strcmp(l.type, "legal_case") == 0);
  if (found) CHECK_STRING("legal german pinpoint", field(t, l.locator), "Rn. 12");
}

static void test_documents(void) {
  int found;
  const char *t = "UNSC Res 2118 (27 September 2013) UN Doc S/RES/2118.";
  ibid_legal l = parsed(t, &found);
  CHECK("legal resolution found", found);
  if (found) {
    CHECK_STRING("legal resolution type", l.type, "legislation");
    CHECK_STRING("legal resolution symbol", field(t, l.number), "S/RES/2118");
    CHECK("legal resolution date", l.year == 2013 && l.month == 9 && l.day == 27);
    CHECK("legal resolution has no person", l.authors.length == 0);
  }
  size_t json_length;
  ibid_legal_span pin;
  int failed;
  const char *written = "S.C. Res. 2118, ¶ 5 (Sept. 27, 2013).";
  char *json = ibid_parse_legal_json(written, strlen(written), &json_length, &pin, &failed);
  CHECK("legal written resolution",
        json && strstr(json, "\"number\":\"S/RES/2118\"") && strstr(json, "Security Council"));
  ibid_free(json);
  t = "Prosecutor v Ruto (Decision) ICC-01/09-01/11-1274 OA2 (17 April 2014) para 33.";
  l = parsed(t, &found);
  CHECK("legal icc found", found && strcmp(l.type, "legal_case") == 0);
  if (found) CHECK_STRING("legal icc symbol", field(t, l.number), "ICC-01/09-01/11-1274 OA2");
  t = "Carl Doe, The Law of the Sea (2nd edn, OUP 2015) 45.";
  l = parsed(t, &found);
  CHECK("legal oscola book", found && strcmp(l.type, "book") == 0 && l.year == 2015);
  if (found) {
    CHECK_STRING("legal oscola book publisher", field(t, l.publisher), "OUP");
    CHECK_STRING("legal oscola book title", field(t, l.title), "The Law of the Sea");
    CHECK_STRING("legal oscola book pinpoint", field(t, l.locator), "45");
  }
  t = "Carl Doe, The Law of Nations 45 (3d ed. 2015).";
  l = parsed(t, &found);
  CHECK("legal bluebook book", found && strcmp(l.type, "book") == 0 && l.year == 2015);
  if (found) CHECK_STRING("legal bluebook book title", field(t, l.title), "The Law of Nations");
  l = parsed("Ann Roe, The Making of Archives (Chicago: Chicago UP, 2004), 45.", &found);
  CHECK("legal chicago book is left to the general parser", !found);
  l = parsed("In 2010, the Court ruled 5 (in 2011).", &found);
  CHECK("legal prose with a year is not a book", !found);
  l = parsed("See the discussion in chapter 3.", &found);
  CHECK("legal prose is not legal", !found);
  l = parsed("", &found);
  CHECK("legal empty", !found);
}

static void test_german_short_forms(void) {
  const char *text =
      "Text.\n\nFußnoten\n\n"
      "1 Vgl. Hans Müller, Die Verantwortung des Staates, Berlin 2010, S. 44f.\n"
      "2 Ebd., S. 47.\n"
      "3 Anna Schmidt, Völkerstrafrecht, in: Zeitschrift 5 (2010), S. 210–225.\n"
      "4 Müller, a.a.O., S. 50.\n"
      "5 Vgl. Müller (Fn. 1), S. 52.\n"
      "6 Dies., a.a.O., S. 53.\n";
  ibid_note *notes;
  size_t count;
  CHECK("shortform german notes", ibid_find_notes(text, strlen(text), &notes, &count) == 0);
  CHECK("shortform german count", count == 6);
  if (count == 6) {
    CHECK("shortform ebd", notes[1].ibid_of == 1);
    CHECK_STRING("shortform ebd locator",
                 field(text, (ibid_legal_span){notes[1].locator_start, notes[1].locator_length}),
                 "S. 47");
    CHECK("shortform a.a.O.", notes[3].ibid_of == 1);
    CHECK("shortform (Fn. 1)", notes[4].ibid_of == 1);
    CHECK("shortform dies. a.a.O. is the work just cited", notes[5].ibid_of == 1);
  }
  ibid_free(notes);
}

static void test_last_item_and_prose(void) {
  const char *text =
      "Body.\n\nNotes\n\n"
      "1 Ann Roe, ‘Norms’ (2009) 7 JICJ 315.\n"
      "2 Carl Doe, The Sea (OUP 2015) 45.\n"
      "3 Doe (n 2) 47; Roe (n 1) 318.\n"
      "4 ibid 320.\n"
      "5 The point is not pursued here.\n"
      "6 ibid 321.\n"
      "7 J. Roe, op. cit., p. 9.\n";
  ibid_note *notes;
  size_t count;
  CHECK("shortform last notes", ibid_find_notes(text, strlen(text), &notes, &count) == 0);
  if (count == 7) {
    CHECK("shortform ibid follows the last item of the note before", notes[3].ibid_of == 1);
    CHECK("shortform ibid skips a prose note", notes[5].ibid_of == 1);
    CHECK("shortform initials do not hide the author", notes[6].ibid_of == 1);
  } else {
    CHECK("shortform last count", 0);
  }
  ibid_free(notes);
}

static void test_statutes_and_pinpoints(void) {
  int found;
  const char *t = "Arbitration Act 1996, s 68.";
  ibid_legal l = parsed(t, &found);
  CHECK("legal statute found", found);
  if (found) {
    CHECK_STRING("legal statute type", l.type, "legislation");
    CHECK_STRING("legal statute title", field(t, l.title), "Arbitration Act 1996");
    CHECK("legal statute year", l.year == 1996);
    CHECK_STRING("legal statute section", field(t, l.locator), "s 68");
  }
  t = "18 U.S.C. § 2340A (2018).";
  l = parsed(t, &found);
  CHECK("legal code found", found && strcmp(l.type, "legislation") == 0 && l.year == 2018);
  if (found) CHECK_STRING("legal code title number", field(t, l.volume), "18");
  t = "Occidental Petroleum Corp v Secretary of State [2005] EWCA Civ 1116, [2006] QB 432 [28].";
  l = parsed(t, &found);
  CHECK("legal bracket paragraph found", found && l.year == 2005);
  if (found) CHECK_STRING("legal bracket paragraph", field(t, l.locator), "[28]");
  t = "Véase Estatuto de Roma de la Corte Penal Internacional, 17 de julio de 1998, 2187 UNTS 90, "
      "art. 13.";
  l = parsed(t, &found);
  CHECK("legal signal skipped", found);
  if (found) {
    CHECK_STRING("legal signal not in title", field(t, l.title),
                 "Estatuto de Roma de la Corte Penal Internacional");
    CHECK_STRING("legal spanish article pinpoint", field(t, l.locator), "art. 13");
  }
  t = "CIJ, Orden de detención, I.C.J. Reports 2002, p. 3, párr. 58.";
  l = parsed(t, &found);
  CHECK("legal spanish paragraph", found);
  if (found) CHECK_STRING("legal spanish paragraph pinpoint", field(t, l.locator), "párr. 58");
}

static void test_list_entries(void) {
  size_t n;
  int failed;
  const char *t =
      "United Nations Security Council. (2011). Resolution 2000 (2011). United Nations.";
  char *json = ibid_parse_legal_entry_json(t, strlen(t), &n, &failed);
  CHECK("legal entry resolution", json != NULL);
  if (json) {
    CHECK("legal entry resolution symbol", strstr(json, "\"number\":\"S/RES/2000\"") != NULL);
    CHECK("legal entry resolution title",
          strstr(json, "\"title\":\"Resolution 2000 (2011)\"") != NULL);
    CHECK("legal entry resolution body",
          strstr(json, "\"literal\":\"United Nations Security Council\"") != NULL);
    ibid_free(json);
  }
  t = "Security Council. 2005. Resolution 1593. S/RES/1593. 31 March.";
  json = ibid_parse_legal_entry_json(t, strlen(t), &n, &failed);
  CHECK("legal entry chicago resolution", json && strstr(json, "\"literal\":\"Security Council\""));
  ibid_free(json);
  t = "Smith, J. (2010). Security Council resolution 1325 and women. Journal of Peace, 3(2), 1-20.";
  json = ibid_parse_legal_entry_json(t, strlen(t), &n, &failed);
  CHECK("legal entry by a person is left to the general parser", json == NULL && !failed);
  ibid_free(json);
  t = "Bosco, D. (2014b). The Court and the Council. Global Governance, 20(1), 45–62.";
  json = ibid_parse_legal_entry_json(t, strlen(t), &n, &failed);
  CHECK("legal entry journal article left to the general parser", json == NULL && !failed);
  ibid_free(json);
  t = "Rome Statute of the International Criminal Court, July 17, 1998, 2187 U.N.T.S. 90.";
  json = ibid_parse_legal_entry_json(t, strlen(t), &n, &failed);
  CHECK("legal entry treaty", json && strstr(json, "\"volume\":\"2187\""));
  ibid_free(json);
  ibid_legal_span pin;
  t = "Kiobel, 569 U.S. at 120.";
  CHECK("legal case short form", ibid_legal_case_short_form(t, strlen(t), &pin) == 6);
  CHECK_STRING("legal case short form pinpoint", field(t, pin), "120");
  t = "Kiobel, 569 U.S. 108, 115 (2013).";
  CHECK("legal full case is no short form", ibid_legal_case_short_form(t, strlen(t), &pin) == 0);
}

static void test_spanish_short_forms(void) {
  const char *text =
      "Texto.\n\nNotas\n\n"
      "1 Ana Rodríguez, La justicia penal internacional, Madrid, Tecnos, 2012, p. 45.\n"
      "2 Ibíd., p. 47.\n"
      "3 Pedro Gómez y Elena Ruiz, «Inmunidad», Anuario, vol. 30, 2014, pp. 101-130.\n"
      "4 Gómez y Ruiz, op. cit., p. 115.\n"
      "5 Rodríguez, La justicia penal internacional, cit., p. 60.\n"
      "6 Ibídem, p. 61.\n";
  ibid_note *notes;
  size_t count;
  CHECK("shortform spanish notes", ibid_find_notes(text, strlen(text), &notes, &count) == 0);
  if (count == 6) {
    CHECK("shortform ibíd.", notes[1].ibid_of == 1);
    CHECK("shortform two authors joined by y", notes[3].ibid_of == 3);
    CHECK("shortform title then cit.", notes[4].ibid_of == 1);
    CHECK("shortform ibídem", notes[5].ibid_of == 1);
  } else {
    CHECK("shortform spanish count", 0);
  }
  ibid_free(notes);
}

int main(void) {
  test_statutes_and_pinpoints();
  test_list_entries();
  test_spanish_short_forms();
  test_oscola_article();
  test_bluebook();
  test_cases_and_treaties();
  test_documents();
  test_german_short_forms();
  test_last_item_and_prose();
  return check_finish();
}
