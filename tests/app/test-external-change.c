/* test-external-change.c — another program changes the file of an open
 * session, under Xvfb
 *
 * A sync engine, regards-cli or Regards on another computer replaces
 * the session file while it is open and being typed into. The window
 * takes the other version in, in place, with the editor still open, and
 * writes both versions' work to the file; what both changed differently
 * waits for a choice, which can be undone. Nothing goes to a copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rg-application.h"
#include "rg-diagnosis-view.h"
#include "rg-document.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_dir;

/* {{{ The other program */

/* Changes the text of the @index-th statement of the session in @file,
 * as another copy of Regards does: read, change, write atomically. */
static void
change_elsewhere (GFile      *file,
                  guint       index,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDocument) other = rg_document_new_from_file (file, NULL, &error);
  g_autoptr(RgStatement) statement = NULL;

  g_assert_no_error (error);
  statement = g_list_model_get_item (rg_session_get_statements (rg_document_get_session (other)), index);
  rg_statement_set_text (statement, text);
  g_assert_true (rg_document_save (other, NULL, &error));
  g_assert_no_error (error);
}

/* }}} */
/* {{{ Checking */

typedef struct
{
  RgSession  *session;
  const char *text;
} Lookup;

static RgStatement *
find_statement (RgSession  *session,
                const char *text)
{
  GListModel *statements = rg_session_get_statements (session);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      if (g_strcmp0 (rg_statement_get_text (statement), text) == 0)
        return statement;
    }

  return NULL;
}

static gboolean
session_has (gpointer data)
{
  Lookup *lookup = data;

  return find_statement (lookup->session, lookup->text) != NULL;
}

static gboolean
document_saved (gpointer data)
{
  return !rg_document_get_modified (data);
}

/* The folder holds the session and its backup, and nothing else. */
static void
assert_not_forked (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *backup = g_strconcat (name, "~", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, name) || g_str_has_prefix (entry, "." ))
      g_assert_true (g_str_equal (entry, name) || g_str_equal (entry, backup));
}

static RgSession *
read_file (GFile *file)
{
  return rg_test_read_session (file);
}

static GtkTextView *
add_statement_and_focus_editor (RgSessionWindow *window)
{
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  GtkWidget *focus;

  g_assert_true (rg_diagnosis_view_focus_cell (view, 1, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  rg_test_iterate_until_idle ();
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));

  return GTK_TEXT_VIEW (focus);
}

/* }}} */
/* {{{ The tests */

/* Typing here while the file changes there: both land in the file, and
 * the editor stays open under the keyboard. */
