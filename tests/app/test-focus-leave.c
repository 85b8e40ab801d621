/* test-focus-leave.c — typing in every view that edits text, then
 * leaving the field for another view or field, under Xvfb
 *
 * The window used to hang, looping on a widget gone, when the focus
 * left an editor for another view, and what was typed reached the file
 * only when editing ended. Here, in each view, the text is typed as the
 * input method does, the focus moves away as a click or Tab moves it,
 * and the window must go on answering, with the text in the file.
 * Criticals are fatal in these tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rg-application.h"
#include "rg-diagnosis-view.h"
#include "rg-document.h"
#include "rg-editable-text.h"
#include "rg-glossary-view.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_dir;

/* {{{ Finding widgets */

static gboolean
is_shown_editable (GtkWidget     *widget,
                   gconstpointer  placeholder)
{
  return RG_IS_EDITABLE_TEXT (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (rg_editable_text_get_placeholder (RG_EDITABLE_TEXT (widget)), placeholder) == 0;
}

static gboolean
is_view_tab (GtkWidget     *widget,
             gconstpointer  title)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         rg_test_find_widget (widget, rg_test_is_label_reading, title) != NULL;
}

/* }}} */
/* {{{ What the user does */

static GtkWidget *
get_focus (RgSessionWindow *window)
{
  return gtk_window_get_focus (GTK_WINDOW (window));
}

/* Gives the field the keyboard focus (or what holds it, as a card holds
 * a glossary meaning) and presses Enter, as the coordinator does. */
static GtkTextView *
start_editing (RgSessionWindow *window,
               RgEditableText  *editable)
{
  GtkWidget *holder = GTK_WIDGET (editable);
  GtkWidget *focus;

  while (holder != NULL && !gtk_widget_get_focusable (holder))
    holder = gtk_widget_get_parent (holder);
  g_assert_nonnull (holder);
  g_assert_true (gtk_widget_grab_focus (holder));
  g_assert_true (rg_test_press_key (holder, GDK_KEY_Return, 0));

  g_assert_true (rg_editable_text_get_editing (editable));
  focus = get_focus (window);
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (editable)));

  return GTK_TEXT_VIEW (focus);
}

/* A click on a view's tab in the header: the button takes the focus,
 * then switches the view. */
static void
click_view_tab (RgSessionWindow *window,
                const char      *title)
{
  GtkWidget *tab = rg_test_find_widget (GTK_WIDGET (window), is_view_tab, title);

  g_assert_nonnull (tab);
  gtk_widget_grab_focus (tab);
  g_signal_emit_by_name (tab, "clicked");
  rg_test_iterate_until_idle ();
}

/* Tab, where the text view does not take it: the focus moves on. */
static void
press_tab (RgSessionWindow *window)
{
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  rg_test_iterate_until_idle ();
}

/* }}} */
/* {{{ Checking */

static gboolean
document_saved (gpointer data)
{
  return !rg_document_get_modified (data);
}

/* The file holds @text, as XML text of the session. */
static void
assert_in_file (RgSessionWindow *window,
                const char      *text)
{
  RgDocument *document = rg_session_window_get_document (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (rg_document_get_file (document));

  g_assert_true (rg_test_wait_for (document_saved, document, 10));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, text));
}

static RgSessionWindow *
open_example (RgApplication *app,
              const char    *name)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, name);

  return rg_test_open_session (app, file);
}

static void
leave_and_check (RgSessionWindow *window,
                 RgEditableText  *editable,
                 const char      *text,
                 void           (*leave) (RgSessionWindow *, const char *),
                 const char      *where)
{
  leave (window, where);

  /* The window answers, editing is over, the text stays. */
  rg_test_iterate_until_idle ();
  g_assert_false (rg_editable_text_get_editing (editable));
  g_assert_cmpstr (rg_editable_text_get_text (editable), ==, text);
  assert_in_file (window, text);
}

static void
leave_by_tab (RgSessionWindow *window,
              const char      *unused)
{
  press_tab (window);
}

/* Types @text into the shown field with @placeholder after showing
 * @view_title, then leaves it as @leave does. */
