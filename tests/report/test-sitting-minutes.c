/* test-sitting-minutes.c — the minutes of a team sitting, in PDF and
 * ODT: each situation in the order of the agenda with its decisions in
 * order, its criteria agreed and its next review; a situation without a
 * session, or whose session is gone, says so; pseudonymised, no name,
 * code, institution or place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-sitting-minutes.h"
#include "rg-test-pdf.h"
#include "rg-test-utils.h"

typedef struct
{
  GFile     *folder;
  RgSitting *sitting;
} Fixture;

static void
save_session (GFile      *folder,
              const char *name,
              RgSession  *session)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;

  rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static RgPartner *
add_partner (RgSession  *session,
             const char *name,
             const char *profession,
             const char *institution)
{
  g_autoptr(RgPartner) partner = rg_partner_new ();

  rg_partner_set_name (partner, name);
  rg_partner_set_profession (partner, profession);
  rg_partner_set_institution (partner, institution);
  rg_session_add_partner (session, partner);

  return partner;
}

static void
add_action (RgSession      *session,
            const char     *what,
            RgPartner      *owner,
            const char     *owner_name,
            const char     *due,
            RgActionStatus  status)
{
  g_autoptr(RgAction) action = rg_action_new (what);

  if (owner != NULL)
    rg_action_set_owner_id (action, rg_partner_get_id (owner));
  else
    rg_action_set_owner_name (action, owner_name);
  rg_action_set_due (action, due);
  rg_action_set_status (action, status);
  rg_session_add_action (session, action);
}

static void
add_criterion (RgCategory *category,
               const char *text,
               gboolean    agreed,
               gboolean    met)
{
  g_autoptr(RgCriterion) criterion = rg_criterion_new (text);

  rg_criterion_set_agreed (criterion, agreed);
  rg_criterion_set_met (criterion, met);
  rg_category_add_criterion (category, criterion);
}

static RgSittingItem *
add_item (RgSitting  *sitting,
          const char *label,
          const char *code,
          const char *start,
          const char *end,
          const char *session_file)
{
  g_autofree char *situation_id = g_uuid_string_random ();
  g_autofree char *session_id = g_uuid_string_random ();
  g_autoptr(RgSittingItem) item = rg_sitting_item_new (situation_id, label, start, end);

  rg_sitting_item_set_situation_code (item, code);
  if (session_file != NULL)
    {
      rg_sitting_item_set_session_id (item, session_id);
      rg_sitting_item_set_session_file (item, session_file);
    }
  rg_sitting_add_item (sitting, item);

  return item;
}

/*
 * The sitting, "Équipe de soutien de mars", 2027-03-12, Mairie annexe:
 *
 * 14:00–14:30 Élève Alice M., CM1 (S-2026-014), with Mme Martin: two
 *   actions, "Bilan orthophonique" then "Rencontre avec la famille"; a
 *   criterion agreed and met, one agreed, one only proposed; a review.
 * 14:30–15:00 Élève Bruno K., 6e: one action, owned by Mme Durand from
 *   outside the team; no criteria, no review.
 * 15:00–15:30 Élève Chloé R., CE2: not prepared.
 * 15:30–16:00 Élève David L., CP: its session file is gone.
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("minutes-XXXXXX", &error);
  g_autoptr(RgSession) a = rg_session_new ();
  g_autoptr(RgSession) b = rg_session_new ();
  g_autoptr(RgCategory) school = rg_category_new ("Scolarité");
  RgSittingItem *item;
  RgPartner *martin;
  RgPartner *benali;

  g_assert_no_error (error);
  fixture->folder = g_file_new_for_path (path);

  rg_session_set_title (a, "Suivi");
  rg_session_set_situation_label (a, "Élève Alice M., CM1");
  rg_session_set_situation_code (a, "S-2026-014");
  rg_session_set_next_review (a, "2027-06-11");
  martin = add_partner (a, "Mme Martin", "Enseignante", "École Jules Ferry");
  benali = add_partner (a, "M. Benali", "Éducateur", "Maison des Solidarités");
  add_action (a, "Bilan orthophonique", martin, NULL, "2027-04-01", RG_ACTION_STATUS_PLANNED);
  add_action (a, "Rencontre avec la famille", benali, NULL, "2027-03-20", RG_ACTION_STATUS_DONE);
  add_criterion (school, "Vient chaque matin", TRUE, TRUE);
  add_criterion (school, "Fait ses devoirs", TRUE, FALSE);
  add_criterion (school, "Lit seul", FALSE, FALSE);
  rg_session_add_category (a, school);
  save_session (fixture->folder, "alice.regards", a);

  rg_session_set_title (b, "Suivi");
  rg_session_set_situation_label (b, "Élève Bruno K., 6e");
  add_partner (b, "Mme Roussel", "Assistante sociale", "CCAS");
  add_action (b, "Inscription au club de lecture", NULL, "Mme Durand", NULL,
              RG_ACTION_STATUS_IN_PROGRESS);
  save_session (fixture->folder, "bruno.regards", b);

  fixture->sitting = rg_sitting_new ();
  rg_sitting_set_title (fixture->sitting, "Équipe de soutien de mars");
  rg_sitting_set_date (fixture->sitting, "2027-03-12");
  rg_sitting_set_place (fixture->sitting, "Mairie annexe");
  item = add_item (fixture->sitting, "Élève Alice M., CM1", "S-2026-014", "14:00", "14:30",
                   "alice.regards");
  {
    g_autoptr(RgSittingInvitee) invitee = rg_sitting_invitee_new ("Mme Martin");

    rg_sitting_invitee_set_profession (invitee, "Enseignante");
    rg_sitting_invitee_set_institution (invitee, "École Jules Ferry");
    rg_sitting_item_add_invitee (item, invitee);
  }
  add_item (fixture->sitting, "Élève Bruno K., 6e", NULL, "14:30", "15:00", "bruno.regards");
  add_item (fixture->sitting, "Élève Chloé R., CE2", NULL, "15:00", "15:30", NULL);
  add_item (fixture->sitting, "Élève David L., CP", NULL, "15:30", "16:00", "david.regards");
}

static void
remove_all (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, "standard::name",
                                                                   G_FILE_QUERY_INFO_NONE,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (folder, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_all (fixture->folder);
  g_clear_object (&fixture->folder);
  g_assert_finalize_object (fixture->sitting);
}

/* The minutes written as @format, read back as flat text */
static char *
write_and_read (Fixture               *fixture,
                RgSittingMinutesFlags  flags,
                RgExportFormat         format)
{
  g_autoptr(GFile) output = g_file_get_child (fixture->folder, format == RG_EXPORT_FORMAT_PDF
                                                               ? "minutes.pdf" : "minutes.odt");
  g_autofree char *path = g_file_get_path (output);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (rg_sitting_minutes_write (fixture->sitting, fixture->folder, flags, format,
                                           output, NULL, &error));
  g_assert_no_error (error);

  /* As private as the sessions it comes from */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }

  if (format == RG_EXPORT_FORMAT_PDF)
    {
      /* Line by line: a table reads row by row */
      text = rg_test_pdf_to_text (path, "-layout");
    }
  else
    {
      g_autofree char *contents = NULL;
      GsfInput *input;
      GsfInfile *zip;
      GsfInput *content;
      gsize length;
      xmlDocPtr doc;
      xmlChar *all;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      input = gsf_input_memory_new ((const guint8 *) contents, length, FALSE);
      zip = gsf_infile_zip_new (input, &error);
      g_assert_no_error (error);
      content = gsf_infile_child_by_name (zip, "content.xml");
      g_assert_nonnull (content);
      doc = xmlReadMemory ((const char *) gsf_input_read (content, gsf_input_size (content), NULL),
                           gsf_input_size (content), "content.xml", NULL, XML_PARSE_NONET);
      g_assert_nonnull (doc);
      all = xmlNodeGetContent (xmlDocGetRootElement (doc));
      text = g_strdup ((const char *) all);
      xmlFree (all);
      g_object_unref (content);
      g_object_unref (zip);
      g_object_unref (input);
      xmlFreeDoc (doc);
    }

  return rg_test_flatten (text);
}

