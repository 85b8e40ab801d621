/* test-session-window.c — the diagnosis view driven for real, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "rg-application.h"
#include "rg-diagnosis-grid.h"
#include "rg-diagnosis-view.h"
#include "rg-document.h"
#include "rg-editable-text.h"
#include "rg-link-overview.h"
#include "rg-links-view.h"
#include "rg-statistics.h"
#include "rg-new-session-dialog.h"
#include "rg-session-editor-links.h"
#include "rg-session-window.h"
#include "rg-session-xml.h"
#include "rg-statement-card.h"
#include "rg-diagnosis-cell.h"
#include "rg-test-app.h"
#include "rg-test-editing.h"
#include "rg-test-utils.h"

static char *test_dir;

static GFile *
write_session_file (const char *name)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autoptr(RgDimension) health = rg_dimension_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  GFile *file = g_file_new_for_path (path);

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_situation_label (session, "Élève A., CM1");
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_partner_set_profession (teacher, "Enseignante");
  rg_partner_set_name (mother, "Mme Benali");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_dimension_set_name (school, "Scolarité");
  rg_dimension_set_name (health, "Santé");
  rg_session_add_partner (session, teacher);
  rg_session_add_partner (session, mother);
  rg_session_add_dimension (session, school);
  rg_session_add_dimension (session, health);

  g_file_delete (file, NULL, NULL);
  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static void
type_into_card (RgStatementCard *card,
                const char      *text)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (card)));

  /* Editing, the keyboard is in the card's text view: type there. */
  g_assert_true (rg_statement_card_get_editing (card));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (card)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), text, -1);
  rg_statement_card_stop_editing (card);
}

static void
assert_focus_in_cell (RgDiagnosisView *view,
                      guint            column,
                      guint            row)
{
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == rg_diagnosis_view_get_cell (view, column, row));
}

static gboolean
document_saved (gpointer data)
{
  return !rg_document_get_modified (data);
}

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

static void
edit_undo_autosave (RgApplication *app)
{
  g_autoptr(GFile) file = write_session_file ("edit.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgDiagnosisCell *cell;
  RgStatement *statement;
  RgStatementCard *card;
  g_autoptr(RgSession) on_disk = NULL;
  g_autoptr(RgSession) reopened = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Revue de situation");

  /* Enter in the teacher's Santé cell: a new card, being edited. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 1, 0));
  cell = rg_diagnosis_view_get_focused_cell (view);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 1);
  statement = g_list_model_get_item (rg_session_get_statements (session), 0);
  g_object_unref (statement);
  card = rg_diagnosis_cell_get_card (cell, statement);
  type_into_card (card, "Fatigué le lundi matin");
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Fatigué le lundi matin");
  g_assert_cmpstr (rg_statement_get_partner_id (statement), ==,
                   rg_partner_get_id (rg_diagnosis_cell_get_partner (cell)));

  /* Its kind, from the keyboard: Ctrl+3 where the card has the focus */
  rg_diagnosis_cell_focus_statement (cell, 0);
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_3, GDK_CONTROL_MASK));
  g_assert_cmpint (rg_statement_get_kind (statement), ==, RG_STATEMENT_KIND_DIFFICULTY);

  /* Undo takes back the kind, then the text, then the card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpint (rg_statement_get_kind (statement), ==, RG_STATEMENT_KIND_FACT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.redo", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 1);
  g_assert_cmpint (rg_statement_get_kind (statement), ==, RG_STATEMENT_KIND_DIFFICULTY);

  /* An added card left empty goes away, and leaves nothing to undo. */
  rg_diagnosis_cell_focus_statement (cell, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 2);
  card = rg_diagnosis_cell_get_focused_card (cell);
  type_into_card (card, "   ");
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (cell), ==, 1);

  /* No save button: the autosave writes it within two seconds. */
  g_assert_true (rg_test_wait_for (document_saved, rg_session_window_get_document (window), 3));
  on_disk = rg_test_read_session (file);
  statement = find_statement (on_disk, "Fatigué le lundi matin");
  g_assert_nonnull (statement);
  g_assert_cmpint (rg_statement_get_kind (statement), ==, RG_STATEMENT_KIND_DIFFICULTY);

  /* A change right before closing is written by the close itself. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 1, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  card = rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_focused_cell (view));
  type_into_card (card, "Il ne dort pas assez");
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();

  reopened = rg_test_read_session (file);
  g_assert_nonnull (find_statement (reopened, "Fatigué le lundi matin"));
  g_assert_nonnull (find_statement (reopened, "Il ne dort pas assez"));

  /* Reopened in the app, the same cards are there. */
  window = rg_test_open_session (app, file);
  view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (rg_diagnosis_view_get_cell (view, 0, 1)), ==, 1);
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (rg_diagnosis_view_get_cell (view, 1, 0)), ==, 1);
}

