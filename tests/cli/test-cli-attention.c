/* test-cli-attention.c — regards-cli attention, run as a user would, on a
 * library of real session files whose answers are counted by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-file-io.h"
#include "rg-follow-up.h"
#include "rg-session-xml.h"
#include "rg-test-cli.h"
#include "rg-test-utils.h"

#define SIT_A "0a0a0a0a-0000-4000-8000-00000000000a"
#define SIT_C "0c0c0c0c-0000-4000-8000-00000000000c"

/* A temporary folder of the test program */
static char *work_dir;
static char *library_dir;
static char *database;
static char *a2_path;
static char *c_path;
static char *late_action;
static char *c_consent;

static RgSession *
make_session (const char      *situation_id,
              const char      *label,
              const char      *date,
              RgSessionStatus  status)
{
  RgSession *session = rg_session_new ();

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_date (session, date);
  rg_session_set_status (session, status);
  rg_session_set_situation_id (session, situation_id);
  rg_session_set_situation_label (session, label);

  return session;
}

static char *
save (const char *name,
      RgSession  *session)
{
  g_autofree char *path = g_build_filename (library_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;

  rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/*
 * On 2026-06-15: A's first session (2026-01-10) has an action due
 * 2026-02-01 and a consent of 2026-01-10; its follow-up (2026-05-20, held,
 * next review 2026-07-01) carries both. C's only session (2023-05-02, a
 * code) has a consent that day and no next review.
 *
 * What needs attention: A's action, overdue (once, from the follow-up);
 * A's review, due; C's consent, old; C past a two-year retention period.
 */
static void
write_library (void)
{
  g_autoptr(RgSession) a1 = make_session (SIT_A, "Élève A., CM1", "2026-01-10",
                                          RG_SESSION_STATUS_HELD);
  g_autoptr(RgSession) a2 = NULL;
  g_autoptr(RgSession) c = make_session (SIT_C, "Élève C.", "2023-05-02",
                                         RG_SESSION_STATUS_CLOSED);
  g_autoptr(RgAction) action = rg_action_new ("Bilan orthophonique");
  g_autoptr(RgConsent) a_consent = rg_consent_new ("Le bilan scolaire");
  g_autoptr(RgConsent) consent = rg_consent_new ("Le bilan scolaire");

  library_dir = g_build_filename (work_dir, "Sessions", NULL);
  database = g_build_filename (work_dir, "index.sqlite", NULL);
  g_assert_cmpint (g_mkdir_with_parents (library_dir, 0700), ==, 0);

  rg_action_set_due (action, "2026-02-01");
  rg_session_add_action (a1, action);
  late_action = g_strdup (rg_action_get_id (action));
  rg_consent_set_date (a_consent, "2026-01-10");
  rg_session_add_consent (a1, a_consent);
  g_free (save ("a1.regards", a1));

  a2 = rg_session_new_follow_up (a1);
  rg_session_set_date (a2, "2026-05-20");
  rg_session_set_status (a2, RG_SESSION_STATUS_HELD);
  rg_session_set_next_review (a2, "2026-07-01");
  a2_path = save ("a2.regards", a2);

  rg_session_set_situation_code (c, "S-2023-007");
  rg_consent_set_date (consent, "2023-05-02");
  rg_session_add_consent (c, consent);
  c_consent = g_strdup (rg_consent_get_id (consent));
  c_path = save ("c.regards", c);
}

static const char *
lookup_string (GVariant   *object,
               const char *name)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (object, name, NULL);

  g_assert_nonnull (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("mv")))
    return NULL;

  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING));
  /* Owned by @object, which holds the value */
  return g_variant_get_string (value, NULL);
}

static void
assert_item (GVariant   *array,
             guint       position,
             const char *kind,
             const char *situation_id,
             const char *label,
             const char *code,
             const char *path,
             const char *date,
             const char *object_id,
             const char *text)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (array, position);
  g_autoptr(GVariant) item = g_variant_get_variant (boxed);

  g_assert_cmpstr (lookup_string (item, "kind"), ==, kind);
  g_assert_cmpstr (lookup_string (item, "situation_id"), ==, situation_id);
  g_assert_cmpstr (lookup_string (item, "situation_label"), ==, label);
  g_assert_cmpstr (lookup_string (item, "situation_code"), ==, code);
  g_assert_cmpstr (lookup_string (item, "path"), ==, path);
  g_assert_cmpstr (lookup_string (item, "date"), ==, date);
  g_assert_cmpstr (lookup_string (item, "object_id"), ==, object_id);
  g_assert_cmpstr (lookup_string (item, "text"), ==, text);
}

