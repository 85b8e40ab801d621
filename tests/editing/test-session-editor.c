/* test-session-editor.c — undoable edits of a session, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-session-editor.h"
#include "rg-test-utils.h"

typedef struct
{
  RgSession       *session;
  RgSessionEditor *editor;
  RgUndoStack     *undo;
  RgPartner       *teacher;
  RgPartner       *mother;
  RgDimension     *school;
  RgDimension     *health;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = rg_session_new ();
  f->editor = rg_session_editor_new (f->session);
  f->undo = rg_session_editor_get_undo_stack (f->editor);
  f->teacher = rg_session_editor_add_partner (f->editor, "Mme Roussel", "Enseignante", "École");
  f->mother = rg_session_editor_add_partner (f->editor, "Mme Benali", NULL, NULL);
  f->school = rg_session_editor_add_dimension (f->editor, "Scolarité");
  f->health = rg_session_editor_add_dimension (f->editor, "Santé");
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
count (Fixture     *f,
       RgPartner   *partner,
       RgDimension *dimension)
{
  return rg_session_editor_count_statements (f->editor, rg_partner_get_id (partner),
                                             rg_dimension_get_id (dimension));
}

static char *
cell_texts (Fixture     *f,
            RgPartner   *partner,
            RgDimension *dimension)
{
  g_autoptr(GPtrArray) cell = rg_session_editor_list_cell (f->editor, rg_partner_get_id (partner),
                                                          rg_dimension_get_id (dimension));
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < cell->len; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "",
                            rg_statement_get_text (g_ptr_array_index (cell, i)));

  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_cell(f, p, d, expected) \
  G_STMT_START { g_autofree char *_t = cell_texts (f, p, d); g_assert_cmpstr (_t, ==, expected); } G_STMT_END

static void
test_partners_get_distinct_colours (Fixture       *f,
                                    gconstpointer  data)
{
  g_assert_cmpstr (rg_partner_get_colour (f->teacher), !=, rg_partner_get_colour (f->mother));
}

static void
test_add_statement (Fixture       *f,
                    gconstpointer  data)
{
  RgStatement *a, *c;

  a = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL,
                                       RG_STATEMENT_KIND_FACT, "a");
  rg_session_editor_add_statement (f->editor, f->mother, f->school, NULL,
                                   RG_STATEMENT_KIND_FACT, "other");
  c = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL,
                                       RG_STATEMENT_KIND_DIFFICULTY, "c");
  /* "after" puts it right after, in the same cell. */
  rg_session_editor_add_statement (f->editor, f->teacher, f->school, a,
                                   RG_STATEMENT_KIND_FACT, "b");
  assert_cell (f, f->teacher, f->school, "a|b|c");
  g_assert_cmpint (rg_statement_get_kind (c), ==, RG_STATEMENT_KIND_DIFFICULTY);

  g_assert_true (rg_undo_stack_undo (f->undo));
  assert_cell (f, f->teacher, f->school, "a|c");
  g_assert_true (rg_undo_stack_redo (f->undo));
  assert_cell (f, f->teacher, f->school, "a|b|c");
  assert_cell (f, f->mother, f->school, "other");
}

/* A statement written elsewhere keeps its id, and goes last in its cell. */
static void
test_insert_statement (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RgStatement) written = rg_statement_new (rg_partner_get_id (f->teacher),
                                                     rg_dimension_get_id (f->school),
                                                     RG_STATEMENT_KIND_FACT, "c");
  g_autofree char *id = g_strdup (rg_statement_get_id (written));

  rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "a");
  rg_session_editor_add_statement (f->editor, f->mother, f->school, NULL, RG_STATEMENT_KIND_FACT, "x");
  rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "b");
  rg_session_editor_add_statement (f->editor, f->mother, f->health, NULL, RG_STATEMENT_KIND_FACT, "y");

  rg_session_editor_insert_statement (f->editor, written);
  assert_cell (f, f->teacher, f->school, "a|b|c");
  g_assert_true (rg_session_find_statement (f->session, id) == written);
  g_assert_cmpuint (rg_list_model_find (rg_session_get_statements (f->session), written), ==, 2);

  g_assert_true (rg_undo_stack_undo (f->undo));
  assert_cell (f, f->teacher, f->school, "a|b");
  g_assert_null (rg_session_find_statement (f->session, id));
  g_assert_true (rg_undo_stack_redo (f->undo));
  assert_cell (f, f->teacher, f->school, "a|b|c");
}

