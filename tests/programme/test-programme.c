/* test-programme.c — the programme's evaluation, on a library with known answers
 *
 * The fixture is a library folder of fifteen session files written here
 * as XML: four situations followed in the period 2025-09-01 to
 * 2026-06-30 (one new and closed in it, follow-ups carrying actions and
 * divergences from one session to the next), and everything that must
 * not count: sessions before and after the period, one being prepared,
 * a partner's contribution, a conflict copy of a session, a file that
 * cannot be read. Every expected figure below was counted by hand from
 * the table of sessions; the comments say how.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <gsf/gsf.h>

#include "regards-core.h"
#include "rg-test-cli.h"
#include "rg-test-pdf.h"
#include "rg-test-utils.h"

#define FROM  "2025-09-01"
#define TO    "2026-06-30"
#define TODAY "2026-07-15"

static char *work_dir;
static char *library_dir;

/* {{{ The fixture */

typedef struct
{
  const char *name;
  const char *profession;
  const char *institution;
  const char *role;
} Partner;

/* P1 and P3 share a profession and an institution, written otherwise;
 * P4 and P7 are families, with neither */
static const Partner partners[] = {
  [1] = { "Mme Martin", "Enseignante", "École Jules Ferry", "professional" },
  [2] = { "M. Benali", "Éducateur spécialisé", "ASE 93", "professional" },
  [3] = { "Mme Roux", " enseignante ", "école jules ferry", "professional" },
  [4] = { "Mme Durand", NULL, NULL, "family" },
  [5] = { "Dr Lemoine", "Psychologue", "CMP Bondy", "professional" },
  [6] = { "Mme Petit", "Coordinatrice PRE", "PRE Bondy", "coordinator" },
  [7] = { "M. Bernard", NULL, NULL, "family" },
};

/* One session file. Objects are written in short: links "a12" (an
 * agreement, id 12), "d13" (an open divergence), "s14" (a settled one);
 * review items "r10" (reviewed), "o31" (not yet); actions
 * "20:2025-06-01:done" (id, due or empty, status); criteria "a" (agreed),
 * "m" (agreed and met), "-" (neither); consents their dates. */
typedef struct
{
  const char *file;
  guint       id;
  guint       situation;
  const char *date;
  const char *status;
  const char *kind;
  const char *partners;
  const char *links;
  const char *review;
  const char *actions;
  const char *criteria;
  const char *consents;
} Session;

static const Session sessions[] = {
  /* A: continuing (a0 before the period), closed at a2 */
  { "a0.regards", 1, 1, "2025-03-10", "held", "session", "1 4", "d10 a11", "",
    "20:2025-06-01:planned", "", "2024-05-01" },
  { "a1.regards", 2, 1, "2025-10-06", "held", "session", "1 4 5", "a12 d13 s14", "r10",
    "20:2025-06-01:done 21:2025-12-01:planned", "", "2024-05-01" },
  { "a2.regards", 3, 1, "2026-01-12", "closed", "session", "1 4 5", "a15", "r13",
    "20:2025-06-01:done 21:2025-12-01:done 22::done 23:2026-03-01:cancelled", "a -",
    "2024-05-01" },
  /* B: new; b4 after the period; b2's conflict copy */
  { "b1.regards", 4, 2, "2025-09-15", "held", "session", "2 3 6", "d30 d31 a32", "",
    "40:2025-12-31:planned", "a a", "2025-09-15" },
  { "b2.regards", 5, 2, "2025-11-17", "held", "session", "2 3 6", "s33", "r30 o31",
    "40:2025-12-31:done 41:2026-02-01:in-progress", "m a -", "2025-09-15" },
  { "b2.sync-conflict-20251118-100000-ABCDEF7.regards", 5, 2, "2025-11-17", "held", "session",
    "2 3 6 5", "s33 a90 a91", "r30 r31",
    "40:2025-12-31:done 41:2026-02-01:done", "m m m", "2025-09-15" },
  { "b4.regards", 6, 2, "2026-08-10", "held", "session", "2 3 6", "", "r31",
    "41:2026-02-01:done", "m m m", "2026-08-10" },
  /* C: new (c0 was only prepared); a contribution, not a session */
  { "c0.regards", 7, 3, "2026-02-01", "preparing", "session", "5 7", "a95", "", "", "", "" },
  { "c-contribution.regards", 8, 3, "2026-02-20", "held", "contribution", "5", "", "", "", "",
    "" },
  { "c1.regards", 9, 3, "2026-03-02", "held", "session", "5 7", "d50", "",
    "60:2026-08-01:planned 61:2026-04-01:done", "-", "" },
  /* D: nothing in the period */
  { "d1.regards", 10, 4, "2024-11-04", "held", "session", "1", "a96", "", "", "", "" },
  { "d2.regards", 11, 4, "2025-08-31", "held", "session", "1", "a97", "", "", "", "" },
  /* F: continuing, its latest session on the period's last day */
  { "f0.regards", 12, 5, "2025-06-01", "closed", "session", "1", "", "", "", "", "2025-05-02" },
  { "f1.regards", 13, 5, "2026-06-30", "held", "session", "1 2", "a70", "",
    "80::planned 81:2026-07-14:planned", "", "2025-05-02" },
};

