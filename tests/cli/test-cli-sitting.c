/* test-cli-sitting.c — regards-cli sitting new, show and minutes, on a fixture library
 *
 * The library holds two situations: the example session's (six
 * partners), in a subfolder, and the format fixture's (Mme Martin and
 * Mme Durand), made a session. Every figure below is counted from those two files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-sitting-xml.h"
#include "rg-test-cli.h"
#include "rg-test-pdf.h"
#include "rg-test-utils.h"

#define EXAMPLE_SITUATION "70852178-769a-53e0-a42f-7f82b32de90a"
#define VALID_SITUATION "0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6e"

static char *root_dir;

/* Copies a file of the sources, with the first @old replaced by @new */
static void
copy_source (const char *from,
             const char *to,
             const char *old,
             const char *new)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), from, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *folder = g_path_get_dirname (to);
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  if (old != NULL)
    {
      g_autoptr(GString) text = g_string_new_len (contents, length);

      g_assert_cmpuint (g_string_replace (text, old, new, 1), ==, 1);
      g_free (contents);
      length = text->len;
      contents = g_string_free (g_steal_pointer (&text), FALSE);
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

/* A new library folder with the two situations */
static char *
make_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_build_filename (root_dir, "library-XXXXXX", NULL);
  char *library = g_mkdtemp (g_steal_pointer (&template));
  g_autofree char *example = g_build_filename (library, "2026", "exemple-eleve-a.regards", NULL);
  g_autofree char *valid = g_build_filename (library, "valid.regards", NULL);

  copy_source ("data/examples/exemple-eleve-a.regards", example, NULL, NULL);
  /* The fixture is a contribution: here, the session it was asked for */
  copy_source ("tests/data/format/valid.regards", valid,
               "kind=\"contribution\" contributor=\"11111111-2222-4333-8444-555555555555\"",
               "kind=\"session\"");

  return library;
}

static RgSession *
load_session (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, NULL, &error);
  RgSession *session;

  g_assert_no_error (error);
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return session;
}