/* Fails unless each of @expected is in @text, each after the one
 * before it */
static void
assert_in_order (const char         *text,
                 const char * const *expected)
{
  const char *from = text;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *found = strstr (from, expected[i]);

      if (found == NULL)
        g_error ("The minutes lack “%s” after “%s”:\n%s", expected[i],
                 i > 0 ? expected[i - 1] : "the start", text);
      from = found + strlen (expected[i]);
    }
}

static void
assert_lacks (const char         *text,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strstr (text, names[i]) != NULL)
      g_error ("The pseudonymised minutes name “%s”:\n%s", names[i], text);
}

static void
check_minutes (Fixture        *fixture,
               RgExportFormat  format)
{
  g_autofree char *text = write_and_read (fixture, RG_SITTING_MINUTES_NONE, format);
  const char * const expected[] = {
    "Équipe de soutien de mars",
    "Mairie annexe",
    "Support team",
    "14:00 – 16:00",
    "Élève Alice M., CM1",
    "14:00 – 14:30",
    "S-2026-014",
    "Mme Martin (Enseignante)",
    "Decisions",
    "Bilan orthophonique", "Mme Martin", "Planned",
    "Rencontre avec la famille", "M. Benali", "Done",
    "Success criteria agreed",
    "Vient chaque matin (met)",
    "Fait ses devoirs",
    "Next review",
    "Élève Bruno K., 6e",
    "14:30 – 15:00",
    "Inscription au club de lecture", "Mme Durand", "In progress",
    "No success criteria agreed.",
    "No date set.",
    "Élève Chloé R., CE2",
    "No session was prepared for this situation.",
    "Élève David L., CP",
    "The session of this situation could not be read",
    NULL
  };

  assert_in_order (text, expected);
  /* Only what the team agreed */
  g_assert_null (strstr (text, "Lit seul"));
}

