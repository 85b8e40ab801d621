/* test-session-editor-actions.c — actions, the next review and the
 * family's consent, edited undoably, then saved and loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-session-editor-actions.h"
#include "rg-session-xml.h"
#include "rg-test-utils.h"

typedef struct
{
  RgSession       *session;
  RgSessionEditor *editor;
  RgUndoStack     *undo;
  RgPartner       *teacher;
  RgPartner       *educator;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = rg_session_new ();
  rg_session_set_title (f->session, "Revue de situation");
  f->editor = rg_session_editor_new (f->session);
  f->undo = rg_session_editor_get_undo_stack (f->editor);
  f->teacher = rg_session_editor_add_partner (f->editor, "Mme Roussel", "Enseignante", NULL);
  f->educator = rg_session_editor_add_partner (f->editor, "M. Kessler", "Éducateur", NULL);
  rg_undo_stack_clear (f->undo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->session);
}

static guint
n_actions (Fixture *f)
{
  return g_list_model_get_n_items (rg_session_get_actions (f->session));
}

static guint
n_consents (Fixture *f)
{
  return g_list_model_get_n_items (rg_session_get_consents (f->session));
}

static RgSession *
save_and_load (RgSession *session)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  RgSession *loaded = rg_session_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return loaded;
}

static void
test_add_remove_action (Fixture       *f,
                        gconstpointer  data)
{
  RgAction *first = rg_session_editor_add_action (f->editor, "Rencontrer la famille");
  RgAction *second = rg_session_editor_add_action (f->editor, "Bilan orthophonique");
  g_autoptr(RgAction) kept = g_object_ref (first);
  g_autoptr(RgAction) item = NULL;

  g_assert_cmpuint (n_actions (f), ==, 2);
  g_assert_cmpint (rg_action_get_status (first), ==, RG_ACTION_STATUS_PLANNED);
  g_assert_null (rg_action_get_due (first));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Add action");

  rg_session_editor_remove_action (f->editor, first);
  g_assert_cmpuint (n_actions (f), ==, 1);
  g_assert_true (rg_session_find_action (f->session, rg_action_get_id (second)) == second);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Delete action");

  /* Undo puts it back where it was: first */
  g_assert_true (rg_undo_stack_undo (f->undo));
  item = g_list_model_get_item (rg_session_get_actions (f->session), 0);
  g_assert_true (item == kept);

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (n_actions (f), ==, 0);

  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpuint (n_actions (f), ==, 1);
}

static void
test_edit_action (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) loaded = NULL;
  RgAction *action = rg_session_editor_add_action (f->editor, "Rencontrer la famille");
  RgAction *copy;

  rg_session_editor_set_action_what (f->editor, action, "Rencontrer la mère");
  rg_session_editor_set_action_owner (f->editor, action, rg_partner_get_id (f->educator));
  g_assert_true (rg_session_editor_set_action_due (f->editor, action, "2027-01-15", &error));
  g_assert_no_error (error);
  rg_session_editor_set_action_status (f->editor, action, RG_ACTION_STATUS_IN_PROGRESS);

  /* A date that is not one changes nothing */
  g_assert_false (rg_session_editor_set_action_due (f->editor, action, "2027-02-30", &error));
  g_assert_error (error, RG_ACTION_EDIT_ERROR, RG_ACTION_EDIT_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (rg_session_editor_set_action_due (f->editor, action, "15/01/2027", &error));
  g_assert_error (error, RG_ACTION_EDIT_ERROR, RG_ACTION_EDIT_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpstr (rg_action_get_due (action), ==, "2027-01-15");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Change action status");

  loaded = save_and_load (f->session);
  copy = rg_session_find_action (loaded, rg_action_get_id (action));
  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_action_get_what (copy), ==, "Rencontrer la mère");
  g_assert_cmpstr (rg_action_get_owner_id (copy), ==, rg_partner_get_id (f->educator));
  g_assert_cmpstr (rg_action_get_due (copy), ==, "2027-01-15");
  g_assert_cmpint (rg_action_get_status (copy), ==, RG_ACTION_STATUS_IN_PROGRESS);

  /* Each edit is its own step */
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpint (rg_action_get_status (action), ==, RG_ACTION_STATUS_PLANNED);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_action_get_due (action));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_action_get_owner_id (action));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_action_get_what (action), ==, "Rencontrer la famille");

  /* Clearing the due date: "" is no date */
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_true (rg_session_editor_set_action_due (f->editor, action, "", &error));
  g_assert_null (rg_action_get_due (action));
  g_assert_false (rg_undo_stack_get_can_redo (f->undo));
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  RgAction *action = rg_session_editor_add_action (f->editor, "Bilan orthophonique");

  /* No date: never overdue */
  g_assert_false (rg_action_is_overdue (action, "2026-11-25"));

  g_assert_true (rg_session_editor_set_action_due (f->editor, action, "2026-11-24", NULL));
  g_assert_true (rg_action_is_overdue (action, "2026-11-25"));
  /* Due today is not late yet */
  g_assert_false (rg_action_is_overdue (action, "2026-11-24"));
  g_assert_false (rg_action_is_overdue (action, "2026-01-01"));

  rg_session_editor_set_action_status (f->editor, action, RG_ACTION_STATUS_IN_PROGRESS);
  g_assert_true (rg_action_is_overdue (action, "2026-11-25"));
  rg_session_editor_set_action_status (f->editor, action, RG_ACTION_STATUS_DONE);
  g_assert_false (rg_action_is_overdue (action, "2026-11-25"));
  rg_session_editor_set_action_status (f->editor, action, RG_ACTION_STATUS_CANCELLED);
  g_assert_false (rg_action_is_overdue (action, "2026-11-25"));
}