static RgSitting *
load_sitting (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RgSitting *sitting = rg_sitting_load (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return sitting;
}

static GPtrArray *
invitee_names (RgSittingItem *item)
{
  GListModel *invitees = rg_sitting_item_get_invitees (item);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (invitees); i++)
    {
      g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);

      g_ptr_array_add (names, g_strdup (rg_sitting_invitee_get_name (invitee)));
    }
  g_ptr_array_add (names, NULL);

  return names;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_new (void)
{
  g_autofree char *library = make_library ();
  g_autofree char *database = g_build_filename (library, "..", "index-new.db", NULL);
  g_autofree char *sitting_path = g_build_filename (library, "2027-03-12 EPS de mars.regards-sitting", NULL);
  g_autofree char *contributions = g_build_filename (library, "Contributions", NULL);
  g_autoptr(RgSitting) sitting = NULL;
  g_autoptr(RgSittingItem) first = NULL;
  g_autoptr(RgSittingItem) second = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(RgSession) follow_up = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autofree char *follow_up_path = NULL;
  g_autofree char *session_path = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(RgTestRun) run = { 0 };
  const char * const example_partners[] = {
    "Mme Roussel", "Mme Perrin", "M. Kessler", "Mme Aubry", "Mme Fontaine", "Mme Benali", NULL
  };
  const char * const invited[] = { "Mme Durand", "Dr Vidal", NULL };

  rg_test_run_cli (&run, library, "sitting", "new", "--library", library, "--database", database,
                   "--date", "2027-03-12", "--start", "14:00", "--slot", "45",
                   "--title", "EPS de mars", "--place", "Mairie annexe, salle 2",
                   "--situation", EXAMPLE_SITUATION, "--situation", VALID_SITUATION,
                   "--invite", VALID_SITUATION ":mme durand",
                   "--invite", VALID_SITUATION ":Dr Vidal", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, sitting_path));

  sitting = load_sitting (sitting_path);
  g_assert_cmpstr (rg_sitting_get_title (sitting), ==, "EPS de mars");
  g_assert_cmpstr (rg_sitting_get_date (sitting), ==, "2027-03-12");
  g_assert_cmpstr (rg_sitting_get_place (sitting), ==, "Mairie annexe, salle 2");
  g_assert_cmpint (rg_sitting_get_kind (sitting), ==, RG_SITTING_KIND_SUPPORT_TEAM);
  g_assert_cmpuint (g_list_model_get_n_items (rg_sitting_get_items (sitting)), ==, 2);

  /* The agenda in the order given, the slots one after the other */
  first = g_list_model_get_item (rg_sitting_get_items (sitting), 0);
  second = g_list_model_get_item (rg_sitting_get_items (sitting), 1);
  g_assert_cmpstr (rg_sitting_item_get_situation_id (first), ==, EXAMPLE_SITUATION);
  g_assert_cmpstr (rg_sitting_item_get_situation_code (first), ==, "PRE-2026-014");
  g_assert_cmpstr (rg_sitting_item_get_start (first), ==, "14:00");
  g_assert_cmpstr (rg_sitting_item_get_end (first), ==, "14:45");
  g_assert_cmpstr (rg_sitting_item_get_situation_id (second), ==, VALID_SITUATION);
  g_assert_cmpstr (rg_sitting_item_get_situation_code (second), ==, "S-2026-014");
  g_assert_cmpstr (rg_sitting_item_get_start (second), ==, "14:45");
  g_assert_cmpstr (rg_sitting_item_get_end (second), ==, "15:30");

  /* Invited: every partner of the example, only those named of the other */
  names = invitee_names (first);
  g_assert_cmpstrv ((char **) names->pdata, example_partners);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = invitee_names (second);
  g_assert_cmpstrv ((char **) names->pdata, invited);

  /* Prepared: the follow-up of the example beside it, dated the
   * sitting's day, and a session that holds the new invitee */
  g_assert_cmpstr (rg_sitting_item_get_session_file (first), ==, "2026/EPS de mars — Élève A., CM1.regards");
  follow_up_path = g_build_filename (library, rg_sitting_item_get_session_file (first), NULL);
  follow_up = load_session (follow_up_path);
  g_assert_cmpstr (rg_session_get_id (follow_up), ==, rg_sitting_item_get_session_id (first));
  g_assert_cmpstr (rg_session_get_situation_id (follow_up), ==, EXAMPLE_SITUATION);
  g_assert_cmpstr (rg_session_get_date (follow_up), ==, "2027-03-12");
  g_assert_cmpstr (rg_session_get_place (follow_up), ==, "Mairie annexe, salle 2");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (follow_up)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_review_items (follow_up)), >, 0);

  session_path = g_build_filename (library, rg_sitting_item_get_session_file (second), NULL);
  session = load_session (session_path);
  g_assert_cmpstr (rg_session_get_situation_id (session), ==, VALID_SITUATION);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 3);

  /* Asked today of those invited, and of them only */
  {
    g_autofree char *today = rg_date_new_today ();
    GListModel *partners = rg_session_get_partners (session);
    guint n_asked = 0;

    for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
      {
        g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
        const char *asked = rg_partner_get_contribution_asked (partner);

        if (g_str_equal (rg_partner_get_name (partner), "Mme Martin"))
          g_assert_null (asked);
        else
          {
            g_assert_cmpstr (asked, ==, today);
            n_asked++;
          }
      }
    g_assert_cmpuint (n_asked, ==, 2);
  }

  /* A contribution for each of the 6 + 2 invitees */
  g_assert_cmpuint (count_files (contributions), ==, 8);

  /* The sitting file, then every file written, one a line */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8 + 2 + 1);
}