static void
test_edit_text_undo (Fixture       *f,
                     gconstpointer  data)
{
  RgStatement *s = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL,
                                                    RG_STATEMENT_KIND_FACT, "");

  rg_session_editor_set (f->editor, "Edit", s, "text", "Fatigué le lundi");
  g_assert_cmpstr (rg_statement_get_text (s), ==, "Fatigué le lundi");
  rg_session_editor_set (f->editor, "Edit", s, "kind", RG_STATEMENT_KIND_INTERPRETATION);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpint (rg_statement_get_kind (s), ==, RG_STATEMENT_KIND_FACT);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_statement_get_text (s), ==, "");
}

static void
test_remove_statement_restores_links (Fixture       *f,
                                      gconstpointer  data)
{
  RgStatement *a, *b, *c;
  g_autoptr(RgLink) pair = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(RgLink) trio = rg_link_new (RG_LINK_TYPE_AGREEMENT);
  GListModel *links = rg_session_get_links (f->session);

  a = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "a");
  b = rg_session_editor_add_statement (f->editor, f->mother, f->school, NULL, RG_STATEMENT_KIND_FACT, "b");
  c = rg_session_editor_add_statement (f->editor, f->mother, f->health, NULL, RG_STATEMENT_KIND_FACT, "c");
  rg_link_set_members (pair, (const char *[]) { rg_statement_get_id (a), rg_statement_get_id (b), NULL });
  rg_link_set_members (trio, (const char *[]) { rg_statement_get_id (a), rg_statement_get_id (b),
                                                rg_statement_get_id (c), NULL });
  rg_session_add_link (f->session, pair);
  rg_session_add_link (f->session, trio);

  g_object_ref (a);
  rg_session_editor_remove_statement (f->editor, a);
  g_assert_cmpuint (count (f, f->teacher, f->school), ==, 0);
  /* The pair is left with one statement: gone. The trio keeps two. */
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_assert_cmpuint (rg_link_get_n_members (trio), ==, 2);

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (count (f, f->teacher, f->school), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);
  g_assert_true (g_list_model_get_item (links, 0) == (gpointer) pair);
  g_object_unref (pair);
  g_assert_cmpuint (rg_link_get_n_members (pair), ==, 2);
  g_assert_cmpuint (rg_link_get_n_members (trio), ==, 3);
  g_assert_cmpstr (rg_link_get_members (trio)[0], ==, rg_statement_get_id (a));

  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_object_unref (a);
}

static void
test_reorder_and_move (Fixture       *f,
                       gconstpointer  data)
{
  RgStatement *a, *b;

  a = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "a");
  rg_session_editor_add_statement (f->editor, f->mother, f->school, NULL, RG_STATEMENT_KIND_FACT, "x");
  b = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "b");
  rg_session_editor_add_statement (f->editor, f->teacher, f->health, NULL, RG_STATEMENT_KIND_FACT, "h");

  g_assert_false (rg_session_editor_reorder_statement (f->editor, a, -1));
  g_assert_false (rg_session_editor_reorder_statement (f->editor, b, 1));
  g_assert_true (rg_session_editor_reorder_statement (f->editor, b, -1));
  assert_cell (f, f->teacher, f->school, "b|a");
  g_assert_true (rg_undo_stack_undo (f->undo));
  assert_cell (f, f->teacher, f->school, "a|b");

  g_assert_false (rg_session_editor_move_statement_to (f->editor, a, f->school));
  g_assert_true (rg_session_editor_move_statement_to (f->editor, a, f->health));
  assert_cell (f, f->teacher, f->school, "b");
  assert_cell (f, f->teacher, f->health, "h|a");
  g_assert_cmpstr (rg_statement_get_dimension_id (a), ==, rg_dimension_get_id (f->health));
  g_assert_true (rg_undo_stack_undo (f->undo));
  assert_cell (f, f->teacher, f->school, "a|b");
  assert_cell (f, f->teacher, f->health, "h");
  assert_cell (f, f->mother, f->school, "x");
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count_)
{
  (*count_)++;
}

static void
test_move_tells_the_list (Fixture       *f,
                          gconstpointer  data)
{
  RgStatement *last;
  guint changes = 0;

  rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "a");
  last = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "b");
  g_signal_connect (rg_session_get_statements (f->session), "items-changed",
                    G_CALLBACK (on_items_changed), &changes);

  /* The last statement of the list stays last: lists that filter by
   * cell must still hear that it changed cell. */
  g_assert_true (rg_session_editor_move_statement_to (f->editor, last, f->health));
  g_assert_cmpuint (changes, >, 0);
  assert_cell (f, f->teacher, f->health, "b");
}