static char *
uuid (guint kind,
      guint n)
{
  return g_strdup_printf ("00000000-0000-4000-8000-%06x%06x", kind, n);
}

enum { ID_SESSION = 1, ID_SITUATION, ID_PARTNER, ID_DIMENSION, ID_STATEMENT, ID_OBJECT };

static void
append_text_element (GString    *xml,
                     const char *name,
                     const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (xml, "<%s>%s</%s>", name, escaped, name);
}

static char *
session_xml (const Session *s)
{
  GString *xml = g_string_new (NULL);
  g_auto(GStrv) who = g_strsplit (s->partners, " ", -1);
  g_auto(GStrv) links = g_strsplit (s->links, " ", -1);
  g_auto(GStrv) review = g_strsplit (s->review, " ", -1);
  g_auto(GStrv) actions = g_strsplit (s->actions, " ", -1);
  g_auto(GStrv) criteria = g_strsplit (s->criteria, " ", -1);
  g_auto(GStrv) consents = g_strsplit (s->consents, " ", -1);
  g_autofree char *id = uuid (ID_SESSION, s->id);
  g_autofree char *situation = uuid (ID_SITUATION, s->situation);
  g_autofree char *first = uuid (ID_PARTNER, atoi (who[0]));
  g_autofree char *dimension = uuid (ID_DIMENSION, 1);
  g_autofree char *st1 = uuid (ID_STATEMENT, 1);
  g_autofree char *st2 = uuid (ID_STATEMENT, 2);

  g_string_append_printf (xml,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<session xmlns=\"urn:x-regards:session\" format-version=\"5\""
                          " id=\"%s\" kind=\"%s\" status=\"%s\"%s%s%s>",
                          id, s->kind, s->status,
                          g_str_equal (s->kind, "contribution") ? " contributor=\"" : "",
                          g_str_equal (s->kind, "contribution") ? first : "",
                          g_str_equal (s->kind, "contribution") ? "\"" : "");
  append_text_element (xml, "title", "Revue de situation");
  append_text_element (xml, "date", s->date);
  g_string_append_printf (xml, "<situation id=\"%s\" code=\"S-%u\">", situation, s->situation);
  append_text_element (xml, "label", "Élève A., CM1");
  g_string_append (xml, "</situation><partners>");
  for (guint i = 0; who[i] != NULL && *who[i] != '\0'; i++)
    {
      const Partner *p = &partners[atoi (who[i])];
      g_autofree char *pid = uuid (ID_PARTNER, atoi (who[i]));

      g_string_append_printf (xml, "<partner id=\"%s\" role=\"%s\" colour=\"#3584e4\">",
                              pid, p->role);
      append_text_element (xml, "name", p->name);
      if (p->profession != NULL)
        append_text_element (xml, "profession", p->profession);
      if (p->institution != NULL)
        append_text_element (xml, "institution", p->institution);
      g_string_append (xml, "</partner>");
    }
  g_string_append_printf (xml, "</partners><dimensions><dimension id=\"%s\">", dimension);
  append_text_element (xml, "name", "Scolarité");
  g_string_append_printf (xml,
                          "</dimension></dimensions><statements>"
                          "<statement id=\"%s\" partner=\"%s\" dimension=\"%s\" kind=\"fact\" created=\"2025-01-06T10:00:00Z\" changed=\"2025-01-06T10:00:00Z\">"
                          "Arrive en retard</statement>"
                          "<statement id=\"%s\" partner=\"%s\" dimension=\"%s\" kind=\"fact\" created=\"2025-01-06T10:00:00Z\" changed=\"2025-01-06T10:00:00Z\">"
                          "Est à l’heure</statement></statements><links>",
                          st1, first, dimension, st2, first, dimension);
  for (guint i = 0; links[i] != NULL && *links[i] != '\0'; i++)
    {
      g_autofree char *lid = uuid (ID_OBJECT, atoi (links[i] + 1));

      g_string_append_printf (xml,
                              "<link id=\"%s\" type=\"%s\" status=\"%s\">"
                              "<member statement=\"%s\"/><member statement=\"%s\"/></link>",
                              lid, links[i][0] == 'a' ? "agreement" : "divergence",
                              links[i][0] == 's' ? "settled" : "open", st1, st2);
    }
  g_string_append (xml, "</links><glossary/><criteria>");
  if (criteria[0] != NULL && *criteria[0] != '\0')
    {
      g_autofree char *category = uuid (ID_OBJECT, 900);

      g_string_append_printf (xml, "<category id=\"%s\">", category);
      append_text_element (xml, "name", "Pour l’enfant");
      for (guint i = 0; criteria[i] != NULL; i++)
        {
          g_autofree char *cid = uuid (ID_OBJECT, 910 + i);

          g_string_append_printf (xml, "<criterion id=\"%s\" agreed=\"%s\"%s>", cid,
                                  criteria[i][0] == '-' ? "false" : "true",
                                  criteria[i][0] == 'm' ? " met=\"true\"" : "");
          append_text_element (xml, "text", "Vient à l’école");
          g_string_append (xml, "</criterion>");
        }
      g_string_append (xml, "</category>");
    }
  g_string_append (xml, "</criteria><actions>");
  for (guint i = 0; actions[i] != NULL && *actions[i] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (actions[i], ":", 3);
      g_autofree char *aid = uuid (ID_OBJECT, atoi (parts[0]));

      g_string_append_printf (xml, "<action id=\"%s\" owner=\"%s\"", aid, first);
      if (*parts[1] != '\0')
        g_string_append_printf (xml, " due=\"%s\"", parts[1]);
      g_string_append_printf (xml, " status=\"%s\">", parts[2]);
      append_text_element (xml, "what", "Rencontrer la famille");
      g_string_append (xml, "</action>");
    }
  g_string_append (xml, "</actions><consents>");
  for (guint i = 0; consents[i] != NULL && *consents[i] != '\0'; i++)
    {
      g_autofree char *cid = uuid (ID_OBJECT, 800 + i);

      g_string_append_printf (xml, "<consent id=\"%s\" date=\"%s\">", cid, consents[i]);
      append_text_element (xml, "scope", "Partager le bilan avec l’école");
      g_string_append (xml, "</consent>");
    }
  g_string_append (xml, "</consents>");
  if (review[0] != NULL && *review[0] != '\0')
    {
      g_string_append (xml, "<review>");
      for (guint i = 0; review[i] != NULL; i++)
        {
          g_autofree char *rid = uuid (ID_OBJECT, atoi (review[i] + 1));

          g_string_append_printf (xml, "<item id=\"%s\" type=\"divergence\" reviewed=\"%s\"/>",
                                  rid, review[i][0] == 'r' ? "true" : "false");
        }
      g_string_append (xml, "</review>");
    }
  g_string_append (xml, "</session>\n");

  return g_string_free (xml, FALSE);
}

