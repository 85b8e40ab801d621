/* test-follow-up.c — the next session about the same situation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "rg-document.h"
#include "rg-follow-up.h"
#include "rg-session.h"
#include "rg-test-utils.h"

static char *test_root;

/* A held session with everything a meeting leaves behind. */
static RgSession *
make_previous (void)
{
  RgSession *session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autoptr(RgDimension) health = rg_dimension_new ();
  g_autoptr(RgStatement) s1 = NULL;
  g_autoptr(RgStatement) s2 = NULL;
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(RgTerm) term = rg_term_new ("décrochage");
  g_autoptr(RgAction) action = rg_action_new ("Rencontre avec la famille");
  const char *names[] = { "Adam", NULL };
  const char *members[3];

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_date (session, "2024-03-12");
  rg_session_set_status (session, RG_SESSION_STATUS_HELD);
  rg_session_set_place (session, "École Jules Ferry");
  rg_session_set_facilitator (session, "M. Leroy");
  rg_session_set_situation_label (session, "Élève A., CM1");
  rg_session_set_situation_code (session, "PRE-2024-017");
  rg_session_set_person_names (session, names);

  rg_partner_set_name (teacher, "Mme Roussel");
  rg_partner_set_profession (teacher, "Enseignante");
  rg_partner_set_institution (teacher, "École Jules Ferry");
  rg_partner_set_colour (teacher, "#3584e4");
  rg_partner_set_name (mother, "Mme Benali");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_session_add_partner (session, teacher);
  rg_session_add_partner (session, mother);

  rg_dimension_set_name (school, "Scolarité");
  rg_dimension_set_synthesis (school, "Un décrochage qui commence.");
  rg_dimension_set_name (health, "Santé");
  rg_session_add_dimension (session, school);
  rg_session_add_dimension (session, health);

  s1 = rg_statement_new (rg_partner_get_id (teacher), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_FACT, "Absent deux jours par semaine");
  s2 = rg_statement_new (rg_partner_get_id (mother), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_INTERPRETATION, "Il a peur d'un camarade");
  rg_session_add_statement (session, s1);
  rg_session_add_statement (session, s2);
  members[0] = rg_statement_get_id (s1);
  members[1] = rg_statement_get_id (s2);
  members[2] = NULL;
  rg_link_set_members (link, members);
  rg_session_add_link (session, link);
  rg_session_add_term (session, term);
  rg_session_add_action (session, action);

  return session;
}

static void
test_follow_up_carries_situation (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autofree char *today = rg_date_new_today ();
  GListModel *partners = rg_session_get_partners (next);
  GListModel *dimensions = rg_session_get_dimensions (next);

  g_assert_true (RG_IS_SESSION (next));
  g_assert_true (next != previous);
  g_assert_cmpstr (rg_session_get_id (next), !=, rg_session_get_id (previous));

  g_assert_cmpstr (rg_session_get_title (next), ==, "Follow-up — Revue de situation");
  g_assert_cmpstr (rg_session_get_date (next), ==, today);
  g_assert_cmpint (rg_session_get_status (next), ==, RG_SESSION_STATUS_PREPARING);
  g_assert_cmpint (rg_session_get_kind (next), ==, RG_SESSION_KIND_SESSION);

  g_assert_cmpstr (rg_session_get_situation_id (next), ==, rg_session_get_situation_id (previous));
  g_assert_cmpstr (rg_session_get_situation_label (next), ==, "Élève A., CM1");
  g_assert_cmpstr (rg_session_get_situation_code (next), ==, "PRE-2024-017");
  g_assert_cmpstrv (rg_session_get_person_names (next), ((const char *[]) { "Adam", NULL }));
  g_assert_cmpstr (rg_session_get_place (next), ==, "École Jules Ferry");
  g_assert_cmpstr (rg_session_get_facilitator (next), ==, "M. Leroy");

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RgPartner) old = g_list_model_get_item (rg_session_get_partners (previous), i);
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      /* Copies, not the same objects: editing one session never
       * changes the other. */
      g_assert_true (partner != old);
      g_assert_cmpstr (rg_partner_get_id (partner), ==, rg_partner_get_id (old));
      g_assert_cmpstr (rg_partner_get_name (partner), ==, rg_partner_get_name (old));
      g_assert_cmpstr (rg_partner_get_profession (partner), ==, rg_partner_get_profession (old));
      g_assert_cmpstr (rg_partner_get_institution (partner), ==, rg_partner_get_institution (old));
      g_assert_cmpstr (rg_partner_get_colour (partner), ==, rg_partner_get_colour (old));
      g_assert_cmpint (rg_partner_get_role (partner), ==, rg_partner_get_role (old));
    }

  g_assert_cmpuint (g_list_model_get_n_items (dimensions), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RgDimension) old = g_list_model_get_item (rg_session_get_dimensions (previous), i);
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      g_assert_true (dimension != old);
      g_assert_cmpstr (rg_dimension_get_id (dimension), ==, rg_dimension_get_id (old));
      g_assert_cmpstr (rg_dimension_get_name (dimension), ==, rg_dimension_get_name (old));
      g_assert_null (rg_dimension_get_synthesis (dimension));
    }
}