static void
delete_and_move (RgApplication *app)
{
  g_autoptr(GFile) file = write_session_file ("move.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgDiagnosisCell *school, *health;
  RgStatementCard *card;

  school = rg_diagnosis_view_get_cell (view, 0, 0);
  health = rg_diagnosis_view_get_cell (view, 0, 1);
  rg_diagnosis_cell_focus_statement (school, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  type_into_card (rg_diagnosis_cell_get_focused_card (school), "premier");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  type_into_card (rg_diagnosis_cell_get_focused_card (school), "second");
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (school), ==, 2);

  /* Move the focused ("second") card up its cell, then to the next dimension. */
  g_assert_cmpint (rg_diagnosis_cell_get_focus_index (school), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.move-statement-up", NULL));
  card = rg_diagnosis_cell_get_focused_card (school);
  g_assert_cmpstr (rg_statement_get_text (rg_statement_card_get_statement (card)), ==, "second");
  g_assert_cmpint (rg_diagnosis_cell_get_focus_index (school), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view),
                                             "diagnosis.move-statement-next-dimension", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (school), ==, 1);
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (health), ==, 1);
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == health);

  /* The Menu key opens the card's menu, whose entries act on it. */
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Menu, 0));
  {
    GtkWidget *focused = GTK_WIDGET (rg_diagnosis_cell_get_focused_card (health));
    GtkWidget *popover = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (focused); child; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER_MENU (child))
        popover = child;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));

    /* Its entries act on the card, though the keyboard is in the menu. */
    gtk_widget_grab_focus (popover);
    g_assert_true (gtk_widget_activate_action (popover, "diagnosis.set-kind", "s", "proposal"));
    g_assert_cmpint (rg_statement_get_kind (rg_statement_card_get_statement (RG_STATEMENT_CARD (focused))),
                     ==, RG_STATEMENT_KIND_PROPOSAL);
    gtk_popover_popdown (GTK_POPOVER (popover));
    rg_test_iterate_until_idle ();
    g_assert_true (rg_diagnosis_view_get_focused_cell (view) == health);
  }

  /* Delete it; undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.delete-statement", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (health), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (health), ==, 1);

  /* Editing a partner through its dialog is one undoable step. */
  {
    RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
    g_autoptr(RgPartner) mother = g_list_model_get_item (rg_session_get_partners (session), 1);
    AdwMessageDialog *dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    GtkWidget *list, *name_row;

    g_assert_null (dialog);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.edit-partner", "s",
                                               rg_partner_get_id (mother)));
    rg_test_iterate_until_idle ();
    dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    list = adw_message_dialog_get_extra_child (dialog);
    name_row = gtk_widget_get_first_child (list);
    g_assert_true (ADW_IS_ENTRY_ROW (name_row));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Mme Benali");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Mme Benali (mère)");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    rg_test_iterate_until_idle ();
    g_assert_cmpstr (rg_partner_get_name (mother), ==, "Mme Benali (mère)");
    g_assert_cmpint (rg_partner_get_role (mother), ==, RG_PARTNER_ROLE_FAMILY);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
    g_assert_cmpstr (rg_partner_get_name (mother), ==, "Mme Benali");
  }

  /* Removing a partner with statements asks first; removed, undo brings
   * them back with their statements. */
  {
    RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
    g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (session), 0);
    AdwMessageDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.remove-partner", "s",
                                               rg_partner_get_id (teacher)));
    rg_test_iterate_until_idle ();
    dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
    adw_message_dialog_response (dialog, "remove");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
    rg_test_iterate_until_idle ();
    school = rg_diagnosis_view_get_cell (view, 0, 0);
    health = rg_diagnosis_view_get_cell (view, 0, 1);
    g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (school) + rg_diagnosis_cell_get_n_statements (health),
                      ==, 2);
  }

  /* Adding a partner through the editor adds a column. */
  rg_session_editor_add_partner (rg_session_window_get_editor (window), "M. Kessler",
                                 "Éducateur", NULL);
  g_assert_nonnull (rg_diagnosis_view_get_cell (view, 2, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_null (rg_diagnosis_view_get_cell (view, 2, 1));

}

static void
zoom_and_meeting_mode (RgApplication *app)
{
  g_autoptr(GFile) file = write_session_file ("zoom.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  GSettings *settings = rg_application_get_settings (app);
  double meeting;

  g_assert_cmpfloat_with_epsilon (rg_diagnosis_view_get_zoom (view), 1.0, 0.001);

  /* The other views are made when first shown, not when the session
   * opens. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                         RG_TYPE_SESSION_WINDOW,
                                                                         "view_stack"));
    RgLinksView *links = RG_LINKS_VIEW (adw_view_stack_get_child_by_name (stack, "links"));

    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "diagnosis");
    g_assert_null (rg_links_view_get_editor (links));
    adw_view_stack_set_visible_child_name (stack, "links");
    g_assert_true (rg_links_view_get_editor (links) == rg_session_window_get_editor (window));
    adw_view_stack_set_visible_child_name (stack, "diagnosis");
  }

  /* Its keyboard shortcuts open on the session's. */
  rg_test_assert_no_hidden_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  rg_test_iterate_until_idle ();
  rg_test_check_shortcuts_window (GTK_WINDOW (window), "session", "session.undo", "<Control>z");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (rg_diagnosis_view_get_zoom (view), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.1, 0.001);

  meeting = g_settings_get_double (settings, "meeting-zoom");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.meeting-mode", NULL));
  g_assert_cmpfloat_with_epsilon (rg_diagnosis_view_get_zoom (view), meeting, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "meeting-zoom"), meeting - 0.1, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (rg_diagnosis_view_get_zoom (view), meeting, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.leave-meeting-mode", NULL));
  g_assert_cmpfloat_with_epsilon (rg_diagnosis_view_get_zoom (view), 1.1, 0.001);

}

static void
keyboard_flow (RgApplication *app)
{
  g_autoptr(GFile) file = write_session_file ("keyboard.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgDimension *school;
  GtkWidget *focus;

  school = g_list_model_get_item (rg_session_get_dimensions (rg_document_get_session (rg_session_window_get_document (window))), 0);
  g_object_unref (school);

  /* Tab: the teacher's cell, the mother's, the synthesis, the next row. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Tab, 0));
  assert_focus_in_cell (view, 1, 0);
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Tab, 0));
  g_assert_null (rg_diagnosis_view_get_focused_cell (view));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (RG_IS_EDITABLE_TEXT (focus));

  /* Writing the synthesis, then Tab: it is kept, and the next row comes. */
  rg_editable_text_start_editing (RG_EDITABLE_TEXT (focus));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window)))),
                            "Tout le monde voit la fatigue", -1);
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Tab, 0));
  g_assert_cmpstr (rg_dimension_get_synthesis (school), ==, "Tout le monde voit la fatigue");
  assert_focus_in_cell (view, 0, 1);

  /* Shift+Tab goes back the same way. */
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (RG_IS_EDITABLE_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_focus_in_cell (view, 1, 0);

  /* Arrows move between cells too. */
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Left, 0));
  assert_focus_in_cell (view, 0, 0);
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Down, 0));
  assert_focus_in_cell (view, 0, 1);
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Right, 0));
  assert_focus_in_cell (view, 1, 1);
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Up, 0));
  assert_focus_in_cell (view, 1, 0);
}

static GtkWidget *
dialog_child (RgNewSessionDialog *dialog,
              const char         *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), RG_TYPE_NEW_SESSION_DIALOG,
                                                    name));
}

/* Fills the entries of a partner's row: name, profession, institution */
static void
fill_partner_row (GtkWidget  *list,
                  int         index,
                  const char *name,
                  const char *profession,
                  const char *institution)
{
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index));
  const char *texts[] = { name, profession, institution };
  guint n = 0;

  g_assert_nonnull (row);
  for (GtkWidget *w = row; w != NULL && n < G_N_ELEMENTS (texts); )
    {
      GtkWidget *next;

      if (GTK_IS_ENTRY (w))
        {
          if (texts[n] != NULL)
            gtk_editable_set_text (GTK_EDITABLE (w), texts[n]);
          n++;
        }

      /* Depth first, inside the row */
      next = GTK_IS_ENTRY (w) ? NULL : gtk_widget_get_first_child (w);
      while (next == NULL && w != row)
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      if (next == NULL)
        break;
      w = next;
    }
  g_assert_cmpuint (n, ==, 3);
}

static void
new_session_from_template (RgApplication *app)
{
  RgNewSessionDialog *dialog = rg_new_session_dialog_present (NULL);
  GtkWidget *partners;
  RgSessionWindow *window;
  RgSession *session;
  g_autoptr(RgPartner) teacher = NULL;
  g_autoptr(RgDimension) first = NULL;
  g_autoptr(GFile) file = NULL;

  rg_test_iterate_until_idle ();

  /* Without a title, or with an impossible date, Create is disabled. */
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "create_button")));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "Revue de janvier");
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "create_button")));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "date_row")), "2027-02-30");
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "create_button")));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "date_row")), "2027-01-15");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "situation_row")), "Élève B., CE2");
  partners = dialog_child (dialog, "partners_list");
  fill_partner_row (partners, 0, "Mme Roussel", "Enseignante", "École Jules Ferry");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-session.add-partner", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-session.add-partner", NULL));
  fill_partner_row (partners, 2, "  M. Kessler ", "Éducateur", NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "template_row")), 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-session.create", NULL));
  g_assert_true (rg_test_wait_for (rg_test_has_session_window, app, 10));
  window = rg_test_get_session_window (app);
  session = rg_document_get_session (rg_session_window_get_document (window));
  file = g_object_ref (rg_document_get_file (rg_session_window_get_document (window)));

  g_assert_cmpstr (rg_session_get_title (session), ==, "Revue de janvier");
  g_assert_cmpstr (rg_session_get_situation_label (session), ==, "Élève B., CE2");
  g_assert_cmpstr (rg_session_get_date (session), ==, "2027-01-15");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_dimensions (session)), ==, 6);
  first = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_assert_cmpstr (rg_dimension_get_name (first), ==, "Scolarité et apprentissages");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
  teacher = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_assert_cmpstr (rg_partner_get_name (teacher), ==, "Mme Roussel");
  g_assert_cmpstr (rg_partner_get_institution (teacher), ==, "École Jules Ferry");

  /* The file is in the library folder, named after the title. */
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *folder = rg_application_get_library_dir (app);
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *parent_path = g_file_get_path (parent);
    g_autoptr(RgSession) on_disk = rg_test_read_session (file);

    g_assert_cmpstr (name, ==, "Revue de janvier.regards");
    g_assert_cmpstr (parent_path, ==, folder);
    g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (on_disk)), ==, 2);
  }
}

static gboolean
has_two_windows (gpointer app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    n += RG_IS_SESSION_WINDOW (l->data);

  return n >= 2;
}

/* “New Follow-up Session” in the session window's menu: what the window
 * shows, edits included, is followed up in the library folder, and the
 * follow-up opens in its own window. */