static void
write_file (const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (library_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
make_library (void)
{
  library_dir = g_build_filename (work_dir, "library", NULL);
  g_assert_cmpint (g_mkdir_with_parents (library_dir, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autofree char *xml = session_xml (&sessions[i]);

      write_file (sessions[i].file, xml);
    }
  write_file ("broken.regards", "<session xmlns=\"urn:x-regards:session\" format-version=\"5\"");
}

static RgLibrary *
open_library (void)
{
  g_autofree char *database = g_build_filename (work_dir, "index.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibraryScanResult) scan = NULL;
  RgLibrary *library = rg_library_new (library_dir, database, &error);

  g_assert_no_error (error);
  scan = rg_library_scan (library, NULL, &error);
  g_assert_no_error (error);
  /* broken.regards only */
  g_assert_cmpuint (rg_library_scan_result_get_n_failed (scan), ==, 1);

  return library;
}

/* }}} */
/* {{{ The figures */

static guint
count_of (GArray     *counts,
          const char *label)
{
  for (guint i = 0; i < counts->len; i++)
    {
      const RgProgrammeCount *count = &g_array_index (counts, RgProgrammeCount, i);

      if (g_strcmp0 (count->label, label) == 0)
        return count->count;
    }

  return 0;
}

static void
test_figures (void)
{
  g_autoptr(RgLibrary) library = open_library ();
  g_autoptr(RgProgrammeFigures) f = NULL;
  g_autoptr(GError) error = NULL;
  static const guint months[] = { 1, 1, 1, 0, 1, 0, 1, 0, 0, 1 };

  f = rg_programme_figures_compute (library, FROM, TO, TODAY, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (f->from, ==, FROM);
  g_assert_cmpstr (f->to, ==, TO);
  g_assert_cmpstr (f->today, ==, TODAY);

  /* Held in the period: a1, a2, b1, b2, c1, f1; not b2's copy, b4
   * (after), c0 (preparing), the contribution, a0, d1, d2, f0 (before) */
  g_assert_cmpuint (f->sessions, ==, 6);
  /* 2025-09 b1, 10 a1, 11 b2, 12 —, 2026-01 a2, 02 —, 03 c1, 04 —, 05 —, 06 f1 */
  g_assert_cmpuint (f->sessions_by_month->len, ==, G_N_ELEMENTS (months));
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    g_assert_cmpuint (g_array_index (f->sessions_by_month, RgProgrammeCount, i).count, ==,
                      months[i]);
  g_assert_cmpstr (g_array_index (f->sessions_by_month, RgProgrammeCount, 0).label, ==,
                   "2025-09");
  g_assert_cmpstr (g_array_index (f->sessions_by_month, RgProgrammeCount, 9).label, ==,
                   "2026-06");

  /* A, B, C, F; new: B, C (c0 was only prepared); continuing: A (a0),
   * F (f0); closed: A (a2) */
  g_assert_cmpuint (f->situations, ==, 4);
  g_assert_cmpuint (f->situations_new, ==, 2);
  g_assert_cmpuint (f->situations_continuing, ==, 2);
  g_assert_cmpuint (f->situations_closed, ==, 1);

  /* P1 … P7, each once (P5 of the conflict copy is in a1 anyway) */
  g_assert_cmpuint (f->partners, ==, 7);
  /* P1 and P3 as the newest session (f1) first writes it */
  g_assert_cmpuint (count_of (f->partners_by_profession, "Enseignante"), ==, 2);
  g_assert_cmpuint (count_of (f->partners_by_profession, "Éducateur spécialisé"), ==, 1);
  g_assert_cmpuint (count_of (f->partners_by_profession, "Psychologue"), ==, 1);
  g_assert_cmpuint (count_of (f->partners_by_profession, "Coordinatrice PRE"), ==, 1);
  g_assert_cmpuint (count_of (f->partners_by_profession, "Family"), ==, 2);
  g_assert_cmpuint (f->partners_by_profession->len, ==, 5);
  g_assert_cmpuint (g_array_index (f->partners_by_profession, RgProgrammeCount, 0).count, ==, 2);
  g_assert_cmpuint (count_of (f->partners_by_institution, "École Jules Ferry"), ==, 2);
  g_assert_cmpuint (count_of (f->partners_by_institution, "ASE 93"), ==, 1);
  g_assert_cmpuint (count_of (f->partners_by_institution, "CMP Bondy"), ==, 1);
  g_assert_cmpuint (count_of (f->partners_by_institution, "PRE Bondy"), ==, 1);
  g_assert_cmpuint (count_of (f->partners_by_institution, NULL), ==, 2);
  g_assert_cmpuint (f->partners_by_institution->len, ==, 5);

  /* Agreements 12, 15, 32, 70; divergences 13, 14, 30, 31, 33, 50:
   * settled at their session 14, 33; later 13 (a2), 30 (b2); not 31
   * (reviewed only at b4, after the period) nor 50; a0's 10, reviewed
   * at a1, is not of the period */
  g_assert_cmpuint (f->agreements, ==, 4);
  g_assert_cmpuint (f->divergences, ==, 6);
  g_assert_cmpuint (f->divergences_settled, ==, 4);
  g_assert_cmpuint (f->divergences_settled_later, ==, 2);

  /* Latest sessions a2, b2, c1, f1: 20 21 22 23, 40 41, 60 61, 80 81.
   * Done 20 21 22 40 61; on time 22 (no due date), 40 (done at b2
   * 2025-11-17, due 2025-12-31), 61 (c1 2026-03-02, due 2026-04-01),
   * not 20 (first done at a1 2025-10-06, due 2025-06-01) nor 21 (a2
   * 2026-01-12, due 2025-12-01); overdue 41 (due 2026-02-01), 81 (due
   * 2026-07-14, the day before the report); 23 given up */
  g_assert_cmpuint (f->actions, ==, 10);
  g_assert_cmpuint (f->actions_done, ==, 5);
  g_assert_cmpuint (f->actions_done_on_time, ==, 3);
  g_assert_cmpuint (f->actions_overdue, ==, 2);
  g_assert_cmpuint (f->actions_cancelled, ==, 1);

  /* a2 "a -", b2 "m a -", c1 "-" */
  g_assert_cmpuint (f->criteria, ==, 6);
  g_assert_cmpuint (f->criteria_agreed, ==, 3);
  g_assert_cmpuint (f->criteria_met, ==, 1);

  /* a2 (2024-05-01, old), b2 (2025-09-15), f1 (2025-05-02, old: before
   * 2025-06-30); c1 has none */
  g_assert_cmpuint (f->consent_situations, ==, 3);
  g_assert_cmpuint (f->consent_old, ==, 2);

  /* a0→a1 210 days, a1→a2 98, b1→b2 63, f0→f1 394; median (98 + 210) / 2 */
  g_assert_cmpuint (f->intervals, ==, 4);
  g_assert_cmpfloat_with_epsilon (f->median_days, 154, 0.001);
}

/* The same library, another period: only the spring of 2026 */
static void
test_figures_other_period (void)
{
  g_autoptr(RgLibrary) library = open_library ();
  g_autoptr(RgProgrammeFigures) f = NULL;
  g_autoptr(GError) error = NULL;

  f = rg_programme_figures_compute (library, "2026-03-01", "2026-05-31", "2026-04-15", &error);
  g_assert_no_error (error);

  /* c1 only: a new situation (c0 was only prepared) */
  g_assert_cmpuint (f->sessions, ==, 1);
  g_assert_cmpuint (f->situations, ==, 1);
  g_assert_cmpuint (f->situations_new, ==, 1);
  g_assert_cmpuint (f->situations_closed, ==, 0);
  /* P5, P7 */
  g_assert_cmpuint (f->partners, ==, 2);
  g_assert_cmpuint (f->divergences, ==, 1);
  g_assert_cmpuint (f->divergences_settled, ==, 0);
  /* 60 due 2026-08-01, 61 done on time; nothing late on 2026-04-15 */
  g_assert_cmpuint (f->actions, ==, 2);
  g_assert_cmpuint (f->actions_done_on_time, ==, 1);
  g_assert_cmpuint (f->actions_overdue, ==, 0);
  g_assert_cmpuint (f->consent_situations, ==, 0);
  g_assert_cmpuint (f->intervals, ==, 0);
  g_assert_cmpuint (f->sessions_by_month->len, ==, 3);
}

static void
test_figures_bad_dates (void)
{
  g_autoptr(RgLibrary) library = open_library ();
  g_autoptr(GError) error = NULL;
  RgProgrammeFigures *f;

  f = rg_programme_figures_compute (library, "2025-02-30", TO, TODAY, &error);
  g_assert_null (f);
  g_assert_error (error, RG_PROGRAMME_ERROR, RG_PROGRAMME_ERROR_INVALID_DATE);
  g_clear_error (&error);

  f = rg_programme_figures_compute (library, TO, FROM, TODAY, &error);
  g_assert_null (f);
  g_assert_error (error, RG_PROGRAMME_ERROR, RG_PROGRAMME_ERROR_INVALID_PERIOD);
}

/* }}} */
/* {{{ The report, through regards-cli */

static char *
run_report (const char *format,
            const char *extension)
{
  g_autofree char *database = g_build_filename (work_dir, "cli-index.sqlite", NULL);
  g_autofree char *output = g_strdup_printf ("%s/programme.%s", work_dir, extension);
  g_auto(RgTestRun) run = { 0 };

  rg_test_run_cli (&run, work_dir, "report", "programme", "--from", FROM, "--to", TO,
                   "--today", TODAY, "--library", library_dir, "--database", database,
                   "--format", format, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* The broken file is said, and not counted */
  g_assert_nonnull (strstr (run.err, "1 file of the library cannot be loaded"));

  return g_steal_pointer (&output);
}

static gint64
json_int (GVariant   *object,
          const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, ".", -1);
  g_autoptr(GVariant) value = g_variant_ref (object);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GVariant *inner = g_variant_lookup_value (value, names[i], NULL);

      g_assert_nonnull (inner);
      g_variant_unref (value);
      value = inner;
    }

  /* The test's reader makes every number a double */
  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE));
  return (gint64) g_variant_get_double (value);
}

static void
test_cli_json (void)
{
  g_autofree char *output = run_report ("json", "json");
  g_autofree char *text = NULL;
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GVariant) professions = NULL;
  const char *string;

  g_assert_true (g_file_get_contents (output, &text, NULL, NULL));
  json = rg_test_json_parse (text);

  g_assert_true (g_variant_lookup (json, "from", "&s", &string));
  g_assert_cmpstr (string, ==, FROM);
  g_assert_true (g_variant_lookup (json, "to", "&s", &string));
  g_assert_cmpstr (string, ==, TO);
  g_assert_true (g_variant_lookup (json, "today", "&s", &string));
  g_assert_cmpstr (string, ==, TODAY);

  g_assert_cmpint (json_int (json, "situations"), ==, 4);
  g_assert_cmpint (json_int (json, "situations_detail.new"), ==, 2);
  g_assert_cmpint (json_int (json, "situations_detail.continuing"), ==, 2);
  g_assert_cmpint (json_int (json, "situations_detail.closed"), ==, 1);
  g_assert_cmpint (json_int (json, "sessions"), ==, 6);
  g_assert_cmpint (json_int (json, "partners.total"), ==, 7);
  g_assert_cmpint (json_int (json, "agreements"), ==, 4);
  g_assert_cmpint (json_int (json, "divergences.total"), ==, 6);
  g_assert_cmpint (json_int (json, "divergences.settled"), ==, 4);
  g_assert_cmpint (json_int (json, "divergences.settled_later"), ==, 2);
  g_assert_cmpint (json_int (json, "actions.total"), ==, 10);
  g_assert_cmpint (json_int (json, "actions.done"), ==, 5);
  g_assert_cmpint (json_int (json, "actions.done_on_time"), ==, 3);
  g_assert_cmpint (json_int (json, "actions.overdue"), ==, 2);
  g_assert_cmpint (json_int (json, "actions.cancelled"), ==, 1);
  g_assert_cmpint (json_int (json, "criteria.total"), ==, 6);
  g_assert_cmpint (json_int (json, "criteria.agreed"), ==, 3);
  g_assert_cmpint (json_int (json, "criteria.met"), ==, 1);
  g_assert_cmpint (json_int (json, "consent.situations"), ==, 3);
  g_assert_cmpint (json_int (json, "consent.old"), ==, 2);
  g_assert_cmpint (json_int (json, "intervals.count"), ==, 4);
  g_assert_cmpint (json_int (json, "intervals.median_days"), ==, 154);

  professions = g_variant_lookup_value (json, "partners", NULL);
  g_assert_nonnull (professions);
  g_variant_unref (g_steal_pointer (&professions));

  /* Pseudonymised: no name, code or label of the fixture */
  g_assert_null (strstr (text, "Martin"));
  g_assert_null (strstr (text, "Durand"));
  g_assert_null (strstr (text, "S-1"));
  g_assert_null (strstr (text, "Élève"));
  g_assert_null (strstr (text, "00000000-"));
}

/* The fields of one line of RFC 4180 CSV, quotes undone */
static GStrv
csv_fields (const char *line)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);

  return g_strv_builder_end (fields);
}