static void
test_minutes_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  check_minutes (fixture, RG_EXPORT_FORMAT_PDF);
}

static void
test_minutes_odt (Fixture       *fixture,
                  gconstpointer  data)
{
  check_minutes (fixture, RG_EXPORT_FORMAT_ODT);
}

static void
check_pseudonymised (Fixture        *fixture,
                     RgExportFormat  format)
{
  g_autofree char *text = write_and_read (fixture, RG_SITTING_MINUTES_PSEUDONYMISE, format);
  const char * const expected[] = {
    "Support team",
    "Situation 1",
    "Bilan orthophonique", "Enseignante", "Planned",
    "Rencontre avec la famille", "Éducateur", "Done",
    "Vient chaque matin (met)",
    "Situation 2",
    "Inscription au club de lecture",
    "Situation 3",
    "No session was prepared for this situation.",
    "Situation 4",
    NULL
  };
  const char * const names[] = {
    "Martin", "Benali", "Roussel", "Durand",
    "Alice", "Bruno", "Chloé", "David", "Élève",
    "S-2026-014", "Jules Ferry", "Solidarités", "CCAS",
    "Mairie", "Équipe de soutien de mars",
    NULL
  };

  assert_in_order (text, expected);
  assert_lacks (text, names);
}

static void
test_minutes_pdf_pseudonymised (Fixture       *fixture,
                                gconstpointer  data)
{
  check_pseudonymised (fixture, RG_EXPORT_FORMAT_PDF);
}

static void
test_minutes_odt_pseudonymised (Fixture       *fixture,
                                gconstpointer  data)
{
  check_pseudonymised (fixture, RG_EXPORT_FORMAT_ODT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sitting-minutes/pdf", Fixture, NULL,
              fixture_set_up, test_minutes_pdf, fixture_tear_down);
  g_test_add ("/sitting-minutes/odt", Fixture, NULL,
              fixture_set_up, test_minutes_odt, fixture_tear_down);
  g_test_add ("/sitting-minutes/pdf-pseudonymised", Fixture, NULL,
              fixture_set_up, test_minutes_pdf_pseudonymised, fixture_tear_down);
  g_test_add ("/sitting-minutes/odt-pseudonymised", Fixture, NULL,
              fixture_set_up, test_minutes_odt_pseudonymised, fixture_tear_down);

  return g_test_run ();
}