static void
test_remove_partner (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RgTerm) term = rg_term_new ("décrochage");
  g_autoptr(RgCategory) category = rg_category_new ("Pour l'enfant");
  g_autoptr(RgCriterion) criterion = rg_criterion_new ("Lit seul");
  g_autoptr(RgAction) action = rg_action_new ("Appeler l'orthophoniste");
  g_autoptr(RgConsent) consent = rg_consent_new ("Bilan partagé");
  GListModel *partners = rg_session_get_partners (f->session);
  const char *id = rg_partner_get_id (f->teacher);

  rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "a");
  rg_session_editor_add_statement (f->editor, f->mother, f->school, NULL, RG_STATEMENT_KIND_FACT, "b");
  rg_session_editor_add_statement (f->editor, f->teacher, f->health, NULL, RG_STATEMENT_KIND_FACT, "c");
  rg_term_set_meaning (term, id, "Ne vient plus");
  rg_term_set_meaning (term, rg_partner_get_id (f->mother), "Fatigue");
  rg_session_add_term (f->session, term);
  rg_criterion_set_proposed_by (criterion, (const char *[]) { id, rg_partner_get_id (f->mother), NULL });
  rg_category_add_criterion (category, criterion);
  rg_session_add_category (f->session, category);
  rg_action_set_owner_id (action, id);
  rg_session_add_action (f->session, action);
  rg_consent_set_recorded_by_id (consent, id);
  rg_session_add_consent (f->session, consent);
  rg_undo_stack_clear (f->undo);

  g_object_ref (f->teacher);
  rg_session_editor_remove_partner (f->editor, f->teacher);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (f->session)), ==, 1);
  g_assert_null (rg_term_get_meaning (term, id));
  g_assert_cmpuint (g_strv_length ((char **) rg_criterion_get_proposed_by (criterion)), ==, 1);
  g_assert_null (rg_action_get_owner_id (action));
  g_assert_null (rg_consent_get_recorded_by_id (consent));

  /* One step brings everything back. */
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  g_assert_true (rg_session_find_partner (f->session, id) == f->teacher);
  assert_cell (f, f->teacher, f->school, "a");
  assert_cell (f, f->teacher, f->health, "c");
  g_assert_cmpstr (rg_term_get_meaning (term, id), ==, "Ne vient plus");
  g_assert_true (g_strv_contains (rg_criterion_get_proposed_by (criterion), id));
  g_assert_cmpstr (rg_action_get_owner_id (action), ==, id);
  g_assert_cmpstr (rg_consent_get_recorded_by_id (consent), ==, id);
  g_object_unref (f->teacher);
}

static void
test_remove_and_move_dimension (Fixture       *f,
                                gconstpointer  data)
{
  GListModel *dimensions = rg_session_get_dimensions (f->session);

  rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL, RG_STATEMENT_KIND_FACT, "a");
  rg_session_editor_add_statement (f->editor, f->mother, f->health, NULL, RG_STATEMENT_KIND_FACT, "b");

  g_assert_true (rg_session_editor_move_dimension (f->editor, f->health, -1));
  g_assert_true (g_list_model_get_item (dimensions, 0) == (gpointer) f->health);
  g_object_unref (f->health);
  g_assert_false (rg_session_editor_move_dimension (f->editor, f->health, -1));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_true (g_list_model_get_item (dimensions, 0) == (gpointer) f->school);
  g_object_unref (f->school);

  g_object_ref (f->school);
  rg_session_editor_remove_dimension (f->editor, f->school);
  g_assert_cmpuint (g_list_model_get_n_items (dimensions), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (f->session)), ==, 1);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (g_list_model_get_n_items (dimensions), ==, 2);
  assert_cell (f, f->teacher, f->school, "a");
  g_object_unref (f->school);

  g_assert_true (rg_session_editor_move_partner (f->editor, f->mother, -1));
  g_assert_false (rg_session_editor_move_partner (f->editor, f->mother, -1));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/session-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("partner-colours", test_partners_get_distinct_colours);
  ADD ("add-statement", test_add_statement);
  ADD ("insert-statement", test_insert_statement);
  ADD ("edit-text", test_edit_text_undo);
  ADD ("remove-statement-restores-links", test_remove_statement_restores_links);
  ADD ("reorder-and-move", test_reorder_and_move);
  ADD ("move-tells-the-list", test_move_tells_the_list);
  ADD ("remove-partner", test_remove_partner);
  ADD ("remove-and-move-dimension", test_remove_and_move_dimension);
#undef ADD

  return g_test_run ();
}