static void
new_follow_up (RgApplication *app)
{
  g_autoptr(GFile) file = write_session_file ("suivi-source.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSessionEditor *editor = rg_session_window_get_editor (window);
  RgSession *session = rg_session_editor_get_session (editor);
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgPartner) mother = g_list_model_get_item (rg_session_get_partners (session), 1);
  g_autoptr(RgDimension) school = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  RgSessionWindow *next_window = NULL;
  RgSession *next;
  RgStatement *s1, *s2;
  const char *members[3];
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReviewItem) item = NULL;
  g_autofree char *folder = rg_application_get_library_dir (app);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *parent_path = NULL;

  /* A divergence typed in the meeting, not saved yet. */
  s1 = rg_session_editor_add_statement (editor, teacher, school, NULL, RG_STATEMENT_KIND_FACT,
                                        "Absent le lundi");
  s2 = rg_session_editor_add_statement (editor, mother, school, NULL, RG_STATEMENT_KIND_INTERPRETATION,
                                        "Il a mal au ventre");
  members[0] = rg_statement_get_id (s1);
  members[1] = rg_statement_get_id (s2);
  members[2] = NULL;
  g_assert_nonnull (rg_session_editor_add_link (editor, RG_LINK_TYPE_DIVERGENCE, members, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.new-follow-up", NULL));
  g_assert_true (rg_test_wait_for (has_two_windows, app, 10));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (RG_IS_SESSION_WINDOW (l->data) && l->data != (gpointer) window)
      next_window = l->data;
  g_assert_nonnull (next_window);

  next = rg_document_get_session (rg_session_window_get_document (next_window));
  g_assert_cmpstr (rg_session_get_situation_id (next), ==, rg_session_get_situation_id (session));
  g_assert_cmpstr (rg_session_get_title (next), ==, "Follow-up — Revue de situation");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (next)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_review_items (next)), ==, 1);
  item = g_list_model_get_item (rg_session_get_review_items (next), 0);
  g_assert_cmpstr (rg_review_item_get_quote (item, 1, NULL, NULL), ==, "Il a mal au ventre");

  parent = g_file_get_parent (rg_document_get_file (rg_session_window_get_document (next_window)));
  parent_path = g_file_get_path (parent);
  g_assert_cmpstr (parent_path, ==, folder);

  /* The session followed up was saved first. */
  g_assert_false (rg_document_get_modified (rg_session_window_get_document (window)));
}

static GtkWidget *
find_badge (GtkWidget *widget,
            RgLink    *link)
{
  if (g_object_get_data (G_OBJECT (widget), "link") == (gpointer) link)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_badge (child, link);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RgStatementCard *
card_of (RgDiagnosisView *view,
         RgSession       *session,
         RgStatement     *statement)
{
  RgPartner *partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
  RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
  guint column = 0, row = 0;

  g_assert_true ((column = rg_list_model_find (rg_session_get_partners (session), partner)) != G_MAXUINT);
  g_assert_true ((row = rg_list_model_find (rg_session_get_dimensions (session), dimension)) != G_MAXUINT);
  rg_diagnosis_view_focus_cell (view, column, row, 0);
  rg_test_iterate_until_idle ();

  return rg_diagnosis_cell_get_card (rg_diagnosis_view_get_cell (view, column, row), statement);
}

static void
link_badges (RgApplication *app)
{
  g_autofree char *source = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "data", "examples",
                                              "exemple-eleve-a.regards", NULL);
  g_autofree char *path = g_build_filename (test_dir, "badges.regards", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RgSessionWindow *window;
  RgDiagnosisView *view;
  RgSession *session;
  g_autoptr(RgLink) link = NULL;
  RgStatementCard *first, *second;
  GtkWidget *badge;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  window = rg_test_open_session (app, file);
  view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  session = rg_document_get_session (rg_session_window_get_document (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  rg_test_iterate_until_idle ();

  link = g_list_model_get_item (rg_session_get_links (session), 0);
  second = card_of (view, session, rg_session_find_statement (session, rg_link_get_members (link)[1]));
  first = card_of (view, session, rg_session_find_statement (session, rg_link_get_members (link)[0]));
  g_assert_nonnull (first);
  g_assert_nonnull (second);

  /* Each linked card has a badge per link, named for screen readers. */
  badge = find_badge (GTK_WIDGET (first), link);
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_visible (badge));

  /* Focusing the badge lights up the other statement of the link. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (second), "link-highlight"));
  g_assert_true (gtk_widget_grab_focus (badge));
  rg_test_iterate_until_idle ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (second), "link-highlight"));
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  rg_test_iterate_until_idle ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (second), "link-highlight"));

  /* A card's menu leads to the glossary words of its text. */
  {
    GListModel *statements = rg_session_get_statements (session);
    RgStatement *with_word = NULL;
    RgStatementCard *card;
    GtkWidget *popover = NULL;
    GMenuModel *model;
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (statements) && with_word == NULL; i++)
      {
        g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

        if (strstr (rg_statement_get_text (statement), "décrochage") != NULL)
          with_word = statement;
      }
    g_assert_nonnull (with_word);
    card = card_of (view, session, with_word);
    rg_diagnosis_view_popup_card_menu (view, card, -1, -1);
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (card)); child; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER_MENU (child))
        popover = child;
    g_assert_nonnull (popover);
    model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
    for (int i = 0; i < g_menu_model_get_n_items (model); i++)
      {
        GMenuModel *section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

        for (int j = 0; section && j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *action = NULL;

            if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
                g_str_equal (action, "session.show-term"))
              found = TRUE;
          }
        g_clear_object (&section);
      }
    g_assert_true (found);
    gtk_popover_popdown (GTK_POPOVER (popover));
    rg_test_iterate_until_idle ();
  }

  /* F8 goes from open divergence to open divergence, in reading order,
   * round and back. */
  {
    g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (rg_session_get_links (session)); i++)
      {
        g_autoptr(RgLink) l = g_list_model_get_item (rg_session_get_links (session), i);
        const char * const *members = rg_link_get_members (l);

        if (rg_link_get_link_type (l) == RG_LINK_TYPE_DIVERGENCE && rg_link_get_status (l) == RG_LINK_STATUS_OPEN)
          for (guint m = 0; members[m] != NULL; m++)
            g_hash_table_add (expected, rg_session_find_statement (session, members[m]));
      }
    g_assert_cmpuint (g_hash_table_size (expected), >=, 2);

    for (guint visits = 0; visits < 2 * g_hash_table_size (expected); visits++)
      {
        RgStatementCard *focused;

        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.next-divergence", NULL));
        rg_test_iterate_until_idle ();
        focused = rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_focused_cell (view));
        g_assert_nonnull (focused);
        g_hash_table_add (seen, rg_statement_card_get_statement (focused));
      }
    /* Every statement of an open divergence was reached, and only those. */
    {
      GHashTableIter iter;
      gpointer statement;

      g_assert_cmpuint (g_hash_table_size (seen), ==, g_hash_table_size (expected));
      g_hash_table_iter_init (&iter, seen);
      while (g_hash_table_iter_next (&iter, &statement, NULL))
        g_assert_true (g_hash_table_contains (expected, statement));
    }
  }

  /* The overview strip marks what the statistics count, per dimension,
   * and follows new links. */
  {
    RgLinkOverview *overview = RG_LINK_OVERVIEW (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                               RG_TYPE_DIAGNOSIS_VIEW,
                                                                               "overview"));
    g_autoptr(RgStatistics) statistics = rg_statistics_new (session);
    GListModel *dimensions = rg_session_get_dimensions (session);
    guint marked = 0;

    for (guint r = 0; r < g_list_model_get_n_items (dimensions); r++)
      {
        g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, r);

        g_assert_cmpuint (rg_link_overview_get_n_agreements (overview, r), ==,
                          rg_statistics_get_dimension_count (statistics, rg_dimension_get_id (dimension),
                                                             RG_LINK_TYPE_AGREEMENT));
        g_assert_cmpuint (rg_link_overview_get_n_divergences (overview, r), ==,
                          rg_statistics_get_dimension_open_count (statistics, rg_dimension_get_id (dimension),
                                                                  RG_LINK_TYPE_DIVERGENCE));
        marked += rg_link_overview_get_n_divergences (overview, r);
      }
    g_assert_cmpuint (marked, >, 0);
  }

  /* A link leaving the session takes its badges along. */
  rg_session_remove_link (session, link);
  rg_test_iterate_until_idle ();
  g_assert_null (find_badge (GTK_WIDGET (first), link));
}