static void
test_show (void)
{
  g_autofree char *library = make_library ();
  g_autofree char *database = g_build_filename (library, "..", "index-show.db", NULL);
  g_autofree char *sitting_path = g_build_filename (library, "comite.regards-sitting", NULL);
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GVariant) agenda = NULL;
  g_autoptr(GVariant) item = NULL;
  g_autoptr(GVariant) invited = NULL;
  g_autoptr(GVariant) invitee = NULL;
  g_auto(RgTestRun) created = { 0 };
  g_auto(RgTestRun) run = { 0 };
  g_auto(RgTestRun) text = { 0 };
  const char *value;

  rg_test_run_cli (&created, library, "sitting", "new", "--library", library,
                   "--database", database, "--date", "2027-04-02", "--kind", "technical-committee",
                   "--situation", VALID_SITUATION, "-o", sitting_path, NULL);
  g_assert_cmpint (created.status, ==, 0);

  rg_test_run_cli (&run, library, "sitting", "show", "--json", sitting_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  json = rg_test_json_parse (run.out);
  g_assert_true (g_variant_lookup (json, "kind", "&s", &value));
  g_assert_cmpstr (value, ==, "technical-committee");
  g_assert_true (g_variant_lookup (json, "date", "&s", &value));
  g_assert_cmpstr (value, ==, "2027-04-02");
  /* The default start and slot */
  g_assert_true (g_variant_lookup (json, "start", "&s", &value));
  g_assert_cmpstr (value, ==, "09:00");
  g_assert_true (g_variant_lookup (json, "end", "&s", &value));
  g_assert_cmpstr (value, ==, "09:30");

  agenda = g_variant_lookup_value (json, "agenda", G_VARIANT_TYPE ("av"));
  g_assert_cmpuint (g_variant_n_children (agenda), ==, 1);
  g_variant_get_child (agenda, 0, "v", &item);
  g_assert_true (g_variant_lookup (item, "situation_id", "&s", &value));
  g_assert_cmpstr (value, ==, VALID_SITUATION);
  g_assert_true (g_variant_lookup (item, "situation_label", "&s", &value));
  g_assert_cmpstr (value, ==, "Élève A., CM1");
  g_assert_true (g_variant_lookup (item, "session_file", "&s", &value));
  g_assert_true (g_str_has_suffix (value, ".regards"));
  invited = g_variant_lookup_value (item, "invited", G_VARIANT_TYPE ("av"));
  g_assert_cmpuint (g_variant_n_children (invited), ==, 2);
  g_variant_get_child (invited, 0, "v", &invitee);
  g_assert_true (g_variant_lookup (invitee, "name", "&s", &value));
  g_assert_cmpstr (value, ==, "Mme Martin");
  g_assert_true (g_variant_lookup (invitee, "partner_id", "&s", &value));
  g_assert_cmpstr (value, ==, "11111111-2222-4333-8444-555555555555");

  rg_test_run_cli (&text, library, "sitting", "show", sitting_path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Technical committee · 2 April 2027\n"));
  g_assert_nonnull (strstr (text.out, "09:00–09:30  Élève A., CM1 (S-2026-014)\n"));
  g_assert_nonnull (strstr (text.out, "  Invited: Mme Martin (Enseignante, École Jules Ferry)\n"));
}

/* Two partners of the latest session bear one name, the mother and the
 * teacher both "Mme Martin": each is invited once, under a name of its
 * own, and the sitting loads again */
static void
test_same_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_build_filename (root_dir, "library-XXXXXX", NULL);
  g_autofree char *library = g_mkdtemp (g_steal_pointer (&template));
  g_autofree char *database = g_build_filename (library, "..", "index-same-name.db", NULL);
  g_autofree char *valid = g_build_filename (library, "valid.regards", NULL);
  g_autofree char *sitting_path = g_build_filename (library, "eps.regards-sitting", NULL);
  g_autofree char *contributions = g_build_filename (library, "Contributions", NULL);
  g_autofree char *session_path = NULL;
  g_autoptr(RgSitting) sitting = NULL;
  g_autoptr(RgSittingItem) item = NULL;
  g_autoptr(RgSittingInvitee) teacher = NULL;
  g_autoptr(RgSittingInvitee) mother = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(RgSession) session = NULL;
  g_auto(RgTestRun) run = { 0 };
  g_auto(RgTestRun) show = { 0 };
  const char * const invited[] = { "Mme Martin", "Mme Martin (Mère)", NULL };

  copy_source ("tests/data/format/valid.regards", valid,
               "kind=\"contribution\" contributor=\"11111111-2222-4333-8444-555555555555\"",
               "kind=\"session\"");
  {
    g_autofree char *contents = NULL;
    g_autoptr(GString) text = NULL;

    g_assert_true (g_file_get_contents (valid, &contents, NULL, &error));
    text = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (text, "<name>Mme Durand</name>",
                                        "<name>Mme Martin</name><profession>Mère</profession>", 1), ==, 1);
    g_assert_true (g_file_set_contents (valid, text->str, text->len, &error));
  }

  rg_test_run_cli (&run, library, "sitting", "new", "--library", library, "--database", database,
                   "--date", "2027-03-12", "--situation", VALID_SITUATION,
                   "-o", sitting_path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  sitting = load_sitting (sitting_path);
  item = g_list_model_get_item (rg_sitting_get_items (sitting), 0);
  names = invitee_names (item);
  g_assert_cmpstrv ((char **) names->pdata, invited);

  /* Each the partner it is, none added to the session */
  teacher = g_list_model_get_item (rg_sitting_item_get_invitees (item), 0);
  mother = g_list_model_get_item (rg_sitting_item_get_invitees (item), 1);
  g_assert_cmpstr (rg_sitting_invitee_get_partner_id (teacher), ==, "11111111-2222-4333-8444-555555555555");
  g_assert_cmpstr (rg_sitting_invitee_get_partner_id (mother), ==, "11111111-2222-4333-8444-555555555556");
  session_path = g_build_filename (library, rg_sitting_item_get_session_file (item), NULL);
  session = load_session (session_path);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
  g_assert_cmpuint (count_files (contributions), ==, 2);

  rg_test_run_cli (&show, library, "sitting", "show", sitting_path, NULL);
  g_assert_cmpstr (show.err, ==, "");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_no_error (error);
}

