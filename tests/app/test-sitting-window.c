/* test-sitting-window.c — a team sitting prepared and held at the
 * keyboard: the new-sitting dialog on a library of three situations,
 * the sitting window, and meeting mode moving through the agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-diagnosis-cell.h"
#include "rg-diagnosis-view.h"
#include "rg-new-sitting-dialog.h"
#include "rg-sitting-bar.h"
#include "rg-sitting-minutes-dialog.h"
#include "rg-sitting-window.h"
#include "rg-sitting-xml.h"
#include "rg-statement-card.h"
#include "rg-template.h"
#include "rg-test-app.h"
#include "rg-test-pdf.h"
#include "rg-test-utils.h"

static char *test_root;
static char *library_folder;

typedef struct
{
  const char *title;
  const char *situation_id;
  const char *label;
  const char *code;
  const char *partners[4];
} Fixture;

/* Three children, each with one session held in the winter */
static const Fixture fixtures[] = {
  { "Revue de janvier", "a1a1a1a1-0000-4000-8000-000000000001", "Élève A., CM1", "S-01",
    { "Mme Roussel", "M. Kessler", NULL } },
  { "Revue de février", "b2b2b2b2-0000-4000-8000-000000000002", "Élève B., CE2", "S-02",
    { "Mme Fontaine", "Mme L. (mère)", "M. Diallo", NULL } },
  { "Revue de mars", "c3c3c3c3-0000-4000-8000-000000000003", "Élève C., 6e", "S-03",
    { "Mme Petit", NULL } },
};

static void
write_library (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgSession) session = rg_session_new_from_template (RG_TEMPLATE_DEFAULT, fixtures[i].title, &error);
      g_autofree char *name = g_strdup_printf ("%s.regards", fixtures[i].title);
      g_autofree char *path = g_build_filename (library_folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RgDocument) document = NULL;
      g_autofree char *date = g_strdup_printf ("2027-0%u-15", i + 1);

      g_assert_no_error (error);
      rg_session_set_situation_id (session, fixtures[i].situation_id);
      rg_session_set_situation_label (session, fixtures[i].label);
      rg_session_set_situation_code (session, fixtures[i].code);
      rg_session_set_date (session, date);
      for (guint j = 0; fixtures[i].partners[j] != NULL; j++)
        {
          g_autoptr(RgPartner) partner = rg_partner_new ();

          rg_partner_set_name (partner, fixtures[i].partners[j]);
          rg_partner_set_colour (partner, rg_partner_pick_colour (rg_session_get_partners (session)));
          rg_session_add_partner (session, partner);
        }

      document = rg_document_new (session, file);
      g_assert_true (rg_document_save (document, NULL, &error));
      g_assert_no_error (error);
    }
}

static gboolean
library_indexed (gpointer data)
{
  RgLibrary *library = rg_application_get_library (data);
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) situations = NULL;

  if (library == NULL || rg_library_get_scanning (library))
    return FALSE;

  situations = rg_library_list_situations (library, query, NULL, NULL, NULL);
  return situations != NULL && g_list_model_get_n_items (situations) == G_N_ELEMENTS (fixtures);
}

static gpointer
get_child (gpointer    widget,
           GType       type,
           const char *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static guint
count_rows (GtkListBox *list,
            gboolean    visible_only)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && (!visible_only || gtk_widget_get_child_visible (row)))
      n++;

  return n;
}

static gboolean
has_rows (gpointer list)
{
  return count_rows (list, FALSE) == G_N_ELEMENTS (fixtures);
}

/* The check button of the situation labelled @label */
static GtkCheckButton *
find_situation_check (GtkListBox *list,
                      const char *label)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = rg_test_find_widget (row, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON));

      if (check != NULL && g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), label))
        return GTK_CHECK_BUTTON (check);
    }

  g_assert_not_reached ();
}

/* Whether every row of the agenda shows its partners' check buttons */
static gboolean
partners_read (gpointer list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (rg_test_find_widget (row, rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON)) == NULL)
      return FALSE;

  return TRUE;
}