static void
select_and_tag (RgApplication *app)
{
  g_autoptr(GFile) file = write_session_file ("tag.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgSessionEditor *editor = rg_session_window_get_editor (window);
  RgSession *session = rg_session_editor_get_session (editor);
  GListModel *links = rg_session_get_links (session);
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgPartner) mother = g_list_model_get_item (rg_session_get_partners (session), 1);
  g_autoptr(RgDimension) school = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_autoptr(RgLink) link = NULL;
  RgStatement *tired, *sleep;
  RgStatementCard *card;

  tired = rg_session_editor_add_statement (editor, teacher, school, NULL, RG_STATEMENT_KIND_INTERPRETATION,
                                           "Il manque de motivation");
  sleep = rg_session_editor_add_statement (editor, mother, school, NULL, RG_STATEMENT_KIND_INTERPRETATION,
                                           "Il dort mal");
  rg_test_iterate_until_idle ();

  /* One statement alone cannot be tagged. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_space, 0));
  g_assert_cmpuint (rg_diagnosis_view_get_selection (view)->len, ==, 1);
  g_assert_true (rg_diagnosis_view_is_selected (view, tired));
  card = rg_diagnosis_cell_get_card (rg_diagnosis_view_get_cell (view, 0, 0), tired);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "selected"));

  /* Escape clears it; Space and Shift+Right select across partners. */
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Escape, 0));
  g_assert_cmpuint (rg_diagnosis_view_get_selection (view)->len, ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "selected"));
  g_assert_true (rg_test_press_key (GTK_WIDGET (view), GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_focus_in_cell (view, 1, 0);
  g_assert_cmpuint (rg_diagnosis_view_get_selection (view)->len, ==, 2);
  g_assert_true (rg_diagnosis_view_is_selected (view, sleep));

  /* Tagged as a divergence: one link of both, and the selection is done. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.tag", "s", "divergence"));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  link = g_list_model_get_item (links, 0);
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_DIVERGENCE);
  g_assert_true (rg_link_has_member (link, rg_statement_get_id (tired)));
  g_assert_true (rg_link_has_member (link, rg_statement_get_id (sleep)));
  g_assert_cmpuint (rg_diagnosis_view_get_selection (view)->len, ==, 0);
  rg_test_iterate_until_idle ();
  g_assert_nonnull (find_badge (GTK_WIDGET (card), link));

  /* Undoable, like every edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);
  rg_test_iterate_until_idle ();
  g_assert_null (find_badge (GTK_WIDGET (card), link));

  /* Ctrl+Shift+A, pressed on a card, tags an agreement: the list box of
   * the cell binds the key for itself, and used to take it. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_LIST_BOX_ROW)));
  rg_diagnosis_view_set_selected (view, tired, TRUE);
  rg_diagnosis_view_set_selected (view, sleep, TRUE);
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_a,
                                         GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_clear_object (&link);
  link = g_list_model_get_item (links, 0);
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_AGREEMENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));

  /* A deleted statement leaves the selection. */
  rg_diagnosis_view_set_selected (view, sleep, TRUE);
  rg_session_editor_remove_statement (editor, sleep);
  g_assert_cmpuint (rg_diagnosis_view_get_selection (view)->len, ==, 0);
}

static GFile *
write_large_session_file (const char *name,
                          guint       n_partners,
                          guint       n_dimensions,
                          guint       n_per_cell)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  GFile *file = g_file_new_for_path (path);

  for (guint p = 0; p < n_partners; p++)
    {
      g_autoptr(RgPartner) partner = rg_partner_new ();
      g_autofree char *partner_name = g_strdup_printf ("Partenaire %u", p);

      rg_partner_set_name (partner, partner_name);
      rg_session_add_partner (session, partner);
    }
  for (guint d = 0; d < n_dimensions; d++)
    {
      g_autoptr(RgDimension) dimension = rg_dimension_new ();
      g_autofree char *dimension_name = g_strdup_printf ("Dimension %u", d);

      rg_dimension_set_name (dimension, dimension_name);
      rg_session_add_dimension (session, dimension);
      for (guint p = 0; p < n_partners; p++)
        for (guint i = 0; i < n_per_cell; i++)
          {
            g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), p);
            g_autoptr(RgStatement) statement = NULL;
            g_autofree char *text = g_strdup_printf ("Constat %u de %u en %u, assez long pour "
                                                     "tenir sur plusieurs lignes de la carte", i, p, d);

            statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                                          RG_STATEMENT_KIND_FACT, text);
            rg_session_add_statement (session, statement);
          }
    }

  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static gboolean
cell_has_no_cards (gpointer cell)
{
  return rg_diagnosis_cell_get_n_built (cell) == 0;
}

static void
large_session_populates_in_view (RgApplication *app)
{
  g_autoptr(GFile) file = write_large_session_file ("large.regards", 12, 10, 6);
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgDiagnosisCell *first, *last;
  RgStatementCard *card;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  rg_test_iterate_until_idle ();

  /* Only what is in view has its cards. */
  first = rg_diagnosis_view_get_cell (view, 0, 0);
  last = rg_diagnosis_view_get_cell (view, 11, 9);
  g_assert_true (rg_diagnosis_cell_get_populated (first));
  g_assert_false (rg_diagnosis_cell_get_populated (last));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_statements (last), ==, 6);
  /* nor anything to show them with */
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (last)));

  /* The keyboard reaches the far corner all the same. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 11, 9, -1));
  rg_test_iterate_until_idle ();
  g_assert_true (rg_diagnosis_cell_get_populated (last));
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == last);
  card = rg_diagnosis_cell_get_focused_card (last);
  g_assert_nonnull (card);
  g_assert_cmpstr (rg_statement_get_text (rg_statement_card_get_statement (card)), ==,
                   "Constat 5 de 11 en 9, assez long pour tenir sur plusieurs lignes de la carte");
  g_assert_true (rg_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, card, 5));

  /* Back at the start, the far corner keeps its cards while it has the
   * focus, and the first cell has its own again. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  rg_test_iterate_until_idle ();
  g_assert_true (rg_diagnosis_cell_get_populated (first));
  g_assert_true (rg_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped,
                                   rg_diagnosis_cell_get_focused_card (first), 5));

  /* The keyboard gone, the far corner drops its cards between frames. */
  g_assert_true (rg_test_wait_for (cell_has_no_cards, last, 5));
}

static gboolean
cell_has_cards (gpointer cell)
{
  return rg_diagnosis_cell_get_n_built (cell) > 0;
}

typedef struct
{
  GtkAdjustment   *adjustment;
  RgDiagnosisCell *first;
  guint            frames;       /* moved so far */
  guint            kept;         /* frames the first cell had its cards in */
  gboolean         done;
} Scroll;

/* A page down at every frame, as a fast scroll, to the end */
static gboolean
scroll_a_page (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  Scroll *scroll = data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double end = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);

  scroll->kept += cell_has_cards (scroll->first);
  if (value >= end)
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  scroll->frames++;
  gtk_adjustment_set_value (scroll->adjustment,
                            MIN (end, value + gtk_adjustment_get_page_size (scroll->adjustment)));
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_done (gpointer data)
{
  return ((Scroll *) data)->done;
}

/* While the view moves, the cells it leaves far behind keep their
 * cards (dropping them would cost the frames that make the next ones);
 * once it rests, they drop them. */
static void
cards_dropped_at_rest (RgApplication *app)
{
  g_autoptr(GFile) file = write_large_session_file ("rest.regards", 3, 12, 6);
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  GtkWidget *grid = rg_test_find_widget (GTK_WIDGET (view), rg_test_is_of_type,
                                         GSIZE_TO_POINTER (RG_TYPE_DIAGNOSIS_GRID));
  /* (The first column's first cell has the keyboard, and keeps its
   * cards wherever the view is.) */
  Scroll scroll = { gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid)),
                    rg_diagnosis_view_get_cell (view, 1, 0), 0, 0, FALSE };

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  rg_test_iterate_until_idle ();
  g_assert_true (cell_has_cards (scroll.first));

  gtk_widget_add_tick_callback (GTK_WIDGET (window), scroll_a_page, &scroll, NULL);
  g_assert_true (rg_test_wait_for (scroll_done, &scroll, 20));
  /* The first rows are far behind after a few pages: the first cell
   * kept its cards all the way. */
  g_assert_cmpuint (scroll.frames, >=, 5);
  g_assert_cmpuint (scroll.kept, ==, scroll.frames + 1);

  g_assert_true (rg_test_wait_for (cell_has_no_cards, scroll.first, 5));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where @widget lies in @grid: its top, and its bottom */
static void
vertical_bounds (GtkWidget *widget,
                 GtkWidget *grid,
                 float     *top,
                 float     *bottom)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, grid, &bounds));
  *top = bounds.origin.y;
  *bottom = bounds.origin.y + bounds.size.height;
}

/* Scrolls @grid to @value and waits for the frame that shows it */
static void
scroll_grid_to (GtkWidget *grid,
                double     value)
{
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid)), value);
  rg_test_wait_for_paint (grid);
}

/* A dimension's name stays in view while any of its row does: at the
 * top of the cells past the middle of a row taller than the view, then
 * pushed up by the next row, never past the end of its own. */