static void
test_json (void)
{
  g_auto(RgTestRun) run = { 0, };
  g_autoptr(GVariant) json = NULL;

  rg_test_run_cli (&run, work_dir, "attention", "--library", library_dir,
                   "--database", database, "--today", "2026-06-15", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json = rg_test_json_parse (run.out);
  g_assert_true (g_variant_is_of_type (json, G_VARIANT_TYPE ("av")));
  g_assert_cmpuint (g_variant_n_children (json), ==, 4);
  assert_item (json, 0, "action-overdue", SIT_A, "Élève A., CM1", NULL, a2_path,
               "2026-02-01", late_action, "Bilan orthophonique");
  assert_item (json, 1, "review-due", SIT_A, "Élève A., CM1", NULL, a2_path,
               "2026-07-01", NULL, NULL);
  assert_item (json, 2, "consent-old", SIT_C, "Élève C.", "S-2023-007", c_path,
               "2023-05-02", c_consent, NULL);
  assert_item (json, 3, "retention-due", SIT_C, "Élève C.", "S-2023-007", c_path,
               "2023-05-02", NULL, NULL);
}

/* The retention period: the application's setting (2 years in the
 * compiled schema the tests use), or the option. */
static void
test_retention_years (void)
{
  g_auto(RgTestRun) run = { 0, };
  g_auto(RgTestRun) bad = { 0, };
  g_autoptr(GVariant) json = NULL;

  rg_test_run_cli (&run, work_dir, "attention", "--library", library_dir,
                   "--database", database, "--today", "2026-06-15",
                   "--retention-years", "5", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json = rg_test_json_parse (run.out);
  g_assert_cmpuint (g_variant_n_children (json), ==, 3);

  rg_test_run_cli (&bad, work_dir, "attention", "--library", library_dir,
                   "--database", database, "--retention-years", "0", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, "retention period"));
}

/* Grouped by kind under a heading, dates as the locale writes them (the
 * tests run in C.UTF-8). */
static void
test_text (void)
{
  g_auto(RgTestRun) run = { 0, };
  g_auto(RgTestRun) calm = { 0, };

  rg_test_run_cli (&run, work_dir, "attention", "--library", library_dir,
                   "--database", database, "--today", "2026-06-15", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Actions overdue\n"
                   "  1 February 2026 — Élève A., CM1: Bilan orthophonique\n"
                   "\n"
                   "Reviews due within 30 days\n"
                   "  1 July 2026 — Élève A., CM1\n"
                   "\n"
                   "Consent more than a year old\n"
                   "  2 May 2023 — Élève C. (S-2023-007)\n"
                   "\n"
                   "Past the retention period\n"
                   "  2 May 2023 — Élève C. (S-2023-007)\n");

  /* The day of A's first session: nothing late yet, and C's consent
   * and retention were still fine in 2023 */
  rg_test_run_cli (&calm, work_dir, "attention", "--library", library_dir,
                   "--database", database, "--today", "2023-05-03", NULL);
  g_assert_cmpint (calm.status, ==, 0);
  g_assert_cmpstr (calm.out, ==, "Nothing needs attention on 3 May 2023.\n");
}

static void
test_invalid_today (void)
{
  static const char * const days[] = { "2026-02-30", "15/06/2026", "demain" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_auto(RgTestRun) run = { 0, };

      rg_test_run_cli (&run, work_dir, "attention", "--library", library_dir,
                       "--database", database, "--today", days[i], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "is not a date"));
      g_assert_nonnull (strstr (run.err, days[i]));
    }
}

static void
test_help (void)
{
  g_auto(RgTestRun) help = { 0, };
  g_auto(RgTestRun) commands = { 0, };

  rg_test_run_cli (&help, work_dir, "attention", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--today"));
  g_assert_nonnull (strstr (help.out, "--retention-years"));
  g_assert_nonnull (strstr (help.out, "--json"));

  rg_test_run_cli (&commands, work_dir, "--help", NULL);
  g_assert_cmpint (commands.status, ==, 0);
  g_assert_nonnull (strstr (commands.out, "  attention "));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();
  int status;

  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (tmp, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);
  write_library ();

  g_test_add_func ("/cli-attention/json", test_json);
  g_test_add_func ("/cli-attention/retention-years", test_retention_years);
  g_test_add_func ("/cli-attention/text", test_text);
  g_test_add_func ("/cli-attention/invalid-today", test_invalid_today);
  g_test_add_func ("/cli-attention/help", test_help);

  status = g_test_run ();

  g_free (work_dir);
  g_free (library_dir);
  g_free (database);
  g_free (a2_path);
  g_free (c_path);
  g_free (late_action);
  g_free (c_consent);
  return status;
}