static void
typing_while_changed (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "typing.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDocument *document = rg_session_window_get_document (window);
  RgSession *session = rg_document_get_session (document);
  Lookup elsewhere = { session, "Changé ailleurs" };
  g_autoptr(RgSession) on_disk = NULL;
  GtkTextView *editor;

  editor = add_statement_and_focus_editor (window);
  rg_test_type_words (editor, "Tapé ici");
  g_assert_true (rg_test_wait_for (document_saved, document, 10));

  change_elsewhere (file, 3, "Changé ailleurs");
  g_assert_true (rg_test_wait_for (session_has, &elsewhere, 10));

  /* Still typing, in the same editor. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (editor));
  rg_test_type_words (editor, " encore");
  g_assert_true (rg_test_wait_for (document_saved, document, 10));

  on_disk = read_file (file);
  g_assert_nonnull (find_statement (on_disk, "Tapé ici encore"));
  g_assert_nonnull (find_statement (on_disk, "Changé ailleurs"));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (on_disk)), ==, 0);
  assert_not_forked (file);

  gtk_window_close (GTK_WINDOW (window));
}

static gboolean
has_conflict (gpointer data)
{
  return g_list_model_get_n_items (rg_session_get_conflicts (data)) > 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The same statement typed here and changed there: both versions are
 * kept; keeping theirs is one step, undone as one. */
static void
conflict_then_choose (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "conflict.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDocument *document = rg_session_window_get_document (window);
  RgSession *session = rg_document_get_session (document);
  g_autoptr(RgSession) on_disk = NULL;
  g_autoptr(RgStatement) typed = NULL;
  GtkTextView *editor;
  GtkWindow *dialog;
  GtkWidget *keep;
  guint index;

  editor = add_statement_and_focus_editor (window);
  rg_test_type_words (editor, "Notre lecture");
  g_assert_true (rg_test_wait_for (document_saved, document, 10));
  typed = g_object_ref (find_statement (session, "Notre lecture"));
  g_assert_true (g_list_store_find (G_LIST_STORE (rg_session_get_statements (session)), typed, &index));

  /* Typed here, not saved yet, as the same statement (synced a moment
   * ago) is reworded there. */
  rg_test_type_words (editor, " commune");
  change_elsewhere (file, index, "Leur lecture");
  g_assert_true (rg_test_wait_for (has_conflict, session, 10));
  g_assert_true (rg_test_wait_for (document_saved, document, 10));

  on_disk = read_file (file);
  g_assert_nonnull (find_statement (on_disk, "Notre lecture commune"));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (on_disk)), ==, 1);
  assert_not_forked (file);

  /* The card says so, and leads to the choice. */
  g_assert_true (gtk_widget_is_visible (rg_test_find_widget (GTK_WIDGET (window), is_button_labelled,
                                                              "Also changed elsewhere")));

  /* The coordinator chooses theirs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.show-conflicts", NULL));
  rg_test_iterate_until_idle ();
  dialog = GTK_WINDOW (rg_test_find_window (ADW_TYPE_WINDOW));
  g_assert_nonnull (dialog);
  keep = rg_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, "Keep This One");
  g_assert_nonnull (keep);
  /* The second: what was written elsewhere. */
  keep = rg_test_find_widget (gtk_widget_get_next_sibling (gtk_widget_get_parent (keep)),
                              is_button_labelled, "Keep This One");
  g_assert_nonnull (keep);
  g_signal_emit_by_name (keep, "clicked");
  rg_test_iterate_until_idle ();

  g_assert_cmpstr (rg_statement_get_text (typed), ==, "Leur lecture");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (session)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpstr (rg_statement_get_text (typed), ==, "Notre lecture commune");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (session)), ==, 1);

  gtk_window_close (GTK_WINDOW (window));
}

typedef struct
{
  RgStatement *statement;
  const char  *text;
} Expected;

static gboolean
statement_reads (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (rg_statement_get_text (expected->statement), expected->text) == 0;
}

/* Nothing typed since the last save when the same statement is
 * reworded there: the editor shows their words, and what is typed next
 * goes on from them, rather than writing the old words over theirs. */
static void
editor_follows (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "follows.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDocument *document = rg_session_window_get_document (window);
  RgSession *session = rg_document_get_session (document);
  g_autoptr(RgSession) on_disk = NULL;
  g_autoptr(RgStatement) typed = NULL;
  GtkTextView *editor;
  Expected theirs;
  guint index;

  editor = add_statement_and_focus_editor (window);
  rg_test_type_words (editor, "Notre lecture");
  g_assert_true (rg_test_wait_for (document_saved, document, 10));
  typed = g_object_ref (find_statement (session, "Notre lecture"));
  g_assert_true (g_list_store_find (G_LIST_STORE (rg_session_get_statements (session)), typed, &index));

  change_elsewhere (file, index, "Leur lecture");
  theirs = (Expected) { typed, "Leur lecture" };
  g_assert_true (rg_test_wait_for (statement_reads, &theirs, 10));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (editor));

  rg_test_type_words (editor, " partagée");
  g_assert_cmpstr (rg_statement_get_text (typed), ==, "Leur lecture partagée");
  g_assert_true (rg_test_wait_for (document_saved, document, 10));
  on_disk = read_file (file);
  g_assert_nonnull (find_statement (on_disk, "Leur lecture partagée"));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (on_disk)), ==, 0);
  assert_not_forked (file);

  gtk_window_close (GTK_WINDOW (window));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  test_dir = g_build_filename (root, "sessions", NULL);
  g_assert_cmpint (g_mkdir_with_parents (test_dir, 0700), ==, 0);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/external-change/typing-while-changed", typing_while_changed);
  rg_test_add_app_func ("/external-change/conflict-then-choose", conflict_then_choose);
  rg_test_add_app_func ("/external-change/editor-follows", editor_follows);

  return g_test_run ();
}