static void
dimension_name_in_view (RgApplication *app)
{
  g_autoptr(GFile) file = write_large_session_file ("names.regards", 2, 2, 20);
  RgSessionWindow *window = rg_test_open_session (app, file);
  GtkWidget *grid = rg_test_find_widget (rg_session_window_get_diagnosis_view (window),
                                         rg_test_is_of_type,
                                         GSIZE_TO_POINTER (RG_TYPE_DIAGNOSIS_GRID));
  GtkWidget *header = gtk_widget_get_parent (rg_test_find_widget (grid, rg_test_is_label_reading,
                                                                  "Dimension 0"));
  float header_top, header_bottom, end;
  int top, height, needed;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  rg_test_wait_for_paint (grid);
  /* The first row starts under the column headers */
  g_assert_true (rg_diagnosis_grid_get_row_extent (RG_DIAGNOSIS_GRID (grid), 0, &top, &height));
  g_assert_cmpint (height, >, 2 * gtk_widget_get_height (grid));
  gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (header),
                      NULL, &needed, NULL, NULL);

  /* At the start, the header runs down the row, synthesis included */
  vertical_bounds (header, grid, &header_top, &end);
  g_assert_cmpfloat (header_top, ==, top);
  g_assert_cmpfloat (end, >, top + height / 2);

  /* In the middle of the row, it starts at the top of the cells, and
   * still ends with the row */
  scroll_grid_to (grid, height / 2);
  vertical_bounds (header, grid, &header_top, &header_bottom);
  g_assert_cmpfloat (header_top, ==, top);
  g_assert_cmpfloat (header_bottom, ==, end - height / 2);
  g_assert_true (gtk_widget_get_mapped (header));

  /* Near the end of the row, it is pushed up, whole, with the row's end */
  scroll_grid_to (grid, end - top - needed / 2);
  vertical_bounds (header, grid, &header_top, &header_bottom);
  g_assert_cmpfloat (header_bottom, ==, top + needed / 2);
  g_assert_cmpfloat (header_top, <, top);
  g_assert_cmpfloat (header_bottom - header_top, ==, needed);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether @card is mapped, and whether it shows in @grid's view */
static void
card_state (GtkWidget *grid,
            GtkWidget *card,
            gboolean  *mapped,
            gboolean  *in_view)
{
  graphene_rect_t bounds;

  *mapped = gtk_widget_get_mapped (card);
  *in_view = gtk_widget_compute_bounds (card, grid, &bounds) &&
             bounds.origin.y < gtk_widget_get_height (grid) &&
             bounds.origin.y + bounds.size.height > 0;
}

/* Counts the cards of @cell made so far, those mapped, and checks that
 * the cards mapped are those in view, and @kept. */
static guint
count_mapped_cards (GtkWidget       *grid,
                    RgDiagnosisCell *cell,
                    GtkWidget       *kept,
                    guint           *n_built)
{
  guint n_mapped = 0;

  *n_built = 0;
  for (GtkWidget *card = rg_test_find_widget (GTK_WIDGET (cell), rg_test_is_of_type,
                                              GSIZE_TO_POINTER (RG_TYPE_STATEMENT_CARD));
       card != NULL;
       card = gtk_widget_get_next_sibling (gtk_widget_get_parent (card)) ?
              gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_next_sibling (gtk_widget_get_parent (card)))) :
              NULL)
    {
      gboolean mapped, in_view;

      card_state (grid, card, &mapped, &in_view);
      (*n_built)++;
      n_mapped += mapped;
      if (card == kept)
        g_assert_true (mapped);
      else
        g_assert_cmpint (mapped, ==, in_view);
      /* Out of view, a card is still there for a screen reader */
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (card)));
    }

  return n_mapped;
}

typedef struct
{
  GtkWidget       *grid;
  RgDiagnosisCell *cell;
  GtkWidget       *kept;
  guint            n_built;
  guint            n_mapped;
  gboolean         checked;
} PaintCheck;

static void
on_after_paint (GdkFrameClock *clock,
                PaintCheck    *check)
{
  check->n_mapped = count_mapped_cards (check->grid, check->cell, check->kept, &check->n_built);
  check->checked = TRUE;
}

static gboolean
is_checked (gpointer data)
{
  return ((PaintCheck *) data)->checked;
}

/* Checks the cards of @check's cell as the next frame draws them: cards
 * made between frames are laid out, and hidden or shown, before the
 * frame that draws them. */
static void
check_at_next_paint (PaintCheck *check)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (check->grid);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), check);

  check->checked = FALSE;
  gtk_widget_queue_draw (check->grid);
  g_assert_true (rg_test_wait_for (is_checked, check, 5));
  g_signal_handler_disconnect (clock, id);
}

/* Clicks @widget in its middle with the real pointer, through the X
 * server, holding @modifier ("ctrl") if not NULL: what GTK makes of the
 * click, button and modifiers, is what a user's would be. */
static void
click_with_pointer (GtkWidget  *widget,
                    guint       button,
                    const char *modifier)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *window_id = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *button_name = g_strdup_printf ("%u", button);
  g_autoptr(GError) error = NULL;
  graphene_point_t point;
  double surface_x, surface_y;
  int status = -1;
  const char *argv[15];
  guint n = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                                 gtk_widget_get_height (widget) / 2.f),
                                           &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  window_id = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  x = g_strdup_printf ("%d", (int) (point.x + surface_x));
  y = g_strdup_printf ("%d", (int) (point.y + surface_y));

  argv[n++] = "xdotool";
  argv[n++] = "mousemove";
  argv[n++] = "--window";
  argv[n++] = window_id;
  argv[n++] = x;
  argv[n++] = y;
  if (modifier != NULL)
    {
      argv[n++] = "keydown";
      argv[n++] = modifier;
    }
  argv[n++] = "click";
  argv[n++] = button_name;
  if (modifier != NULL)
    {
      argv[n++] = "keyup";
      argv[n++] = modifier;
    }
  argv[n] = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
is_selected (gpointer card)
{
  return gtk_widget_has_css_class (card, "selected");
}

static gboolean
is_not_selected (gpointer card)
{
  return !is_selected (card);
}

static gboolean
has_menu_shown (gpointer card)
{
  GtkWidget *popover = rg_test_find_widget (card, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER_MENU));

  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* A card clicked with the real pointer: Ctrl+click selects it, and
 * again leaves it out; the right button opens its menu. */
static void
card_clicks (RgApplication *app)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GFile) file = NULL;
  RgSessionWindow *window;
  RgDiagnosisView *view;
  GtkWidget *card;

  if (xdotool == NULL)
    {
      g_test_skip ("No xdotool to click with");
      return;
    }

  file = rg_test_copy_example (test_dir, "clicks.regards");
  window = rg_test_open_session (app, file);
  view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  card = GTK_WIDGET (rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_cell (view, 0, 0)));

  if (card == NULL)
    {
      g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
      rg_test_iterate_until_idle ();
      card = GTK_WIDGET (rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_cell (view, 0, 0)));
    }
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_false (is_selected (card));

  click_with_pointer (card, 1, "ctrl");
  g_assert_true (rg_test_wait_for (is_selected, card, 5));
  click_with_pointer (card, 1, "ctrl");
  g_assert_true (rg_test_wait_for (is_not_selected, card, 5));

  click_with_pointer (card, 3, NULL);
  g_assert_true (rg_test_wait_for (has_menu_shown, card, 5));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Only the cards in view are drawn: the cairo renderer draws all it is
 * given, and a cell of thirty cards shows a few. The card with the
 * keyboard stays, wherever the view is scrolled. */