static void
test_next_review (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) loaded = NULL;

  g_assert_true (rg_session_editor_set_next_review (f->editor, "2027-03-02", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rg_session_get_next_review (f->session), ==, "2027-03-02");

  g_assert_false (rg_session_editor_set_next_review (f->editor, "mars", &error));
  g_assert_error (error, RG_ACTION_EDIT_ERROR, RG_ACTION_EDIT_ERROR_INVALID_DATE);
  g_assert_cmpstr (rg_session_get_next_review (f->session), ==, "2027-03-02");

  loaded = save_and_load (f->session);
  g_assert_cmpstr (rg_session_get_next_review (loaded), ==, "2027-03-02");

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_session_get_next_review (f->session));
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_true (rg_session_editor_set_next_review (f->editor, NULL, NULL));
  g_assert_null (rg_session_get_next_review (f->session));
}

static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) loaded = NULL;
  g_autofree char *today = rg_date_new_today ();
  RgConsent *consent = rg_session_editor_add_consent (f->editor, NULL);
  RgConsent *copy;

  g_assert_cmpuint (n_consents (f), ==, 1);
  g_assert_cmpstr (rg_consent_get_date (consent), ==, today);

  rg_session_editor_set_consent_scope (f->editor, consent, "Le bilan scolaire");
  rg_session_editor_set_consent_shared_with (f->editor, consent, "Le médecin scolaire");
  g_assert_true (rg_session_editor_set_consent_date (f->editor, consent, "2026-11-20", &error));
  rg_session_editor_set_consent_recorder (f->editor, consent, rg_partner_get_id (f->teacher));

  /* A consent always has a date, a real one */
  g_assert_false (rg_session_editor_set_consent_date (f->editor, consent, "", &error));
  g_assert_error (error, RG_ACTION_EDIT_ERROR, RG_ACTION_EDIT_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (rg_session_editor_set_consent_date (f->editor, consent, "2026-13-01", &error));
  g_assert_error (error, RG_ACTION_EDIT_ERROR, RG_ACTION_EDIT_ERROR_INVALID_DATE);
  g_assert_cmpstr (rg_consent_get_date (consent), ==, "2026-11-20");

  loaded = save_and_load (f->session);
  copy = rg_session_find_consent (loaded, rg_consent_get_id (consent));
  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_consent_get_scope (copy), ==, "Le bilan scolaire");
  g_assert_cmpstr (rg_consent_get_shared_with (copy), ==, "Le médecin scolaire");
  g_assert_cmpstr (rg_consent_get_date (copy), ==, "2026-11-20");
  g_assert_cmpstr (rg_consent_get_recorded_by_id (copy), ==, rg_partner_get_id (f->teacher));

  rg_session_editor_remove_consent (f->editor, consent);
  g_assert_cmpuint (n_consents (f), ==, 0);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Delete consent");
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (n_consents (f), ==, 1);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_consent_get_recorded_by_id (consent));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_consent_get_date (consent), ==, today);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_consent_get_shared_with (consent));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_consent_get_scope (consent), ==, "");
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (n_consents (f), ==, 0);
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
}

int
main (int   argc,
      char *argv[])
{
  rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/session-editor-actions/action/add-remove", test_add_remove_action);
  ADD ("/session-editor-actions/action/edit", test_edit_action);
  ADD ("/session-editor-actions/action/overdue", test_overdue);
  ADD ("/session-editor-actions/next-review", test_next_review);
  ADD ("/session-editor-actions/consent", test_consent);

  return g_test_run ();
}
