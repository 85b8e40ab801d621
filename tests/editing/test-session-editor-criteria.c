/* test-session-editor-criteria.c — undoable edits of the success criteria
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-session-editor-criteria.h"
#include "rg-session-xml.h"
#include "rg-test-utils.h"

static RgCategory *
category_at (RgSession *session,
             guint      position)
{
  g_autoptr(RgCategory) category = g_list_model_get_item (rg_session_get_categories (session),
                                                          position);

  return category;
}

static guint
n_categories (RgSession *session)
{
  return g_list_model_get_n_items (rg_session_get_categories (session));
}

static guint
n_criteria (RgCategory *category)
{
  return g_list_model_get_n_items (rg_category_get_criteria (category));
}

static void
test_categories (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (session);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);
  RgCategory *child, *extra;

  /* The four usual ones, in one step */
  rg_session_editor_add_default_categories (editor);
  g_assert_cmpuint (n_categories (session), ==, 4);
  g_assert_cmpstr (rg_category_get_name (category_at (session, 0)), ==, "For the child");
  g_assert_cmpstr (rg_category_get_name (category_at (session, 3)), ==, "For the partnership");
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_cmpuint (n_categories (session), ==, 0);
  g_assert_true (rg_undo_stack_redo (undo));
  g_assert_cmpuint (n_categories (session), ==, 4);
  child = category_at (session, 0);

  extra = rg_session_editor_add_category (editor, "Pour le quartier");
  g_assert_true (category_at (session, 4) == extra);
  rg_session_editor_rename_category (editor, extra, "  Pour le club de foot ");
  g_assert_cmpstr (rg_category_get_name (extra), ==, "Pour le club de foot");
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_cmpstr (rg_category_get_name (extra), ==, "Pour le quartier");

  /* Moving keeps the criteria; the ends do not move further. */
  rg_session_editor_add_criterion (editor, child, "Il lit mieux");
  g_assert_false (rg_session_editor_move_category (editor, child, -1));
  g_assert_true (rg_session_editor_move_category (editor, child, 1));
  g_assert_true (category_at (session, 1) == child);
  g_assert_true (rg_session_editor_move_category (editor, child, 3));
  g_assert_true (category_at (session, 4) == child);
  g_assert_false (rg_session_editor_move_category (editor, child, 1));
  g_assert_cmpuint (n_criteria (child), ==, 1);
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_true (category_at (session, 1) == child);
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_true (category_at (session, 0) == child);
  g_assert_true (rg_session_find_category (session, rg_category_get_id (child)) == child);

  /* Removing takes its criteria with it; undo puts both back in place. */
  g_object_ref (child);
  rg_session_editor_remove_category (editor, child);
  g_assert_cmpuint (n_categories (session), ==, 4);
  g_assert_null (rg_session_find_category (session, rg_category_get_id (child)));
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_true (category_at (session, 0) == child);
  g_assert_cmpuint (n_criteria (child), ==, 1);
  g_object_unref (child);
}

static void
test_criteria (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (session);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);
  RgCategory *category = rg_session_editor_add_category (editor, "Pour l'enfant");
  RgCriterion *first, *second;
  RgPartner *teacher = rg_session_editor_add_partner (editor, "Mme Roussel", NULL, NULL);
  RgPartner *mother = rg_session_editor_add_partner (editor, "Mme Benali", NULL, NULL);
  const char *partners[] = { rg_partner_get_id (teacher), rg_partner_get_id (mother), NULL };
  const char * const *ids;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgSession) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  RgCategory *found = NULL;
  RgCriterion *copy;

  first = rg_session_editor_add_criterion (editor, category, "Il lit");
  second = rg_session_editor_add_criterion (editor, category, NULL);
  g_assert_cmpuint (n_criteria (category), ==, 2);
  g_assert_cmpstr (rg_criterion_get_text (second), ==, "");

  rg_session_editor_set_criterion_text (editor, second, " Il arrive à l'heure ");
  g_assert_cmpstr (rg_criterion_get_text (second), ==, "Il arrive à l'heure");

  rg_session_editor_set_criterion_indicators (editor, second,
                                              "Moins de deux retards\n\n  Plus d'absence le lundi \n");
  ids = rg_criterion_get_indicators (second);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_cmpstr (ids[1], ==, "Plus d'absence le lundi");
  /* The same lines again are no step at all. */
  rg_session_editor_set_criterion_indicators (editor, second, "Moins de deux retards\nPlus d'absence le lundi");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (undo), ==, "Edit indicators");

  rg_session_editor_set_criterion_proposed (editor, second, partners[0], TRUE);
  rg_session_editor_set_criterion_proposed (editor, second, partners[1], TRUE);
  rg_session_editor_set_criterion_proposed (editor, second, partners[1], TRUE);
  ids = rg_criterion_get_proposed_by (second);
  g_assert_true (g_strv_equal (ids, partners));
  rg_session_editor_set_criterion_proposed (editor, second, partners[0], FALSE);
  ids = rg_criterion_get_proposed_by (second);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, rg_partner_get_id (mother));
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_true (g_strv_equal (rg_criterion_get_proposed_by (second), partners));

  rg_session_editor_set_criterion_agreed (editor, second, TRUE);
  g_assert_true (rg_criterion_get_agreed (second));
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_false (rg_criterion_get_agreed (second));
  g_assert_true (rg_undo_stack_redo (undo));

  rg_session_editor_set_criterion_met (editor, second, TRUE);
  g_assert_true (rg_criterion_get_met (second));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (undo), ==, "Mark criterion met");
  /* Already met: no second step */
  rg_session_editor_set_criterion_met (editor, second, TRUE);
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_false (rg_criterion_get_met (second));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (undo), ==, "Mark criterion agreed");
  g_assert_true (rg_undo_stack_redo (undo));

  /* Written and read back, everything is there. */
  bytes = rg_session_to_bytes (session);
  reloaded = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  copy = rg_session_find_criterion (reloaded, rg_criterion_get_id (second), &found);
  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_category_get_name (found), ==, "Pour l'enfant");
  g_assert_cmpstr (rg_criterion_get_text (copy), ==, "Il arrive à l'heure");
  g_assert_true (rg_criterion_get_agreed (copy));
  g_assert_true (rg_criterion_get_met (copy));
  g_assert_cmpuint (g_strv_length ((char **) rg_criterion_get_indicators (copy)), ==, 2);

  /* Delete the first; undo puts it back first. */
  g_object_ref (first);
  rg_session_editor_remove_criterion (editor, first);
  g_assert_cmpuint (n_criteria (category), ==, 1);
  g_assert_null (rg_session_find_criterion (session, rg_criterion_get_id (first), NULL));
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_cmpuint (n_criteria (category), ==, 2);
  {
    g_autoptr(RgCriterion) back = g_list_model_get_item (rg_category_get_criteria (category), 0);

    g_assert_true (back == first);
  }
  g_object_unref (first);

  /* And the added ones go away with undo. */
  while (rg_undo_stack_undo (undo))
    ;
  g_assert_cmpuint (n_categories (session), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-editor-criteria/categories", test_categories);
  g_test_add_func ("/session-editor-criteria/criteria", test_criteria);

  return g_test_run ();
}