static void
test_follow_up_starts_blank (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autoptr(RgPartner) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (next)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (next)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_terms (next)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_actions (next)), ==, 0);

  /* The previous session is left as it was. */
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (previous)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (previous)), ==, 1);
  g_assert_cmpstr (rg_session_get_title (previous), ==, "Revue de situation");

  first = g_list_model_get_item (rg_session_get_partners (next), 0);
  rg_partner_set_name (first, "Mme Roussel-Martin");
  g_clear_object (&first);
  first = g_list_model_get_item (rg_session_get_partners (previous), 0);
  g_assert_cmpstr (rg_partner_get_name (first), ==, "Mme Roussel");
}

static void
test_follow_up_untitled (void)
{
  g_autoptr(RgSession) previous = rg_session_new ();
  g_autoptr(RgSession) next = NULL;

  rg_session_set_title (previous, "");
  next = rg_session_new_follow_up (previous);
  g_assert_cmpstr (rg_session_get_title (next), ==, "Follow-up Session");
  g_assert_cmpstr (rg_session_get_situation_id (next), ==, rg_session_get_situation_id (previous));
}

/* What the library window does: load, follow up, save; the file reads
 * back as the same situation. */
static void
test_follow_up_saved (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autofree char *path = g_build_filename (test_root, "revue.regards", NULL);
  g_autofree char *next_path = g_build_filename (test_root, "suivi.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) next_file = g_file_new_for_path (next_path);
  g_autoptr(RgDocument) document = rg_document_new (previous, file);
  g_autoptr(RgDocument) loaded = NULL;
  g_autoptr(RgDocument) next_document = NULL;
  g_autoptr(RgDocument) reloaded = NULL;
  g_autoptr(RgSession) next = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  loaded = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  next = rg_session_new_follow_up (rg_document_get_session (loaded));
  next_document = rg_document_new (next, next_file);
  g_assert_true (rg_document_save (next_document, NULL, &error));
  g_assert_no_error (error);

  reloaded = rg_document_new_from_file (next_file, NULL, &error);
  g_assert_no_error (error);
  session = rg_document_get_session (reloaded);
  g_assert_cmpstr (rg_session_get_situation_id (session), ==,
                   rg_session_get_situation_id (previous));
  g_assert_cmpstr (rg_session_get_title (session), ==, "Follow-up — Revue de situation");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_dimensions (session)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (session)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/carries-situation", test_follow_up_carries_situation);
  g_test_add_func ("/follow-up/starts-blank", test_follow_up_starts_blank);
  g_test_add_func ("/follow-up/untitled", test_follow_up_untitled);
  g_test_add_func ("/follow-up/saved", test_follow_up_saved);

  return g_test_run ();
}