static void
test_cli_csv (void)
{
  g_autofree char *output = run_report ("csv", "csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const struct { const char *figure; const char *value; } expected[] = {
    { "from", FROM }, { "to", TO }, { "today", TODAY },
    { "situations", "4" }, { "situations.new", "2" }, { "situations.continuing", "2" },
    { "situations.closed", "1" }, { "sessions", "6" }, { "partners", "7" },
    { "agreements", "4" }, { "divergences.total", "6" }, { "divergences.settled", "4" },
    { "divergences.settled_later", "2" }, { "actions.total", "10" }, { "actions.done", "5" },
    { "actions.done_on_time", "3" }, { "actions.overdue", "2" }, { "actions.cancelled", "1" },
    { "criteria.total", "6" }, { "criteria.agreed", "3" }, { "criteria.met", "1" },
    { "consent.situations", "3" }, { "consent.old", "2" }, { "intervals.count", "4" },
    { "intervals.median_days", "154.0" },
  };
  guint n_months = 0;

  g_assert_true (g_file_get_contents (output, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  lines = g_strsplit (text + 3, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Figure,Label,Value");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = csv_fields (lines[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      if (g_str_equal (fields[0], "sessions.month"))
        {
          n_months++;
          continue;
        }
      if (g_str_equal (fields[0], "partners.profession") ||
          g_str_equal (fields[0], "partners.institution"))
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", fields[0], fields[1]);

          g_hash_table_insert (rows, g_steal_pointer (&key), g_strdup (fields[2]));
          continue;
        }
      g_hash_table_insert (rows, g_strdup (fields[0]), g_strdup (fields[2]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (rows, expected[i].figure), ==, expected[i].value);
  g_assert_cmpuint (n_months, ==, 10);
  g_assert_cmpstr (g_hash_table_lookup (rows, "partners.profession/Enseignante"), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (rows, "partners.institution/"), ==, "2");
  g_assert_nonnull (strstr (text, "\r\nintervals.median_days,\"Median time between two sessions, "
                              "in days\",154.0\r\n"));
  g_assert_null (strstr (text, "Martin"));
}

static void
test_cli_pdf (void)
{
  g_autofree char *output = run_report ("pdf", "pdf");
  g_autofree char *text = rg_test_pdf_to_text (output, NULL);
  g_autofree char *flat = rg_test_flatten (text);

  rg_test_assert_reads (flat, "Programme evaluation");
  rg_test_assert_reads (flat, "Situations followed 4");
  rg_test_assert_reads (flat, "New situations 2");
  rg_test_assert_reads (flat, "Situations closed 1");
  rg_test_assert_reads (flat, "Sessions held 6");
  rg_test_assert_reads (flat, "154 days, over 4 intervals");
  rg_test_assert_reads (flat, "Partners who took part in a session: 7");
  rg_test_assert_reads (flat, "Enseignante 2");
  rg_test_assert_reads (flat, "Divergences settled 4");
  rg_test_assert_reads (flat, "of them, settled at a later session 2");
  rg_test_assert_reads (flat, "Done on time 3");
  rg_test_assert_reads (flat, "Overdue 2");
  rg_test_assert_reads (flat, "Met 1");
  rg_test_assert_reads (flat, "of them, consent older than a year 2");
  rg_test_assert_reads (flat, "How these figures are counted");
  g_assert_null (strstr (flat, "Martin"));
  g_assert_null (strstr (flat, "Élève"));
}

static void
test_cli_odt (void)
{
  g_autofree char *output = run_report ("odt", "odt");
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (output, &error);
  GsfInfile *zip;
  GsfInput *content;
  g_autofree char *xml = NULL;
  guint n_pictures = 0;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  content = gsf_infile_child_by_name (zip, "content.xml");
  g_assert_nonnull (content);
  xml = g_strndup ((const char *) gsf_input_read (content, gsf_input_size (content), NULL),
                   (gsize) gsf_input_size (content));
  g_object_unref (content);
  g_object_unref (zip);
  g_object_unref (input);

  g_assert_nonnull (strstr (xml, "Programme evaluation"));
  g_assert_nonnull (strstr (xml, "<text:p text:style-name=\"Table_20_Contents\">Sessions held</text:p>"));
  g_assert_nonnull (strstr (xml, "How these figures are counted"));
  for (const char *p = xml; (p = strstr (p, "<draw:image ")) != NULL; p++)
    n_pictures++;
  /* Months, professions, divergences, actions */
  g_assert_cmpuint (n_pictures, ==, 4);
  g_assert_null (strstr (xml, "Martin"));
}

static void
test_cli_errors (void)
{
  static const struct { const char *from; const char *to; const char *format; const char *says; }
  cases[] = {
    { "2025-13-01", TO, "json", "“2025-13-01” is not a date" },
    { FROM, "30/06/2026", "json", "“30/06/2026” is not a date" },
    { TO, FROM, "json", "The period ends before it starts" },
    { FROM, TO, "docx", "Unknown format “docx”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = g_build_filename (work_dir, "never", NULL);
      g_auto(RgTestRun) run = { 0 };

      rg_test_run_cli (&run, work_dir, "report", "programme", "--from", cases[i].from,
                       "--to", cases[i].to, "--library", library_dir,
                       "--format", cases[i].format, "-o", output, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  work_dir = rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  make_library ();

  g_test_add_func ("/programme/figures/period", test_figures);
  g_test_add_func ("/programme/figures/other-period", test_figures_other_period);
  g_test_add_func ("/programme/figures/bad-dates", test_figures_bad_dates);
  g_test_add_func ("/programme/cli/json", test_cli_json);
  g_test_add_func ("/programme/cli/csv", test_cli_csv);
  g_test_add_func ("/programme/cli/pdf", test_cli_pdf);
  g_test_add_func ("/programme/cli/odt", test_cli_odt);
  g_test_add_func ("/programme/cli/errors", test_cli_errors);

  status = g_test_run ();
  g_free (library_dir);
  g_free (work_dir);
  return status;
}