static void
cards_out_of_view_not_drawn (RgApplication *app)
{
  g_autoptr(GFile) file = write_large_session_file ("drawn.regards", 4, 3, 30);
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  GtkWidget *grid = rg_test_find_widget (GTK_WIDGET (view), rg_test_is_of_type,
                                         GSIZE_TO_POINTER (RG_TYPE_DIAGNOSIS_GRID));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  PaintCheck check = { grid, rg_diagnosis_view_get_cell (view, 1, 0), NULL, 0, 0, FALSE };
  GtkWidget *focused;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  rg_test_iterate_until_idle ();

  /* Some of the first cell's cards are made beyond the view, ahead of
   * the scroll: they are not drawn. */
  check_at_next_paint (&check);
  g_assert_cmpuint (check.n_mapped, >, 0);
  g_assert_cmpuint (check.n_built, >, check.n_mapped);

  /* The keyboard on the first card, the view scrolled down, as by the
   * wheel: the cards now in view are drawn, and the first card still
   * is. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 1, 0, 0));
  rg_test_iterate_until_idle ();
  focused = GTK_WIDGET (rg_diagnosis_cell_get_focused_card (check.cell));
  g_assert_nonnull (focused);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        2 * gtk_adjustment_get_page_size (adjustment));
  rg_test_iterate_until_idle ();
  check.kept = focused;
  check_at_next_paint (&check);
  g_assert_cmpuint (check.n_mapped, >, 1);
  g_assert_true (rg_diagnosis_cell_get_focused_card (check.cell) == RG_STATEMENT_CARD (focused));
  {
    gboolean mapped, in_view;

    card_state (grid, focused, &mapped, &in_view);
    g_assert_false (in_view);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A cell of thirty cards gets its first ones, those in view, before the
 * first frame, and the rest between frames as the view comes near; the
 * keyboard reaches the cards not made yet all the same, and what is
 * typed in them reaches the disk. */
static void
large_session_made_in_slices (RgApplication *app)
{
  g_autoptr(GFile) file = write_large_session_file ("slices.regards", 4, 5, 30);
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  g_autoptr(RgPartner) last_partner = g_list_model_get_item (rg_session_get_partners (session), 3);
  g_autoptr(RgSession) on_disk = NULL;
  RgDiagnosisCell *first, *far;
  RgStatementCard *card;
  GtkWidget *focus;
  guint presses = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  rg_test_iterate_until_idle ();

  /* A cell in view shows its first cards; its last ones, far below the
   * view, are not made; nor is any card of the last rows. (The first
   * cell, which has the keyboard, has all its cards.) */
  first = rg_diagnosis_view_get_cell (view, 1, 0);
  far = rg_diagnosis_view_get_cell (view, 3, 3);
  g_assert_true (rg_test_wait_for (cell_has_cards, first, 5));
  g_assert_false (rg_diagnosis_cell_get_populated (first));
  g_assert_cmpuint (rg_diagnosis_cell_get_n_built (first), <, 30);
  g_assert_cmpuint (rg_diagnosis_cell_get_n_built (far), ==, 0);
  g_assert_cmpuint (rg_diagnosis_cell_get_n_built (rg_diagnosis_view_get_cell (view, 3, 4)), ==, 0);

  /* From the first card, Tab goes from cell to cell, row after row, to
   * the last row; Up from there is the last card of the cell above. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  rg_test_iterate_until_idle ();
  while (rg_diagnosis_view_get_focused_cell (view) != rg_diagnosis_view_get_cell (view, 3, 4) &&
         presses++ < 100)
    g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == rg_diagnosis_view_get_cell (view, 3, 4));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Up, 0));
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == far);
  card = rg_diagnosis_cell_get_focused_card (far);
  g_assert_nonnull (card);
  g_assert_cmpstr (rg_statement_get_text (rg_statement_card_get_statement (card)), ==,
                   "Constat 29 de 3 en 3, assez long pour tenir sur plusieurs lignes de la carte");
  /* shown by the next frame, the view scrolled to it */
  g_assert_true (rg_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, card, 5));

  /* Enter adds a card after it; what is typed there is on disk within
   * about a second. */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (far)));
  rg_test_type_words (GTK_TEXT_VIEW (focus), "Le mardi soir aussi");
  g_assert_true (rg_test_wait_for (document_saved, rg_session_window_get_document (window), 3));
  on_disk = rg_test_read_session (file);
  g_assert_nonnull (find_statement (on_disk, "Le mardi soir aussi"));

  /* Back at the top right by the desk's reveal: the last partner's
   * first card, in view. */
  g_assert_true (rg_session_window_reveal (window, NULL, rg_partner_get_id (last_partner)));
  rg_test_iterate_until_idle ();
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == rg_diagnosis_view_get_cell (view, 3, 0));
  card = rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_cell (view, 3, 0));
  g_assert_nonnull (card);
  g_assert_cmpstr (rg_statement_get_text (rg_statement_card_get_statement (card)), ==,
                   "Constat 0 de 3 en 0, assez long pour tenir sur plusieurs lignes de la carte");
  g_assert_true (rg_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, card, 5));

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* The label under @widget whose text starts with @prefix, if any */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, prefix);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* A statement of two megabytes, as a hostile file may hold: GTK would
 * take minutes to lay it out whole in a card; the card shows its start,
 * and the editor the whole text. */
static void
huge_statement (RgApplication *app)
{
  g_autoptr(GFile) file = write_session_file ("huge.regards");
  g_autoptr(RgSession) session = rg_test_read_session (file);
  g_autoptr(GString) text = g_string_new ("Début");
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_autoptr(RgStatement) statement = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RgSessionWindow *window;
  RgDiagnosisView *view;
  RgStatementCard *card;
  GtkLabel *label;

  for (guint i = 0; i < 250000; i++)
    g_string_append (text, " abcdefg\n");
  g_string_append (text, "Fin");
  statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                                RG_STATEMENT_KIND_FACT, text->str);
  rg_session_add_statement (session, statement);
  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  window = rg_test_open_session (app, file);
  view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  rg_test_iterate_until_idle ();

  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  card = rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_cell (view, 0, 0));
  g_assert_nonnull (card);
  label = find_label (GTK_WIDGET (card), "Début");
  g_assert_nonnull (label);
  g_assert_cmpuint (strlen (gtk_label_get_text (label)), <, 5000);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), "…"));

  /* The editor has it all, and saves it unchanged */
  rg_statement_card_start_editing (card);
  rg_test_iterate_until_idle ();
  rg_statement_card_stop_editing (card);
  g_assert_true (g_str_equal (rg_statement_get_text (rg_statement_card_get_statement (card)), text->str));
}

/* {{{ Meeting mode: the whole team on one screen */

/* A team of @n_partners, the mother last, each with a statement in the
 * first of three dimensions. */
static GFile *
write_team_session (const char *name,
                    guint       n_partners)
{
  static const char *names[] = {
    "Mme Roussel", "M. Kessler", "Mme Petit", "M. Girard", "Dr Lemoine",
    "Mme Faure", "M. Ndiaye", "Mme Benali (mère)",
  };
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  const char *dimensions[] = { "Scolarité", "Santé", "Famille" };
  g_autoptr(RgDimension) first = NULL;

  g_assert_cmpuint (n_partners, <=, G_N_ELEMENTS (names));
  rg_session_set_title (session, "Revue en équipe");
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = rg_dimension_new ();

      rg_dimension_set_name (dimension, dimensions[i]);
      rg_session_add_dimension (session, dimension);
    }
  first = g_list_model_get_item (rg_session_get_dimensions (session), 0);

  for (guint i = 0; i < n_partners; i++)
    {
      g_autoptr(RgPartner) partner = rg_partner_new ();
      g_autoptr(RgStatement) statement = NULL;
      gboolean mother = i == n_partners - 1;

      rg_partner_set_name (partner, names[mother ? G_N_ELEMENTS (names) - 1 : i]);
      rg_partner_set_role (partner, mother ? RG_PARTNER_ROLE_FAMILY : RG_PARTNER_ROLE_PROFESSIONAL);
      rg_session_add_partner (session, partner);
      statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (first),
                                    RG_STATEMENT_KIND_FACT,
                                    "Arrive souvent en retard le lundi, fatigué, et participe peu");
      rg_session_add_statement (session, statement);
    }

  g_file_delete (file, NULL, NULL);
  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

typedef struct
{
  GtkWidget *window;
  int        width;
} WindowSize;

static gboolean
window_has_width (gpointer data)
{
  WindowSize *size = data;

  return gtk_widget_get_width (size->window) == size->width;
}

/* Sizes @window as a screen of @width × @height would, and lets the
 * zoom follow. Without a window manager under Xvfb, full screen does
 * not resize the window by itself. */
