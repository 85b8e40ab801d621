/* test-contribution-window.c — contributions asked, filled in and imported
 * through the real windows, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rg-application.h"
#include "rg-contribution-dialog.h"
#include "rg-diagnosis-view.h"
#include "rg-document.h"
#include "rg-session-window.h"
#include "rg-session-xml.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_dir;

static GFile *
test_file (const char *name)
{
  g_autofree char *path = g_build_filename (test_dir, name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static gboolean
has_message_dialog (gpointer data)
{
  return rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
window_open (gpointer data)
{
  return rg_application_find_session_window (RG_APPLICATION (g_application_get_default ()), data) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return !window_open (data);
}

typedef struct
{
  RgDiagnosisCell *cell;
  guint            n;
} CellCount;

static gboolean
cell_has (gpointer data)
{
  CellCount *count = data;

  return rg_diagnosis_cell_get_n_statements (count->cell) == count->n;
}

static guint
count_partner_statements (RgSession  *session,
                          const char *partner_id)
{
  GListModel *statements = rg_session_get_statements (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      n += g_str_equal (rg_statement_get_partner_id (statement), partner_id);
    }

  return n;
}

/* Imports @file into the session of @window and returns the summary */
static gboolean
document_saved (gpointer data)
{
  return !rg_document_get_modified (data);
}

static gboolean
contribution_asked (gpointer data)
{
  return rg_partner_get_contribution_asked (data) != NULL;
}

static AdwMessageDialog *
import (RgSessionWindow *window,
        GFile           *file)
{
  g_assert_null (rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  rg_contribution_dialog_import_files (rg_session_window_get_diagnosis_view (window),
                                       rg_session_window_get_editor (window), &file, 1);
  g_assert_true (rg_test_wait_for (has_message_dialog, NULL, 10));

  return rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  /* As a button of the dialog does */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

static void
ask_fill_and_import (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "session.regards");
  g_autoptr(GFile) contribution_file = test_file ("contribution.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgSessionEditor *editor = rg_session_window_get_editor (window);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (session), 0);
  RgSessionWindow *contribution_window;
  RgDiagnosisView *view;
  RgDiagnosisCell *cell;
  AdwMessageDialog *dialog;
  AdwViewStack *stack;
  GtkWidget *links_view, *combo;
  g_autoptr(RgSession) on_disk = NULL;
  guint n_cell, n_teacher;
  CellCount count;
  g_autofree char *today = rg_date_new_today ();

  /* The menu's entry asks which partner, by name, the one of the cell
   * the keyboard is in first */
  g_assert_true (rg_diagnosis_view_focus_cell (RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window)),
                                               1, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.ask-contribution", NULL));
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Ask a Partner for a Contribution");
  combo = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  g_assert_true (ADW_IS_COMBO_ROW (combo));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 1);
  respond (dialog, "cancel");

  /* …then where the file goes */
  rg_contribution_dialog_write (rg_session_window_get_diagnosis_view (window), editor, teacher,
                                contribution_file);
  g_assert_true (rg_test_wait_for (file_exists, contribution_file, 10));

  /* The session records the request, as a step to undo, and the
   * autosave writes it */
  g_assert_true (rg_test_wait_for (contribution_asked, teacher, 10));
  g_assert_cmpstr (rg_partner_get_contribution_asked (teacher), ==, today);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (undo), ==, "Ask for a contribution");
  g_assert_true (rg_test_wait_for (document_saved, rg_session_window_get_document (window), 10));
  on_disk = rg_test_read_session (file);
  g_assert_cmpstr (rg_partner_get_contribution_asked (rg_session_find_partner (
                     on_disk, rg_partner_get_id (teacher))), ==, today);
  g_clear_object (&on_disk);

  /* Opened, the contribution shows the teacher's column alone, no
   * synthesis, no other view, and says what it is */
  rg_application_open_file (app, contribution_file);
  g_assert_true (rg_test_wait_for (window_open, contribution_file, 10));
  contribution_window = RG_SESSION_WINDOW (rg_application_find_session_window (app, contribution_file));
  rg_test_iterate_until_idle ();
  view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (contribution_window));
  cell = rg_diagnosis_view_get_cell (view, 0, 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (rg_partner_get_name (rg_diagnosis_cell_get_partner (cell)), ==, "Mme Roussel");
  g_assert_null (rg_diagnosis_view_get_cell (view, 1, 0));
  g_assert_nonnull (rg_diagnosis_view_get_cell (view, 0, 1));
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK));
  links_view = adw_view_stack_get_child_by_name (stack, "links");
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, links_view)));
  g_assert_true (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, GTK_WIDGET (view))));

  /* The partner pastes their reading: a statement per paragraph, one
   * step to undo */
  n_cell = rg_diagnosis_cell_get_n_statements (cell);
  n_teacher = count_partner_statements (session, rg_partner_get_id (teacher));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)),
                          "• Lit lentement,\nsurtout à voix haute.\n\n• Aime le calcul.\n");
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.paste-statements", NULL));
  count = (CellCount) { cell, n_cell + 2 };
  g_assert_true (rg_test_wait_for (cell_has, &count, 10));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (rg_session_editor_get_undo_stack (
                     rg_session_window_get_editor (contribution_window))), ==, "Paste statements");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (contribution_window), "session.undo", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, n_cell);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (contribution_window), "session.redo", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, n_cell + 2);

  /* It saves in place, as a contribution still */
  gtk_window_close (GTK_WINDOW (contribution_window));
  g_assert_true (rg_test_wait_for (window_gone, contribution_file, 5));
  on_disk = rg_test_read_session (contribution_file);
  g_assert_cmpint (rg_session_get_kind (on_disk), ==, RG_SESSION_KIND_CONTRIBUTION);
  g_assert_cmpuint (count_partner_statements (on_disk, rg_partner_get_id (teacher)), ==, n_teacher + 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (on_disk)), ==, 1);

  /* Imported: the summary lists them, and can undo the whole import */
  dialog = import (window, contribution_file);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Contributions Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Added: 2 · Updated: 0 · Skipped: 0"));
  g_assert_cmpuint (count_partner_statements (session, rg_partner_get_id (teacher)), ==, n_teacher + 2);
  g_assert_cmpstr (rg_partner_get_contribution_received (teacher), ==, today);
  respond (dialog, "undo");
  g_assert_cmpuint (count_partner_statements (session, rg_partner_get_id (teacher)), ==, n_teacher);
  g_assert_null (rg_partner_get_contribution_received (teacher));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (undo), ==, "Ask for a contribution");

  /* Again, kept this time; then once more: nothing new */
  respond (import (window, contribution_file), "close");
  g_assert_cmpuint (count_partner_statements (session, rg_partner_get_id (teacher)), ==, n_teacher + 2);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (undo), ==, "Import contributions");

  dialog = import (window, contribution_file);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Added: 0 · Updated: 0 · Skipped: 0"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "statements were in the session already."));
  g_assert_false (adw_message_dialog_has_response (dialog, "undo"));
  respond (dialog, "close");
  g_assert_cmpuint (count_partner_statements (session, rg_partner_get_id (teacher)), ==, n_teacher + 2);

  /* A session given for a contribution is refused, and says why */
  dialog = import (window, file);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Contribution Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Skipped: 1"));
  respond (dialog, "close");
}