static void
edit_field (RgSessionWindow *window,
            const char      *view_title,
            const char      *placeholder,
            const char      *text,
            void           (*leave) (RgSessionWindow *, const char *),
            const char      *where)
{
  RgEditableText *editable;
  GtkTextView *view;

  if (view_title != NULL)
    click_view_tab (window, view_title);
  editable = RG_EDITABLE_TEXT (rg_test_find_widget (GTK_WIDGET (window), is_shown_editable, placeholder));
  g_assert_nonnull (editable);

  view = start_editing (window, editable);
  /* What was there goes, as select-all then typing would. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", -1);
  rg_test_type_words (view, text);

  /* Typed, not yet left: the session holds it already. */
  assert_in_file (window, text);

  leave_and_check (window, editable, text, leave, where);
}

/* }}} */
/* {{{ The tests */

static void
card_then_glossary (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "card.regards");
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  const char *text = "Lit avec aisance depuis janvier";
  RgEditableText *editable;
  GtkTextView *text_view;
  GListModel *statements;
  guint n_statements;

  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  rg_test_iterate_until_idle ();
  text_view = GTK_TEXT_VIEW (get_focus (window));
  g_assert_true (GTK_IS_TEXT_VIEW (text_view));
  editable = RG_EDITABLE_TEXT (gtk_widget_get_ancestor (GTK_WIDGET (text_view), RG_TYPE_EDITABLE_TEXT));
  rg_test_type_words (text_view, text);
  assert_in_file (window, text);

  click_view_tab (window, "Glossary");
  rg_test_iterate_until_idle ();
  g_assert_false (rg_editable_text_get_editing (editable));
  assert_in_file (window, text);

  /* Added and typed word by word, it is undone in one step. */
  statements = rg_session_get_statements (rg_document_get_session (rg_session_window_get_document (window)));
  n_statements = g_list_model_get_n_items (statements);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, n_statements - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, n_statements);

  gtk_window_close (GTK_WINDOW (window));
}

static void
synthesis_then_links (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "synthesis.regards");

  edit_field (window, NULL, "What the team agrees on (Enter to write)",
              "Une lecture commune des progrès", click_view_tab, "Agreements and Divergences");
  gtk_window_close (GTK_WINDOW (window));
}

static void
link_note_then_criteria (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "note.regards");

  edit_field (window, "Agreements and Divergences", "Add a note (Enter to write)",
              "À reprendre avec la famille", click_view_tab, "Success Criteria");
  gtk_window_close (GTK_WINDOW (window));
}

/* A click on the first word of the glossary shows its meanings. */
static void
show_first_word (RgSessionWindow *window)
{
  GtkWidget *view = rg_test_find_widget (GTK_WIDGET (window), rg_test_is_of_type,
                                 GSIZE_TO_POINTER (RG_TYPE_GLOSSARY_VIEW));
  GtkWidget *list = rg_test_find_widget (view, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_signal_emit_by_name (row, "activate");
  rg_test_iterate_until_idle ();
}

static void
glossary_then_actions (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "glossary.regards");

  click_view_tab (window, "Glossary");
  show_first_word (window);
  edit_field (window, NULL, "Not said yet",
              "Ce que la mère entend par là", click_view_tab, "Actions");
  click_view_tab (window, "Glossary");
  show_first_word (window);
  edit_field (window, NULL, "What the whole team means by this word — Enter to write",
              "Le sens retenu par l’équipe", click_view_tab, "Diagnosis");
  gtk_window_close (GTK_WINDOW (window));
}

static void
consent_then_tab (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "consent.regards");

  edit_field (window, "Actions", "What the family agreed to share",
              "Les bilans orthophoniques", leave_by_tab, NULL);
  edit_field (window, NULL, "With whom, for example the school doctor",
              "Le médecin scolaire", click_view_tab, "Glossary");
  gtk_window_close (GTK_WINDOW (window));
}

static void
criteria_then_tab (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "criteria.regards");

  edit_field (window, "Success Criteria", "What will have changed?",
              "Il vient en classe chaque matin", leave_by_tab, NULL);
  edit_field (window, NULL, "Indicators, one per line (Shift+Enter for a new line)",
              "Absences du mois", click_view_tab, "Diagnosis");
  gtk_window_close (GTK_WINDOW (window));
}