static void
resize_window (RgSessionWindow *window,
               int              width,
               int              height)
{
  WindowSize size = { GTK_WIDGET (window), width };
  gboolean done = FALSE;

  /* The tests' screen may be smaller than the projector: a size
   * request goes beyond it, where a default size would not. */
  for (guint round = 0, request = width; round < 2 && !window_has_width (&size); round++)
    {
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      gtk_widget_set_size_request (GTK_WIDGET (window), request, height);
      gtk_window_set_default_size (GTK_WINDOW (window), request, height);
      gtk_window_present (GTK_WINDOW (window));
      rg_test_wait_for (window_has_width, &size, 2);
      /* The request counts the window's shadow too, where there is one. */
      request += width - gtk_widget_get_width (GTK_WIDGET (window));
    }
  if (!window_has_width (&size))
    g_error ("The window is %d pixels wide, not %d", gtk_widget_get_width (GTK_WIDGET (window)), width);

  /* A few frames: the layout, then the zoom it calls for, then the
   * layout at that zoom. */
  g_timeout_add (500, rg_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The size of @label's text as it is drawn, in pixels */
static double
rendered_font_px (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const PangoFontDescription *font = pango_context_get_font_description (pango_layout_get_context (layout));
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  if (!pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;

  return size * gtk_widget_get_scale_factor (GTK_WIDGET (label));
}

static void
assert_column_in_window (RgSessionWindow *window,
                         RgDiagnosisView *view,
                         guint            column)
{
  RgDiagnosisCell *cell = rg_diagnosis_view_get_cell (view, column, 0);
  graphene_rect_t bounds;

  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (cell)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (window), &bounds));
  if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (GTK_WIDGET (window)))
    g_error ("Column %u lies from %g to %g, outside the window's %d pixels", column,
             bounds.origin.x, bounds.origin.x + bounds.size.width, gtk_widget_get_width (GTK_WIDGET (window)));
}

/* On a projector of 1920 × 1080, every partner's column is on the
 * screen, and the text of the cards is large enough to read from the
 * back of the room: 18 pixels with six partners, 16 with eight. */
static void
meeting_mode_fits_the_team (RgApplication *app,
                            guint          n_partners,
                            double         floor_px)
{
  g_autofree char *name = g_strdup_printf ("equipe-%u.regards", n_partners);
  g_autoptr(GFile) file = write_team_session (name, n_partners);
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  g_autoptr(RgStatement) statement = NULL;
  RgStatementCard *card;
  GtkLabel *label;
  double zoom, font_px;
  gboolean meeting;

  resize_window (window, 1920, 1080);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.meeting-mode", NULL));
  resize_window (window, 1920, 1080);
  g_object_get (window, "meeting-mode", &meeting, NULL);
  g_assert_true (meeting);

  for (guint c = 0; c < n_partners; c++)
    assert_column_in_window (window, view, c);

  statement = g_list_model_get_item (rg_session_get_statements (session), 0);
  card = rg_diagnosis_cell_get_card (rg_diagnosis_view_get_cell (view, 0, 0), statement);
  g_assert_nonnull (card);
  label = find_label (GTK_WIDGET (card), "Arrive souvent");
  g_assert_nonnull (label);
  font_px = rendered_font_px (label);
  zoom = rg_diagnosis_view_get_zoom (view);
  g_test_message ("%u partners at 1920 pixels: zoom %.2f, text of %.1f pixels", n_partners, zoom, font_px);
  g_assert_cmpfloat (font_px, >=, floor_px);

  /* Narrower, the zoom follows: smaller, but not under the floor; the
   * columns that no longer fit scroll, beside the mother's, which
   * stays in view. */
  resize_window (window, 1280, 1024);
  g_assert_cmpfloat (rg_diagnosis_view_get_zoom (view), <, zoom);
  g_assert_cmpfloat (rendered_font_px (label), >=, 16.0 - 0.01);
  assert_column_in_window (window, view, n_partners - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.leave-meeting-mode", NULL));
}

static void
meeting_mode_fits_six (RgApplication *app)
{
  meeting_mode_fits_the_team (app, 6, 18.0);
}

static void
meeting_mode_fits_eight (RgApplication *app)
{
  meeting_mode_fits_the_team (app, 8, 16.0);
}

static gboolean
run_key_controllers (GtkWidget       *widget,
                     GtkPropagationPhase phase,
                     guint            keyval,
                     GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

            handled = rg_test_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, state) &&
                      gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                    GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
          }

      if (handled)
        return TRUE;
    }

  return FALSE;
}

/* A key pressed where the window's focus is, as GTK hands it round:
 * the capture phase from the window down, the window's application
 * shortcuts first, then the bubble phase from the focus up. */
static gboolean
dispatch_key (GtkWindow       *window,
              guint            keyval,
              GdkModifierType  state)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *widget = gtk_window_get_focus (window); widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (chain, widget);

  for (guint i = chain->len; i > 0 && !handled; i--)
    handled = run_key_controllers (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, keyval, state);
  for (guint i = 0; i < chain->len && !handled; i++)
    handled = (i == 0 && run_key_controllers (g_ptr_array_index (chain, i), GTK_PHASE_TARGET, keyval, state)) ||
              run_key_controllers (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, keyval, state);

  rg_test_iterate_until_idle ();
  return handled;
}

/* Escape ends the typing in a card, and only that: the projected
 * screen stays in meeting mode, at its zoom. F11 and the button leave
 * meeting mode. */
static void
escape_in_meeting_mode (RgApplication *app)
{
  g_autoptr(GFile) file = write_team_session ("echap.regards", 5);
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  GtkWidget *leave = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RG_TYPE_SESSION_WINDOW,
                                                                "leave_meeting_button"));
  RgStatementCard *card;
  GtkWidget *focus;
  gboolean meeting;
  double zoom;

  resize_window (window, 1920, 1080);
  g_assert_false (gtk_widget_get_visible (leave));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.meeting-mode", NULL));
  resize_window (window, 1920, 1080);
  zoom = rg_diagnosis_view_get_zoom (view);
  g_assert_cmpfloat (zoom, >, 1.0);

  /* The way out is shown, named, and says its key. */
  g_assert_true (gtk_widget_get_visible (leave));
  g_assert_true (gtk_widget_is_visible (leave));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (leave), ==, "Leave Meeting Mode (F11)");
  /* Named by the words it shows, without the mnemonic, and once: a
   * label of its own besides was said after them */
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (leave)))),
                   ==, "_Leave Meeting Mode");
  g_assert_true (adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (leave)))));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (leave),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Writing in a card: Enter on a card adds one after it, words typed
   * there, then Escape. */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 1, 0, 0));
  g_assert_true (dispatch_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  card = rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_cell (view, 1, 0));
  g_assert_nonnull (card);
  g_assert_true (rg_statement_card_get_editing (card));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  rg_test_type_words (GTK_TEXT_VIEW (focus), "Dort mal en classe");

  g_assert_true (dispatch_key (GTK_WINDOW (window), GDK_KEY_Escape, 0));
  g_assert_false (rg_statement_card_get_editing (card));
  g_object_get (window, "meeting-mode", &meeting, NULL);
  g_assert_true (meeting);
  g_assert_cmpfloat_with_epsilon (rg_diagnosis_view_get_zoom (view), zoom, 0.001);
  g_assert_nonnull (find_statement (session, "Dort mal en classe"));

  /* A second Escape, with nothing being typed, leaves it on too. */
  dispatch_key (GTK_WINDOW (window), GDK_KEY_Escape, 0);
  g_object_get (window, "meeting-mode", &meeting, NULL);
  g_assert_true (meeting);

  /* F11 is the way out. */
  g_assert_true (dispatch_key (GTK_WINDOW (window), GDK_KEY_F11, 0));
  g_object_get (window, "meeting-mode", &meeting, NULL);
  g_assert_false (meeting);
  g_assert_false (gtk_widget_get_visible (leave));
}

/* }}} */

/* {{{ Killed right after typing */

static char *child_path;

static void
type_then_wait_to_be_killed (RgApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_path (child_path);
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));

  g_assert_true (rg_diagnosis_view_focus_cell (view, 1, 1, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  type_into_card (rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_focused_cell (view)),
                  "Tapé juste avant la coupure");
  g_print ("typed\n");

  /* Wait to be killed. */
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_killed_after_typing (void)
{
  g_autoptr(GFile) file = write_session_file ("killed.regards");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "test-session-window", NULL);
  const char *argv[] = { program, "--child", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  g_autoptr(RgSession) session = NULL;
  GPid pid;
  int out, status;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_assert_cmpstr (line, ==, "typed\n");

  /* Two seconds after typing, the text must be on disk, whatever
   * happens to the program then. */
  g_usleep (2 * G_USEC_PER_SEC);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));

  session = rg_test_read_session (file);
  g_assert_nonnull (find_statement (session, "Tapé juste avant la coupure"));
}