static void
test_errors (void)
{
  g_autofree char *library = make_library ();
  g_autofree char *database = g_build_filename (library, "..", "index-errors.db", NULL);
  g_autofree char *bad = g_build_filename (library, "bad.regards-sitting", NULL);
  g_auto(RgTestRun) no_date = { 0 };
  g_auto(RgTestRun) unknown = { 0 };
  g_auto(RgTestRun) bad_invite = { 0 };
  g_auto(RgTestRun) bad_start = { 0 };
  g_auto(RgTestRun) show_bad = { 0 };
  g_auto(RgTestRun) show_session = { 0 };
  g_autofree char *session = g_build_filename (library, "valid.regards", NULL);

  rg_test_run_cli (&no_date, library, "sitting", "new", "--library", library,
                   "--database", database, "--situation", VALID_SITUATION, NULL);
  g_assert_cmpint (no_date.status, ==, 2);
  g_assert_nonnull (strstr (no_date.err, "--date"));

  rg_test_run_cli (&unknown, library, "sitting", "new", "--library", library,
                   "--database", database, "--date", "2027-03-12",
                   "--situation", "99999999-2222-4333-8444-555555555555", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "No session of the library is about the situation"));

  rg_test_run_cli (&bad_invite, library, "sitting", "new", "--library", library,
                   "--database", database, "--date", "2027-03-12", "--situation", VALID_SITUATION,
                   "--invite", EXAMPLE_SITUATION ":Mme Roussel", NULL);
  g_assert_cmpint (bad_invite.status, ==, 2);

  rg_test_run_cli (&bad_start, library, "sitting", "new", "--library", library,
                   "--database", database, "--date", "2027-03-12", "--situation", VALID_SITUATION,
                   "--start", "23:50", NULL);
  g_assert_cmpint (bad_start.status, ==, 1);
  g_assert_nonnull (strstr (bad_start.err, "after midnight"));

  /* Nothing was written by the refused commands */
  g_assert_cmpuint (count_files (library), ==, 2);

  g_assert_true (g_file_set_contents (bad, "<sitting", -1, NULL));
  rg_test_run_cli (&show_bad, library, "sitting", "show", bad, NULL);
  g_assert_cmpint (show_bad.status, ==, 1);
  g_assert_nonnull (strstr (show_bad.err, "damaged or incomplete"));

  rg_test_run_cli (&show_session, library, "sitting", "show", session, NULL);
  g_assert_cmpint (show_session.status, ==, 1);
  g_assert_nonnull (strstr (show_session.err, "not a Regards sitting"));
}