static gboolean
is_shown_label_starting (GtkWidget     *widget,
                         gconstpointer  start)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), start);
}

static gboolean
has_message_dialog (gpointer data)
{
  return rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_no_session_window (gpointer app)
{
  return !rg_test_has_session_window (app);
}

/* A session that cannot be written opens with a notice saying so; what
 * is typed is never written over it, and closing asks. */
static void
read_only_session (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "read-only.regards");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RgSessionWindow *window;
  RgDiagnosisView *view;
  GtkWidget *text_view;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  window = rg_test_open_session (app, file);
  g_assert_true (rg_document_get_read_only (rg_session_window_get_document (window)));
  g_assert_nonnull (rg_test_find_widget (GTK_WIDGET (window), is_shown_label_starting,
                                 "This session is read-only"));

  view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  rg_test_iterate_until_idle ();
  text_view = get_focus (window);
  g_assert_true (GTK_IS_TEXT_VIEW (text_view));
  rg_test_type_words (GTK_TEXT_VIEW (text_view), "Jamais écrit ici");

  /* Longer than the autosave delay: nothing was written. */
  g_usleep (1500 * 1000);
  rg_test_iterate_until_idle ();
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (rg_test_wait_for (has_message_dialog, NULL, 5));
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Latest Changes Are Not Saved");
  adw_message_dialog_response (dialog, "close");
  g_assert_true (rg_test_wait_for (has_no_session_window, app, 5));
}

/* A text longer than its editor (a long statement) opens with its
 * start in sight, and the cursor there: the cursor was at its end, out
 * of sight, and what was typed scrolled the start away. */
static void
long_text_start_in_sight (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editable = rg_editable_text_new ();
  g_autoptr(GString) text = g_string_new ("Début du constat.");
  GtkWidget *focus;
  GdkRectangle visible, cursor;
  GtkTextIter iter;
  GtkTextBuffer *buffer;

  for (guint i = 0; i < 80; i++)
    g_string_append_printf (text, "\nLigne %u d'un long constat, écrite pendant la réunion.", i);
  rg_editable_text_set_text (RG_EDITABLE_TEXT (editable), text->str);
  gtk_window_set_default_size (window, 400, 900);
  gtk_window_set_child (window, editable);
  gtk_window_present (window);

  /* Laid out, edited, and scrolled as GTK scrolls, over a few frames */
  for (guint i = 0; i < 60; i++)
    {
      g_usleep (5 * 1000);
      rg_test_iterate_until_idle ();
      if (i == 20)
        rg_editable_text_start_editing (RG_EDITABLE_TEXT (editable));
    }

  focus = gtk_window_get_focus (window);
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (focus), &visible);
  /* The editor shows a part of the text only... */
  g_assert_cmpint (visible.height, >, 0);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (focus), &iter, &cursor);
  g_assert_cmpint (cursor.y, >, visible.y + visible.height);
  /* ...its start, with the cursor. */
  g_assert_cmpint (visible.y, ==, 0);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (focus), &iter, &cursor);
  g_assert_cmpint (cursor.y, >=, visible.y);
  g_assert_cmpint (cursor.y + cursor.height, <=, visible.y + visible.height);

  gtk_window_destroy (window);
  rg_test_iterate_until_idle ();
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

  rg_test_add_app_func ("/focus-leave/card-then-glossary", card_then_glossary);
  rg_test_add_app_func ("/focus-leave/synthesis-then-links", synthesis_then_links);
  rg_test_add_app_func ("/focus-leave/link-note-then-criteria", link_note_then_criteria);
  rg_test_add_app_func ("/focus-leave/glossary-then-actions", glossary_then_actions);
  rg_test_add_app_func ("/focus-leave/consent-then-tab", consent_then_tab);
  rg_test_add_app_func ("/focus-leave/criteria-then-tab", criteria_then_tab);
  rg_test_add_app_func ("/focus-leave/read-only-session", read_only_session);
  g_test_add_func ("/focus-leave/long-text-start-in-sight", long_text_start_in_sight);

  return g_test_run ();
}