static void
type_text (GtkWindow  *window,
           const char *text)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "insert-at-cursor", text);
  rg_test_iterate_until_idle ();
}

/* Whether each row of the sitting window's agenda says its session is
 * being prepared, as the index has it */
static gboolean
statuses_shown (gpointer list)
{
  const char *preparing = rg_session_status_get_label (RG_SESSION_STATUS_PREPARING);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (rg_test_find_widget (row, rg_test_is_label_reading, preparing) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
has_sitting_window (gpointer data)
{
  return rg_test_find_window (RG_TYPE_SITTING_WINDOW) != NULL;
}

static RgSessionWindow *
find_session_window_of (RgApplication *app,
                        GFile         *file)
{
  return RG_SESSION_WINDOW (rg_application_find_session_window (app, file));
}

typedef struct
{
  RgApplication *app;
  GFile         *file;
  GFile         *gone;
} WindowWait;

/* The window of @file is open and mapped, and that of @gone closed */
static gboolean
window_moved (gpointer data)
{
  WindowWait *wait = data;
  RgSessionWindow *window = find_session_window_of (wait->app, wait->file);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         (wait->gone == NULL || find_session_window_of (wait->app, wait->gone) == NULL);
}

static GFile *
session_file_of (RgSittingItem *item)
{
  g_autoptr(GFile) folder = g_file_new_for_path (library_folder);

  g_assert_nonnull (rg_sitting_item_get_session_file (item));
  return g_file_resolve_relative_path (folder, rg_sitting_item_get_session_file (item));
}

static RgSittingBar *
get_bar (RgSessionWindow *window)
{
  return get_child (window, RG_TYPE_SESSION_WINDOW, "sitting_bar");
}

static void
sitting_from_dialog_to_meeting (RgApplication *app)
{
  RgNewSittingDialog *dialog;
  GtkListBox *situations, *agenda;
  GtkCheckButton *check;
  RgSittingWindow *sitting_window;
  g_autoptr(RgSitting) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first_file = NULL;
  g_autoptr(GFile) second_file = NULL;
  g_autofree char *today = rg_date_new_today ();
  GListModel *items;
  RgSessionWindow *window;
  RgDiagnosisView *view;
  RgStatementCard *card;
  GtkWidget *focus;
  gboolean meeting;
  WindowWait wait = { app, NULL, NULL };
  static const char *order[] = { "Élève B., CE2", "Élève A., CM1", "Élève C., 6e" };

  g_assert_true (rg_test_wait_for (library_indexed, app, 20));

  /* New Sitting… from the application's menu */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-sitting", NULL);
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_NEW_SITTING_DIALOG);
  g_assert_nonnull (dialog);
  situations = get_child (dialog, RG_TYPE_NEW_SITTING_DIALOG, "situations_list");
  agenda = get_child (dialog, RG_TYPE_NEW_SITTING_DIALOG, "agenda_list");
  g_assert_true (rg_test_wait_for (has_rows, situations, 10));

  /* The title, typed where the focus starts */
  type_text (GTK_WINDOW (dialog), "EPS de mai");

  /* The search finds a child by word, accents or not */
  gtk_editable_set_text (get_child (dialog, RG_TYPE_NEW_SITTING_DIALOG, "search_entry"), "eleve b");
  rg_test_iterate_until_idle ();
  gtk_list_box_invalidate_filter (situations);
  g_assert_cmpuint (count_rows (situations, TRUE), ==, 1);
  gtk_editable_set_text (get_child (dialog, RG_TYPE_NEW_SITTING_DIALOG, "search_entry"), "");
  gtk_list_box_invalidate_filter (situations);
  g_assert_cmpuint (count_rows (situations, TRUE), ==, 3);

  /* A, B and C checked, as Space does */
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      check = find_situation_check (situations, fixtures[i].label);
      g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
      rg_test_iterate_until_idle ();
      g_assert_true (gtk_check_button_get_active (check));
    }
  g_assert_cmpuint (count_rows (agenda, FALSE), ==, 3);
  g_assert_true (rg_test_wait_for (partners_read, agenda, 10));

  /* B first: Alt+Up where the focus is in its row */
  gtk_widget_grab_focus (rg_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (agenda, 1)),
                                              rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON)));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (dialog), GDK_KEY_Up, GDK_ALT_MASK));

  /* M. Diallo is not invited to B's: his check button, unchecked */
  check = GTK_CHECK_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog)));
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (check),
                                         GTK_WIDGET (gtk_list_box_get_row_at_index (agenda, 0))));
  for (GtkWidget *w = GTK_WIDGET (check); w != NULL; )
    {
      if (GTK_IS_CHECK_BUTTON (w) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), "M. Diallo") == 0)
        {
          g_assert_true (gtk_widget_activate (w));
          g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (w)));
          break;
        }
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
      w = gtk_window_get_focus (GTK_WINDOW (dialog));
      g_assert_true (gtk_widget_is_ancestor (w, GTK_WIDGET (gtk_list_box_get_row_at_index (agenda, 0))));
    }

  /* Create: the sitting is written, prepared, and its window opens */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-sitting.create", NULL));
  g_assert_true (rg_test_wait_for (has_sitting_window, NULL, 20));
  sitting_window = rg_test_find_window (RG_TYPE_SITTING_WINDOW);
  g_assert_null (rg_test_find_window (RG_TYPE_NEW_SITTING_DIALOG));

  on_disk = rg_sitting_load (rg_sitting_window_get_file (sitting_window), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rg_sitting_get_title (on_disk), ==, "EPS de mai");
  g_assert_cmpstr (rg_sitting_get_date (on_disk), ==, today);
  items = rg_sitting_get_items (on_disk);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      static const char *slots[][2] = { { "14:00", "14:30" }, { "14:30", "15:00" }, { "15:00", "15:30" } };
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);
      g_autoptr(GFile) file = session_file_of (item);
      g_autoptr(RgSession) session = rg_test_read_session (file);

      g_assert_cmpstr (rg_sitting_item_get_situation_label (item), ==, order[i]);
      g_assert_cmpstr (rg_sitting_item_get_start (item), ==, slots[i][0]);
      g_assert_cmpstr (rg_sitting_item_get_end (item), ==, slots[i][1]);

      /* The follow-up of the situation's session, dated the sitting's day */
      g_assert_cmpstr (rg_session_get_id (session), ==, rg_sitting_item_get_session_id (item));
      g_assert_cmpstr (rg_session_get_situation_label (session), ==, order[i]);
      g_assert_cmpstr (rg_session_get_date (session), ==, today);
    }
  {
    g_autoptr(RgSittingItem) first = g_list_model_get_item (items, 0);

    /* B's invited: two of its three partners */
    g_assert_cmpuint (g_list_model_get_n_items (rg_sitting_item_get_invitees (first)), ==, 2);
    g_assert_null (rg_sitting_item_find_invitee (first, "M. Diallo"));
    first_file = session_file_of (first);
  }
  {
    g_autoptr(RgSittingItem) second = g_list_model_get_item (items, 1);

    second_file = session_file_of (second);
  }

  /* The agenda: a row a situation, with its slot */
  g_assert_cmpuint (count_rows (get_child (sitting_window, RG_TYPE_SITTING_WINDOW, "agenda_list"), FALSE), ==, 3);
  g_assert_true (rg_test_wait_for (statuses_shown,
                                   get_child (sitting_window, RG_TYPE_SITTING_WINDOW, "agenda_list"), 10));

  /* Start Sitting: the first situation's session, in meeting mode,
   * its slot shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sitting_window), "sitting.start", NULL));
  wait.file = first_file;
  g_assert_true (rg_test_wait_for (window_moved, &wait, 10));
  window = find_session_window_of (app, first_file);
  g_object_get (window, "meeting-mode", &meeting, NULL);
  g_assert_true (meeting);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (get_bar (window))));
  g_assert_cmpstr (rg_sitting_bar_get_slot_text (get_bar (window)), ==, "14:00–14:30");
  g_assert_cmpstr (rg_sitting_bar_get_position_text (get_bar (window)), ==, "Situation 1 of 3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (get_bar (window)), "large"));

  /* Words typed in a card, then straight on to the next situation */
  view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diagnosis.add-statement", NULL));
  card = rg_diagnosis_cell_get_focused_card (rg_diagnosis_view_get_cell (view, 0, 0));
  g_assert_nonnull (card);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  rg_test_type_words (GTK_TEXT_VIEW (focus), "Lit couramment depuis mars");

  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Page_Down, GDK_ALT_MASK));
  wait.file = second_file;
  wait.gone = first_file;
  g_assert_true (rg_test_wait_for (window_moved, &wait, 10));
  window = find_session_window_of (app, second_file);
  g_object_get (window, "meeting-mode", &meeting, NULL);
  g_assert_true (meeting);
  g_assert_cmpstr (rg_sitting_bar_get_slot_text (get_bar (window)), ==, "14:30–15:00");
  g_assert_cmpstr (rg_sitting_bar_get_position_text (get_bar (window)), ==, "Situation 2 of 3");

  /* What was typed in the first is on its disk */
  {
    g_autoptr(RgSession) first = rg_test_read_session (first_file);
    GListModel *statements = rg_session_get_statements (first);
    g_autoptr(RgStatement) statement = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 1);
    statement = g_list_model_get_item (statements, 0);
    g_assert_cmpstr (rg_statement_get_text (statement), ==, "Lit couramment depuis mars");
  }

  /* And back, with Alt+Page Up */
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Page_Up, GDK_ALT_MASK));
  wait.file = first_file;
  wait.gone = second_file;
  g_assert_true (rg_test_wait_for (window_moved, &wait, 10));
  window = find_session_window_of (app, first_file);
  g_assert_cmpstr (rg_sitting_bar_get_position_text (get_bar (window)), ==, "Situation 1 of 3");
}