static void
test_minutes (void)
{
  g_autofree char *library = make_library ();
  g_autofree char *database = g_build_filename (library, "..", "index-minutes.db", NULL);
  g_autofree char *sitting_path = g_build_filename (library, "eps.regards-sitting", NULL);
  g_autofree char *pdf = g_build_filename (library, "..", "minutes.pdf", NULL);
  g_autofree char *odt = g_build_filename (library, "..", "minutes.odt", NULL);
  g_autofree char *anonymous = g_build_filename (library, "..", "minutes-anonymous.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_auto(RgTestRun) created = { 0 };
  g_auto(RgTestRun) run = { 0 };
  g_auto(RgTestRun) run_odt = { 0 };
  g_auto(RgTestRun) run_anonymous = { 0 };
  g_auto(RgTestRun) no_format = { 0 };
  g_auto(RgTestRun) bad_format = { 0 };
  g_auto(RgTestRun) no_output = { 0 };
  const char *first, *second, *third;

  rg_test_run_cli (&created, library, "sitting", "new", "--library", library,
                   "--database", database, "--date", "2027-03-12", "--start", "14:00",
                   "--place", "Mairie annexe", "--situation", EXAMPLE_SITUATION,
                   "--situation", VALID_SITUATION, "-o", sitting_path, NULL);
  g_assert_cmpint (created.status, ==, 0);

  rg_test_run_cli (&run, library, "sitting", "minutes", "--library", library, "--format", "pdf",
                   "-o", pdf, sitting_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "minutes.pdf\n"));
  text = rg_test_pdf_to_text (pdf, "-layout");
  flat = rg_test_flatten (text);
  /* The example's situation, its decisions (its follow-up carries its
   * actions), then the other one's slot */
  g_assert_nonnull (first = strstr (flat, "14:00 – 14:30 Code: PRE-2026-014"));
  g_assert_nonnull (second = strstr (flat, "Prendre rendez-vous pour le bilan visuel"));
  g_assert_nonnull (third = strstr (flat, "14:30 – 15:00 Code: S-2026-014"));
  g_assert_true (first < second && second < third);
  g_assert_nonnull (strstr (flat, "Mairie annexe"));

  rg_test_run_cli (&run_odt, library, "sitting", "minutes", "--library", library, "-f", "ODT",
                   "-o", odt, sitting_path, NULL);
  g_assert_cmpint (run_odt.status, ==, 0);
  g_assert_true (g_file_test (odt, G_FILE_TEST_IS_REGULAR));

  rg_test_run_cli (&run_anonymous, library, "sitting", "minutes", "--library", library,
                   "--format", "pdf", "--pseudonymise", "-o", anonymous, sitting_path, NULL);
  g_assert_cmpint (run_anonymous.status, ==, 0);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);
  text = rg_test_pdf_to_text (anonymous, "-layout");
  flat = rg_test_flatten (text);
  g_assert_nonnull (strstr (flat, "Situation 1 Time slot: 14:00 – 14:30"));
  g_assert_nonnull (strstr (flat, "Situation 2 Time slot: 14:30 – 15:00"));
  g_assert_null (strstr (flat, "Élève A."));
  g_assert_null (strstr (flat, "2026-014"));
  g_assert_null (strstr (flat, "Mairie"));
  g_assert_null (strstr (flat, "Benali"));

  rg_test_run_cli (&no_format, library, "sitting", "minutes", "-o", pdf, sitting_path, NULL);
  g_assert_cmpint (no_format.status, ==, 2);
  g_assert_nonnull (strstr (no_format.err, "--format"));
  rg_test_run_cli (&bad_format, library, "sitting", "minutes", "--format", "html", "-o", pdf,
                   sitting_path, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "pdf, odt"));
  rg_test_run_cli (&no_output, library, "sitting", "minutes", "--format", "pdf", sitting_path,
                   NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o OUT"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  root_dir = root;
  g_test_add_func ("/cli/sitting/new", test_new);
  g_test_add_func ("/cli/sitting/show", test_show);
  g_test_add_func ("/cli/sitting/same-name", test_same_name);
  g_test_add_func ("/cli/sitting/errors", test_errors);
  g_test_add_func ("/cli/sitting/minutes", test_minutes);

  return g_test_run ();
}