/* }}} */

/* {{{ Reveal: the desk opens a session at the right place */

static const char *
visible_view (RgSessionWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       RG_TYPE_SESSION_WINDOW,
                                                                       "view_stack"));

  return adw_view_stack_get_visible_child_name (stack);
}

/* The object the focused row holds as @key */
static gpointer
focused_row_object (RgSessionWindow *window,
                    const char      *key)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX_ROW (w) && g_object_get_data (G_OBJECT (w), key) != NULL)
      return g_object_get_data (G_OBJECT (w), key);

  return NULL;
}

static gboolean
shows_actions (gpointer window)
{
  return g_strcmp0 (visible_view (window), "actions") == 0;
}

static void
reveal (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "revue-reveal.regards");
  g_autoptr(RgSession) on_disk = rg_test_read_session (file);
  g_autoptr(RgAction) action = g_list_model_get_item (rg_session_get_actions (on_disk), 2);
  g_autoptr(RgLink) link = g_list_model_get_item (rg_session_get_links (on_disk), 4);
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (on_disk), 3);
  RgSessionWindow *window;
  RgAction *focused_action;
  RgLink *focused_link;
  GtkWidget *focus;

  /* Opened on an action: the actions view, that action's row focused */
  rg_application_open_file_at (app, file, NULL, rg_action_get_id (action));
  g_assert_true (rg_test_wait_for (rg_test_has_session_window, app, 10));
  window = rg_test_get_session_window (app);
  g_assert_true (rg_test_wait_for (shows_actions, window, 5));
  rg_test_iterate_until_idle ();
  focused_action = focused_row_object (window, "action");
  g_assert_nonnull (focused_action);
  g_assert_cmpstr (rg_action_get_id (focused_action), ==, rg_action_get_id (action));

  /* Already open, on a link: the agreements and divergences */
  rg_application_open_file_at (app, file, NULL, rg_link_get_id (link));
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (visible_view (window), ==, "links");
  focused_link = focused_row_object (window, "link");
  g_assert_nonnull (focused_link);
  g_assert_cmpstr (rg_link_get_id (focused_link), ==, rg_link_get_id (link));

  /* On a partner: their column of the diagnosis */
  g_assert_true (rg_session_window_reveal (window, NULL, rg_partner_get_id (partner)));
  g_assert_cmpstr (visible_view (window), ==, "diagnosis");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  focus = focus ? gtk_widget_get_ancestor (focus, RG_TYPE_DIAGNOSIS_CELL) : NULL;
  g_assert_nonnull (focus);
  g_assert_cmpstr (rg_partner_get_id (rg_diagnosis_cell_get_partner (RG_DIAGNOSIS_CELL (focus))),
                   ==, rg_partner_get_id (partner));

  /* What the session no longer holds leaves the window as it is */
  g_assert_false (rg_session_window_reveal (window, NULL, "00000000-0000-0000-0000-000000000000"));
  g_assert_cmpstr (visible_view (window), ==, "diagnosis");

  /* Nothing to focus: the view named */
  g_assert_false (rg_session_window_reveal (window, "actions", NULL));
  g_assert_cmpstr (visible_view (window), ==, "actions");

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* }}} */

/* Alt+1…5 shows each view with the keyboard in it, as a screen reader
 * user moves from view to view without the view switcher */
static void
views_by_key (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "revue-views.regards");
  const char *views[] = { "diagnosis", "links", "glossary", "criteria", "actions" };
  RgSessionWindow *window;

  window = rg_test_open_session (app, file);

  for (int i = G_N_ELEMENTS (views) - 1; i >= 0; i--)
    {
      AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                           RG_TYPE_SESSION_WINDOW,
                                                                           "view_stack"));
      GtkWidget *focus;

      g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_1 + i, GDK_ALT_MASK));
      g_assert_cmpstr (visible_view (window), ==, views[i]);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, adw_view_stack_get_child_by_name (stack, views[i])));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
menu_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* A column's menu, made when first opened, opens from the keyboard
 * with the partner's actions in it. */
static void
header_menu_by_key (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "revue-menu.regards");
  RgSessionWindow *window;
  GtkWidget *view, *button, *popover;
  GMenuModel *menu;

  window = rg_test_open_session (app, file);
  view = rg_session_window_get_diagnosis_view (window);
  button = rg_test_find_widget (view, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  /* A button clicks a moment after the key, as it shows it pressed. */
  g_assert_true (rg_test_wait_for (menu_shown, button, 5));

  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);

  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Escape, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  /* Laid out, in view or near it */
  if (RG_IS_EDITABLE_TEXT (widget) && gtk_widget_get_width (widget) > 0 &&
      gtk_widget_get_ancestor (widget, RG_TYPE_STATEMENT_CARD) != NULL)
    g_ptr_array_add (texts, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* A card's text is laid out at its column's width only (it asks for no
 * width of its own): it must still ask for the height its label needs,
 * at every width, and show its text whole. */
static void
card_texts_whole (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "revue-heights.regards");
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  RgSessionWindow *window;

  window = rg_test_open_session (app, file);

  collect_texts (GTK_WIDGET (window), texts);
  g_assert_cmpuint (texts->len, >=, 10);

  for (guint i = 0; i < texts->len; i++)
    {
      GtkWidget *text = g_ptr_array_index (texts, i);
      GtkWidget *label = rg_test_find_widget (text, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));
      const int widths[] = { 60, 150, 240, 400, gtk_widget_get_width (text) };
      int shown = 0;

      g_assert_nonnull (label);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          int asked = 0;
          int needed = 0;

          gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, widths[w], NULL, &asked, NULL, NULL);
          gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, widths[w], NULL, &needed, NULL, NULL);
          g_assert_cmpint (asked, ==, needed);
        }

      /* Shown whole: the label has the height its text needs there. */
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label),
                          NULL, &shown, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (label), >=, shown);
      g_assert_cmpint (gtk_widget_get_width (label), ==, gtk_widget_get_width (text));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  test_dir = g_build_filename (root, "sessions", NULL);
  g_assert_cmpint (g_mkdir_with_parents (test_dir, 0700), ==, 0);

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    {
      child_path = argv[2];
      gtk_init ();
      adw_init ();
      rg_test_run_app_func ((gconstpointer) type_then_wait_to_be_killed);
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/session-window/edit-undo-autosave", edit_undo_autosave);
  rg_test_add_app_func ("/session-window/delete-and-move", delete_and_move);
  rg_test_add_app_func ("/session-window/new-session-from-template", new_session_from_template);
  rg_test_add_app_func ("/session-window/new-follow-up", new_follow_up);
  rg_test_add_app_func ("/session-window/link-badges", link_badges);
  rg_test_add_app_func ("/session-window/select-and-tag", select_and_tag);
  rg_test_add_app_func ("/session-window/keyboard-flow", keyboard_flow);
  rg_test_add_app_func ("/session-window/large-session-populates-in-view",
                        large_session_populates_in_view);
  rg_test_add_app_func ("/session-window/large-session-made-in-slices", large_session_made_in_slices);
  rg_test_add_app_func ("/session-window/cards-out-of-view-not-drawn", cards_out_of_view_not_drawn);
  rg_test_add_app_func ("/session-window/cards-dropped-at-rest", cards_dropped_at_rest);
  rg_test_add_app_func ("/session-window/dimension-name-in-view", dimension_name_in_view);
  rg_test_add_app_func ("/session-window/card-clicks", card_clicks);
  rg_test_add_app_func ("/session-window/zoom-and-meeting-mode", zoom_and_meeting_mode);
  rg_test_add_app_func ("/session-window/huge-statement", huge_statement);
  rg_test_add_app_func ("/session-window/meeting-mode/fits-six", meeting_mode_fits_six);
  rg_test_add_app_func ("/session-window/meeting-mode/fits-eight", meeting_mode_fits_eight);
  rg_test_add_app_func ("/session-window/meeting-mode/escape", escape_in_meeting_mode);
  rg_test_add_app_func ("/session-window/reveal", reveal);
  rg_test_add_app_func ("/session-window/views-by-key", views_by_key);
  rg_test_add_app_func ("/session-window/card-texts-whole", card_texts_whole);
  rg_test_add_app_func ("/session-window/header-menu-by-key", header_menu_by_key);
  g_test_add_func ("/session-window/killed-after-typing", test_killed_after_typing);

  return g_test_run ();
}