/* A sitting file opened (from the command line, the Open dialog) opens
 * its window */
static void
sitting_file_opens_its_window (RgApplication *app)
{
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(RgSittingItem) item = rg_sitting_item_new (fixtures[0].situation_id, fixtures[0].label,
                                                       "09:00", "09:45");
  g_autofree char *path = g_build_filename (library_folder, "eps.regards-sitting", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RgSittingWindow *window;

  rg_sitting_set_title (sitting, "Comité technique");
  rg_sitting_set_date (sitting, "2027-06-01");
  rg_sitting_add_item (sitting, item);
  g_assert_true (rg_sitting_save (sitting, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* As the application's open handler does for each file */
  rg_application_open_file (app, file);
  g_assert_true (rg_test_wait_for (has_sitting_window, NULL, 10));
  window = rg_test_find_window (RG_TYPE_SITTING_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Comité technique");
  g_assert_true (g_file_equal (rg_sitting_window_get_file (window), file));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
minutes_dialog_closed (gpointer data)
{
  return rg_test_find_window (RG_TYPE_SITTING_MINUTES_DIALOG) == NULL;
}

/* Minutes… in the sitting window, through the save chooser: the PDF
 * holds each situation's decisions, pseudonymised as the Preferences
 * say exports are */
static void
minutes_written (RgApplication *app)
{
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(RgSittingItem) item = rg_sitting_item_new (fixtures[0].situation_id, fixtures[0].label,
                                                       "09:00", "09:45");
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgAction) action = rg_action_new ("Demander un bilan orthophonique");
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *session_path = g_build_filename (library_folder, "Revue de juin.regards", NULL);
  g_autoptr(GFile) session_file = g_file_new_for_path (session_path);
  g_autofree char *path = g_build_filename (library_folder, "eps.regards-sitting", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *exports = g_build_filename (test_root, "comptes-rendus", NULL);
  g_autoptr(GFile) exports_file = g_file_new_for_path (exports);
  g_autofree char *name = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  RgSittingWindow *window;
  RgSittingMinutesDialog *dialog;
  GtkFileChooser *chooser;

  /* The session held at the sitting about A: one decision */
  session = rg_session_new_from_template (RG_TEMPLATE_DEFAULT, "Revue de juin", &error);
  g_assert_no_error (error);
  rg_session_set_situation_id (session, fixtures[0].situation_id);
  rg_session_set_situation_label (session, fixtures[0].label);
  rg_session_set_situation_code (session, fixtures[0].code);
  rg_session_set_date (session, "2027-06-01");
  rg_action_set_due (action, "2027-06-30");
  rg_session_add_action (session, action);
  document = rg_document_new (session, session_file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  rg_sitting_set_title (sitting, "Comité technique");
  rg_sitting_set_date (sitting, "2027-06-01");
  rg_sitting_item_set_session_id (item, rg_session_get_id (session));
  rg_sitting_item_set_session_file (item, "Revue de juin.regards");
  rg_sitting_add_item (sitting, item);
  g_assert_true (rg_sitting_save (sitting, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (exports, 0700), ==, 0);

  g_settings_set_boolean (settings, "export-pseudonymise", TRUE);
  rg_application_open_file (app, file);
  g_assert_true (rg_test_wait_for (has_sitting_window, NULL, 10));
  window = rg_test_find_window (RG_TYPE_SITTING_WINDOW);

  /* The Minutes… button of the header bar opens the dialog */
  g_signal_emit_by_name (rg_test_find_widget (GTK_WIDGET (window), is_button_labelled, "_Minutes…"),
                         "clicked");
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_SITTING_MINUTES_DIALOG);
  g_assert_nonnull (dialog);

  /* Pseudonymised, as the Preferences say; PDF first */
  g_assert_true (rg_sitting_minutes_dialog_get_pseudonymise (dialog));
  g_assert_cmpint (rg_sitting_minutes_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_PDF);
  name = rg_sitting_minutes_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Minutes 2027-06-01.pdf");

  /* Save…: the save chooser, in the sitting's folder the first time */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "minutes.save", NULL));
  rg_test_iterate_until_idle ();
  chooser = rg_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  {
    g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);
    g_autofree char *offered = gtk_file_chooser_get_current_name (chooser);

    g_assert_cmpstr (g_file_peek_path (folder), ==, library_folder);
    g_assert_cmpstr (offered, ==, name);
  }
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, exports_file, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (rg_test_find_widget (GTK_WIDGET (chooser), is_button_labelled, "_Export"),
                         "clicked");
  g_assert_true (rg_test_wait_for (minutes_dialog_closed, NULL, 20));

  /* The decision is in it, the child's label is not */
  pdf_path = g_build_filename (exports, name, NULL);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
  text = rg_test_pdf_to_text (pdf_path, NULL);
  flat = rg_test_flatten (text);
  g_assert_nonnull (strstr (flat, "Demander un bilan orthophonique"));
  g_assert_nonnull (strstr (flat, "Situation 1"));
  g_assert_null (strstr (flat, "Élève A"));
  g_assert_null (strstr (flat, "Comité technique"));

  /* The sitting window says so, with a button that opens them */
  g_assert_nonnull (rg_test_find_widget (GTK_WIDGET (window), is_button_labelled, "_Open"));
  g_settings_reset (settings, "export-pseudonymise");
  g_settings_reset (settings, "last-export-folder");
}

static void
run_in_library (gconstpointer func)
{
  static guint n_runs;
  g_autofree char *name = g_strdup_printf ("library-%u", ++n_runs);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_free (library_folder);
  library_folder = g_build_filename (test_root, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (library_folder, 0700), ==, 0);
  write_library ();
  g_settings_set_string (settings, "library-folder", library_folder);

  rg_test_run_app_func (func);
}

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/sitting-window/from-dialog-to-meeting",
                        (gconstpointer) sitting_from_dialog_to_meeting, run_in_library);
  g_test_add_data_func ("/sitting-window/open-file",
                        (gconstpointer) sitting_file_opens_its_window, run_in_library);
  g_test_add_data_func ("/sitting-window/minutes",
                        (gconstpointer) minutes_written, run_in_library);

  return g_test_run ();
}