static GtkTextView *
focused_text_view (RgDiagnosisView *view)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view)));

  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  return GTK_TEXT_VIEW (focus);
}

static gboolean
buffer_filled (gpointer data)
{
  return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (data)) > 0;
}

static void
paste_into_new_card (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "paste.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgUndoStack *undo = rg_session_editor_get_undo_stack (rg_session_window_get_editor (window));
  RgDiagnosisCell *cell = rg_diagnosis_view_get_cell (view, 1, 0);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autoptr(GtkTextView) text_view = NULL;
  CellCount count = { cell, 3 };
  RgStatementCard *card;

  /* A new card, being typed into: the cell of the second partner, empty */
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 0);
  g_assert_true (rg_diagnosis_view_focus_cell (view, 1, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 1);

  /* Ctrl+V of three lines: three statements in its place, one step */
  gdk_clipboard_set_text (clipboard, "Lit lentement.\nOublie ses affaires.\nAime le football.\n");
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_v, GDK_CONTROL_MASK));
  g_assert_true (rg_test_wait_for (cell_has, &count, 10));
  {
    g_autoptr(GPtrArray) statements = rg_session_editor_list_cell (rg_session_window_get_editor (window),
                                                                  rg_partner_get_id (rg_diagnosis_cell_get_partner (cell)),
                                                                  rg_dimension_get_id (rg_diagnosis_cell_get_dimension (cell)));

    /* The empty card is gone */
    g_assert_cmpstr (rg_statement_get_text (g_ptr_array_index (statements, 0)), ==, "Lit lentement.");
    g_assert_cmpstr (rg_statement_get_text (g_ptr_array_index (statements, 2)), ==, "Aime le football.");
  }
  g_assert_cmpstr (rg_undo_stack_get_undo_label (undo), ==, "Paste statements");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 0);

  /* One line goes into the card, as typed */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 1, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  text_view = g_object_ref (focused_text_view (view));
  gdk_clipboard_set_text (clipboard, "Une seule phrase");
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_v, GDK_CONTROL_MASK));
  g_assert_true (rg_test_wait_for (buffer_filled, text_view, 10));
  card = rg_diagnosis_cell_get_focused_card (cell);
  rg_statement_card_stop_editing (card);
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 1);
  g_assert_cmpstr (rg_statement_get_text (rg_statement_card_get_statement (card)), ==, "Une seule phrase");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  test_dir = g_build_filename (root, "sessions", NULL);
  g_assert_cmpint (g_mkdir_with_parents (test_dir, 0700), ==, 0);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/contribution-window/ask-fill-and-import", ask_fill_and_import);
  rg_test_add_app_func ("/contribution-window/paste-into-new-card", paste_into_new_card);

  return g_test_run ();
}
